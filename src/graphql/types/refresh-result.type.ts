/** What `refreshFeed` answers: the pipeline's outcome and the feed's health after it. */
import { Field, Int, ObjectType } from 'type-graphql';
import { Feed, type FeedRoot } from './feed.type.ts';

@ObjectType({ description: 'The outcome of fetching one feed now.' })
export class RefreshResult {
  @Field(() => Feed, { description: 'The feed, with its health after the refresh.' })
  feed!: FeedRoot;

  @Field(() => String, { description: 'The pipeline\'s outcome, e.g. modified, notModified, failed.' })
  status!: string;

  @Field(() => Int, { description: 'Articles never seen before.' })
  added!: number;

  @Field(() => Int, { description: 'Articles whose content changed.' })
  updated!: number;

  @Field(() => String, { nullable: true })
  error?: string;
}
