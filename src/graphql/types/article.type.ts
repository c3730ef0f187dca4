/**
 * The Article of DESIGN.md. The resolver root is the in-memory ArticleMeta; the body fields
 * (content, contentHtml, translatorNotes, comments, evidence) and the entity objects are added
 * by ArticleResolver, so asking for a list of titles never touches the body store.
 */
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from './date-time.scalar.ts';
import { DateSourceEnum } from './enums.ts';
import { connectionType } from './page-info.type.ts';

@ObjectType({ description: 'A news item from a feed, cleaned and tagged.' })
export class Article {
  @Field(() => ID, { description: 'Stable across restarts and refetches.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The item\'s own id as the feed gives it (RSS guid, Atom id).' })
  guid!: string | null;

  @Field(() => String, { nullable: true, description: 'Canonical link: absolute, without fragment or tracking parameters.' })
  url!: string | null;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'Plain text.' })
  summary!: string;

  @Field(() => [String])
  authors!: string[];

  @Field(() => DateTimeScalar)
  publishedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: string | null;

  @Field(() => DateTimeScalar)
  fetchedAt!: string;

  @Field(() => DateSourceEnum, { description: 'Whether publishedAt is the feed\'s date or a fallback.' })
  dateSource!: string;

  @Field(() => String, { nullable: true, description: 'ISO 639-1.' })
  language!: string | null;

  @Field(() => [String], { description: 'The feed\'s categories for the item, cleaned, plus the feed\'s configured tags.' })
  tags!: string[];

  @Field(() => String, { nullable: true, description: 'Lead image, absolute URL.' })
  imageUrl!: string | null;

  @Field(() => ID, { description: 'The cluster of near-duplicate articles from different feeds.' })
  storyId!: string;
}

export const ArticleConnection = connectionType('Article', Article);
