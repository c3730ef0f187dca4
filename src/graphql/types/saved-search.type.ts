/** Saved searches in GraphQL: the search, its filter, its feed URLs and its webhook deliveries. */
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from './date-time.scalar.ts';

export enum SavedSearchOriginEnum {
  CONFIG = 'CONFIG',
  API = 'API',
}
registerEnumType(SavedSearchOriginEnum, { name: 'SavedSearchOrigin', description: 'CONFIG: declared in feeds.json (read-only here); API: saved with saveSearch.' });

export enum DeliveryStatusEnum {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(DeliveryStatusEnum, { name: 'DeliveryStatus', description: 'PENDING: waiting for its (next) attempt; DELIVERED: the receiver answered 2xx; FAILED: given up after the last attempt.' });

@ObjectType('SavedSearchFilter', { description: 'The filter a saved search keeps (the ArticleFilter fields it can save).' })
export class SavedSearchFilterType {
  @Field(() => [ID], { nullable: true })
  topics?: readonly string[];
  @Field(() => [ID], { nullable: true })
  actors?: readonly string[];
  @Field(() => Boolean, { nullable: true })
  includeAffiliates?: boolean;
  @Field(() => [ID], { nullable: true })
  regions?: readonly string[];
  @Field(() => [ID], { nullable: true })
  sources?: readonly string[];
  @Field(() => [String], { nullable: true })
  languages?: readonly string[];
  @Field(() => DateTimeScalar, { nullable: true })
  from?: string;
  @Field(() => DateTimeScalar, { nullable: true })
  to?: string;
  @Field(() => String, { nullable: true })
  search?: string;
}

@InputType('SavedSearchFilterInput', { description: 'What a saved search filters on: the ArticleFilter fields it can keep (AND across fields, OR within one).' })
export class SavedSearchFilterInput {
  @Field(() => [ID], { nullable: true, description: 'Topic ids; each includes its sub-topics.' })
  topics?: string[];
  @Field(() => [ID], { nullable: true, description: 'Actor ids.' })
  actors?: string[];
  @Field(() => Boolean, { nullable: true, description: 'Widen `actors` to their affiliates.' })
  includeAffiliates?: boolean;
  @Field(() => [ID], { nullable: true, description: 'Region ids; each includes the regions below it.' })
  regions?: string[];
  @Field(() => [ID], { nullable: true, description: 'Feed ids.' })
  sources?: string[];
  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes.' })
  languages?: string[];
  @Field(() => DateTimeScalar, { nullable: true, description: 'Inclusive lower bound on publishedAt.' })
  from?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Inclusive upper bound on publishedAt.' })
  to?: Date;
  @Field(() => String, { nullable: true, description: 'Words to find in title, summary and tags.' })
  search?: string;
}

@InputType('SaveSearchInput', { description: 'A search to save (created, or replaced when the id exists).' })
export class SaveSearchInput {
  @Field(() => ID, { description: "Slug (lower-case letters, digits, '.', '_', '-'): the feeds are at /searches/<id>.rss, .atom, .json." })
  id!: string;
  @Field(() => String, { description: 'Shown as the title of its feeds.' })
  name!: string;
  @Field(() => String, { nullable: true, description: 'Query language text, AND-ed with filter.' })
  query?: string;
  @Field(() => SavedSearchFilterInput, { nullable: true })
  filter?: SavedSearchFilterInput;
  @Field(() => String, { nullable: true, description: 'http(s) URL new matches are POSTed to, signed with WEBHOOK_SECRET.' })
  webhook?: string;
}

@ObjectType({ description: "Where a saved search's matches are published (paths on this server)." })
export class SavedSearchFeeds {
  @Field(() => String, { description: 'RSS 2.0.' })
  rss!: string;
  @Field(() => String, { description: 'Atom 1.0.' })
  atom!: string;
  @Field(() => String, { description: 'JSON Feed 1.1.' })
  json!: string;
}

@ObjectType({ description: 'One POST of new matches to a webhook, with its attempts so far.' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Sent as X-Newsgate-Delivery; the same on every retry.' })
  id!: string;
  @Field(() => DateTimeScalar, { description: 'When the matches were queued.' })
  at!: string;
  @Field(() => DeliveryStatusEnum)
  status!: DeliveryStatusEnum;
  @Field(() => Int, { description: 'POSTs made so far.' })
  attempts!: number;
  @Field(() => Int, { description: 'Articles in the delivery.' })
  articleCount!: number;
  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt, when the receiver answered.' })
  httpStatus?: number | null;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  error?: string | null;
  @Field(() => DateTimeScalar, { nullable: true })
  lastAttemptAt?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the next attempt is due (PENDING only).' })
  nextAttemptAt?: string | null;
}

// Never cached: saveSearch, deleteSearch and deliveries change it without any article changing
// (the response cache is keyed by the article generation).
@Directive('@cacheControl(maxAge: 0)')
@ObjectType({ description: 'A query and a filter kept under a name, published as feeds and, with a webhook, pushed as matches arrive.' })
export class SavedSearchType {
  @Field(() => ID)
  id!: string;
  @Field(() => String)
  name!: string;
  @Field(() => String, { description: "Query language text ('' for none)." })
  query!: string;
  @Field(() => SavedSearchFilterType)
  filter!: SavedSearchFilterType;
  @Field(() => SavedSearchOriginEnum)
  origin!: SavedSearchOriginEnum;
  @Field(() => Boolean, { description: 'True for searches declared in feeds.json: saveSearch and deleteSearch refuse them.' })
  readOnly!: boolean;
  @Field(() => Boolean, { description: 'Whether new matches are POSTed to a webhook.' })
  hasWebhook!: boolean;
  @Field(() => DateTimeScalar)
  createdAt!: string;
  @Field(() => DateTimeScalar)
  updatedAt!: string;
  @Field(() => SavedSearchFeeds)
  feeds!: SavedSearchFeeds;
}
