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

@ObjectType({ description: 'A feed newsgate polls, with its health.' })
export class Feed {
  @Field(() => ID)
  id!: string;
}
