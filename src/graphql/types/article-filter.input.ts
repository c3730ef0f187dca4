/** The `ArticleFilter` input of `articles`, `articleAdded` (same semantics for both). */
import { Field, ID, InputType } from 'type-graphql';
import type { ArticleFilterArgs } from '../resolve-filter.ts';
import { DateTimeScalar } from './date-time.scalar.ts';

@InputType('ArticleFilter', {
  description: 'AND across fields, OR within a field; an empty list is the same as no list.',
})
export class ArticleFilterInput implements ArticleFilterArgs {
  @Field(() => [ID], { nullable: true, description: 'Topic ids; each includes its sub-topics.' })
  topics?: string[];

  @Field(() => [ID], { nullable: true, description: 'Actor ids.' })
  actors?: string[];

  @Field(() => [ID], {
    nullable: true,
    description: 'Actor ids: articles where one of these actors claims an act (a CLAIMED claim: not a denial, not others blaming it). Not widened by includeAffiliates.',
  })
  claimedBy?: string[];

  @Field(() => [ID], { nullable: true, description: 'Region ids; each includes the regions below it (IQ finds Baghdad).' })
  regions?: string[];

  @Field(() => [ID], { nullable: true, description: 'Feed ids.' })
  sources?: string[];

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes.' })
  languages?: string[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'Inclusive lower bound on publishedAt.' })
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Inclusive upper bound on publishedAt.' })
  to?: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Only articles ingested strictly after this instant, whatever their publishedAt says: what came in since a client's last visit (use with orderBy: FETCHED_DESC).",
  })
  fetchedAfter?: Date;

  @Field(() => [ID], { nullable: true, description: 'Story ids (Article.story.id): the articles of these stories.' })
  stories?: string[];

  @Field(() => String, { nullable: true, description: 'Words to find in title, summary and tags (prefixes match).' })
  search?: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Widen `actors` to their affiliates: the umbrellas and bodies they belong to (up to three levels), their patrons, and their own members and leaders; never whole states.',
  })
  includeAffiliates!: boolean;
}
