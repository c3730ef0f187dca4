/**
 * The protocol of feed-lock.ts in one function, so the pipeline cannot get it half right:
 * take the feed's lock, re-read its state from the shared store, and go ahead only if the feed
 * is due. The caller fetches, stores the new state (with its next `nextFetchAt`), then calls
 * `release()` of the claim.
 */
import type { FeedState } from '../../model/feed.ts';
import type { FeedLock } from './feed-lock.ts';

export type FeedClaim =
  | { readonly claimed: true; readonly state: FeedState | undefined; release(): Promise<void> }
  | { readonly claimed: false; readonly reason: 'locked' }
  | { readonly claimed: false; readonly reason: 'notDue'; readonly nextFetchAt: string };

export interface ClaimFeedInput {
  readonly lock: FeedLock;
  /** Reads the feed's state from the SHARED store (ArticleStore.getFeedState). */
  readonly getFeedState: (feedId: string) => Promise<FeedState | undefined>;
  readonly feedId: string;
  /** How long the claim may last: longer than the longest fetch + parse + store. */
  readonly ttlMs: number;
  /** Now, in epoch ms (tests). */
  readonly now?: number;
  /** Fetch even if not due (an operator's `refreshFeed`): the lock still applies. */
  readonly force?: boolean;
}

/** Claims a feed for one fetch across all replicas; see the file comment. */
export async function claimFeed(input: ClaimFeedInput): Promise<FeedClaim> {
  const { lock, feedId } = input;
  if (!(await lock.tryAcquire(feedId, input.ttlMs))) return { claimed: false, reason: 'locked' };
  let state: FeedState | undefined;
  try {
    state = await input.getFeedState(feedId);
  } catch (err) {
    await lock.release(feedId).catch(() => undefined);
    throw err;
  }
  const now = input.now ?? Date.now();
  if (!input.force && state?.nextFetchAt !== undefined && Date.parse(state.nextFetchAt) > now) {
    await lock.release(feedId);
    return { claimed: false, reason: 'notDue', nextFetchAt: state.nextFetchAt };
  }
  let released = false;
  return {
    claimed: true,
    state,
    release: async () => {
      if (released) return;
      released = true;
      await lock.release(feedId);
    },
  };
}
