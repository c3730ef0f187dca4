/**
 * A feed's health in one word, derived from its config and kept state, for `Feed.status`:
 * operators scan `feeds { id status }` to find the broken ones.
 */
import type { FeedConfig, FeedState, FeedStatus } from '../model/feed.ts';

/** The values of FeedStatus, in the order the GraphQL enum lists them. */
export const FEED_STATUSES = ['OK', 'FAILING', 'BACKING_OFF', 'NEW', 'DISABLED'] as const satisfies readonly FeedStatus[];

/**
 * DISABLED when the config says so (or the feed is no longer configured); NEW before its first
 * fetch; OK when the last fetch succeeded; BACKING_OFF when failing and the scheduler pushed
 * the next fetch well past the normal interval (half again: more than jitter); FAILING otherwise.
 */
export function feedStatus(config: Pick<FeedConfig, 'enabled' | 'intervalMinutes'> | undefined, state: FeedState | undefined): FeedStatus {
  if (config === undefined || !config.enabled) return 'DISABLED';
  if (state === undefined || state.lastFetchAt === undefined) return 'NEW';
  if (state.consecutiveFailures === 0) return 'OK';
  if (state.nextFetchAt !== undefined) {
    const gapMs = Date.parse(state.nextFetchAt) - Date.parse(state.lastFetchAt);
    // Beyond the ±10% jitter and the fetch's own duration: the backoff (or a Retry-After) has begun.
    if (gapMs > config.intervalMinutes * 60_000 * 1.5) return 'BACKING_OFF';
  }
  return 'FAILING';
}
