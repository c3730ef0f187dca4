/**
 * The analyst API's types: orders and collapsing of `articles`, highlights, facets, timelines
 * and the actor network. Facet, pair and partner entries hold ids; their resolvers turn them
 * into Actor, Region, Topic and Feed objects from the catalog and config.
 */
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from './date-time.scalar.ts';

export enum ArticleOrderEnum {
  PUBLISHED_DESC = 'PUBLISHED_DESC',
  FETCHED_DESC = 'FETCHED_DESC',
  RELEVANCE = 'RELEVANCE',
}
registerEnumType(ArticleOrderEnum, {
  name: 'ArticleOrder',
  description: 'PUBLISHED_DESC: newest first (default). FETCHED_DESC: latest ingested first (catch up since a visit). RELEVANCE: best match of the words of `query` first (needs words in `query`).',
});

export enum CollapseEnum {
  STORY = 'STORY',
}
registerEnumType(CollapseEnum, { name: 'Collapse', description: 'STORY: one article per story, the newest match of each.' });

export enum IntervalEnum {
  HOUR = 'HOUR',
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(IntervalEnum, { name: 'Interval', description: 'Calendar buckets of a timeline, in its time zone; weeks start on Monday (ISO).' });

@ObjectType({ description: 'Where a word or phrase of a query occurs in an article.' })
export class Highlight {
  @Field(() => String, { description: '`title`, `summary` or `content`.' })
  field!: string;

  @Field(() => Int, { description: 'UTF-16 offset of the match in that field.' })
  start!: number;

  @Field(() => Int)
  end!: number;

  @Field(() => String, { description: 'The match with some context either side.' })
  snippet!: string;
}

/** Root of a facet entry: the id (or code) and the count. */
export interface FacetRoot {
  readonly value: string;
  readonly count: number;
}

@ObjectType({ description: 'Matches per actor.' })
export class ActorFacet {
  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Matches per region (a region counts everything inside it).' })
export class RegionFacet {
  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Matches per topic (a topic counts its sub-topics).' })
export class TopicFacet {
  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Matches per feed.' })
export class SourceFacet {
  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Matches per language.' })
export class LanguageFacet {
  @Field(() => String, { description: 'ISO 639-1 code.' })
  language!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "Counts of the matches by value, largest first; each count is the `totalCount` of the same filter narrowed by that value." })
export class Facets {
  @Field(() => [ActorFacet])
  actors!: FacetRoot[];

  @Field(() => [RegionFacet])
  regions!: FacetRoot[];

  @Field(() => [TopicFacet])
  topics!: FacetRoot[];

  @Field(() => [SourceFacet])
  sources!: FacetRoot[];

  @Field(() => [LanguageFacet])
  languages!: LanguageFacet[];
}

@ObjectType({ description: 'One bucket of a timeline.' })
export class TimelineBucket {
  @Field(() => DateTimeScalar, { description: 'When the bucket starts (local midnight etc. in the requested zone).' })
  start!: Date;

  @Field(() => Int, { description: 'Matches published in the bucket.' })
  count!: number;

  @Field(() => Float, { description: 'count / all articles published in the bucket (0 when there were none): a volume that adding feeds does not inflate.' })
  share!: number;
}

@ObjectType({ description: 'Matches over time: every bucket of the range, empty ones too.' })
export class Timeline {
  @Field(() => [TimelineBucket])
  buckets!: TimelineBucket[];

  @Field(() => Int, { description: 'The sum of the bucket counts: the number of matches.' })
  totalCount!: number;
}

/** Root of an ActorPair. */
export interface ActorPairRoot {
  readonly a: string;
  readonly b: string;
  readonly count: number;
  readonly score: number;
}

@ObjectType({ description: 'Two actors named in the same articles.' })
export class ActorPair {
  @Field(() => Int, { description: 'Matching articles naming both.' })
  count!: number;

  @Field(() => Float, { description: 'Normalised PMI over the matches, -1..1: 1 when they only appear together, 0 when as often as chance, < 0 when they avoid each other.' })
  score!: number;
}

/** Root of an ActorCount. */
export interface ActorCountRoot {
  readonly actor: string;
  readonly count: number;
  readonly score: number;
}

@ObjectType({ description: 'An actor named with another one, and how strongly.' })
export class ActorCount {
  @Field(() => Int, { description: 'Articles naming both.' })
  count!: number;

  @Field(() => Float, { description: 'Normalised PMI (see ActorPair.score).' })
  score!: number;
}
