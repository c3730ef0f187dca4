/**
 * A configured feed with its health. The resolver root is {@link FeedRoot}; every field but
 * `id` is resolved by FeedResolver from the config and the stored FeedState, so operators see
 * the same numbers the scheduler uses.
 */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { FeedConfig } from '../../model/feed.ts';
import { DateTimeScalar } from './date-time.scalar.ts';

/** Resolver root of Feed: the id and, unless the feed was removed from feeds.json, its config. */
export interface FeedRoot {
  readonly id: string;
  readonly config: FeedConfig | undefined;
}

@ObjectType({ description: 'A feed\'s last error.' })
export class FeedError {
  @Field(() => String, { description: 'A newsgate error code, e.g. FETCH_TIMEOUT, FETCH_HTTP_STATUS, PARSE_NOT_A_FEED.' })
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => DateTimeScalar)
  at!: string;
}

@ObjectType({ description: 'A permanent redirect seen on the last fetch: update the feed\'s URL.' })
export class FeedRedirect {
  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;

  @Field(() => Int)
  status!: number;

  @Field(() => Boolean)
  permanent!: boolean;
}

@ObjectType({ description: 'How fetching the full text of a feed\'s articles goes (feeds.json `fullText`).' })
export class FullTextStatus {
  @Field(() => Boolean, { description: 'Whether feeds.json turns full text on for this feed now.' })
  enabled!: boolean;

  @Field(() => String, { nullable: true, description: 'The CSS selector of the article body; null for automatic extraction (Readability).' })
  selector!: string | null;

  @Field(() => Int, { description: 'Pages whose article text replaced the feed\'s.' })
  fetched!: number;

  @Field(() => Int, { description: 'Articles that kept the feed\'s text: the page failed, was a consent wall, an "enable JavaScript" page, a paywall, or much shorter than the feed\'s text (see `warnings`).' })
  failed!: number;

  @Field(() => Int, { description: 'Pages queued and not fetched yet.' })
  pending!: number;

  @Field(() => FeedError, { nullable: true, description: 'Why the last article kept the feed\'s text.' })
  lastError!: FeedError | null;
}

@ObjectType({ description: 'A feed newsgate polls, with its health.' })
export class Feed {
  @Field(() => ID)
  id!: string;
}
