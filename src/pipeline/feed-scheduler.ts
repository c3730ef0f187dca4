/**
 * Polls every enabled feed when it is due. One timer ticks; a feed is due when its state's
 * `nextFetchAt` has passed (or it was never fetched). Refreshes go through the host limiter
 * (global and per-host concurrency, spacing) and, with many replicas, a lock in the shared store
 * so that each feed is fetched once per interval across all of them. A failing feed only ever
 * affects its own state.
 */
import type { FeedConfig, FeedState } from '../model/feed.ts';
import { claimFeed } from '../store/coordination/claim-feed.ts';
import type { FeedLock } from '../store/coordination/feed-lock.ts';
import type { Logger } from '../observability/logger.ts';
import { refreshFeed, type RefreshDeps, type RefreshOutcome } from './refresh-feed.ts';

/** Runs tasks with global/per-host limits (src/ingest/fetch/host-limiter.ts implements it). */
export interface TaskLimiter {
  run<T>(url: string, task: () => Promise<T>): Promise<T>;
}


export interface SchedulerOptions {
  readonly refresh: RefreshDeps;
  readonly limiter: TaskLimiter;
  /** Who fetches a feed when several replicas share the store. */
  readonly lock: FeedLock;
  readonly logger: Logger;
  /** How often due feeds are looked for. Default 1000 ms. */
  readonly tickMs?: number;
  /** Told of every refresh this replica ran (the first-round report listens). */
  readonly onOutcome?: (outcome: RefreshOutcome) => void;
}

/** The polling loop over all feeds. */
export class FeedScheduler {
  private feeds = new Map<string, FeedConfig>();
  /** Next planned fetch per feed, epoch ms; absent = due now. */
  private readonly nextAt = new Map<string, number>();
  private readonly running = new Map<string, Promise<RefreshOutcome | undefined>>();
  /** Feeds whose URL or interval changed: fetched at the next tick even if the store says not due. */
  private readonly forceNext = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly abort = new AbortController();

  constructor(private readonly opts: SchedulerOptions) {}

  /** Replaces the feed list (on start and on every valid reload of feeds.json). */
  setFeeds(feeds: readonly FeedConfig[]): void {
    const next = new Map(feeds.map((f) => [f.id, f]));
    for (const [id, old] of this.feeds) {
      const now = next.get(id);
      // A changed URL or interval is fetched at the next tick.
      if (now && (now.url !== old.url || now.intervalMinutes !== old.intervalMinutes)) {
        this.nextAt.delete(id);
        this.forceNext.add(id);
      }
    }
    this.feeds = next;
  }

  /** Loads each feed's next fetch time from the store, then starts ticking. */
  async start(): Promise<void> {
    const ids = [...this.feeds.keys()];
    const states = await this.opts.refresh.store.getFeedStates(ids).catch(() => []);
    for (const state of states) this.remember(state);
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.tick();
      this.timer = setTimeout(tick, this.opts.tickMs ?? 1000);
      this.timer.unref();
    };
    tick();
  }

  /**
   * Stops polling and waits for the refreshes under way to finish writing. Fetches still
   * running after `graceMs` are aborted (their feeds keep their old state), so a shutdown is
   * never held up by a slow feed for a whole fetch timeout.
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const all = Promise.allSettled([...this.running.values()]);
    let timer: NodeJS.Timeout | undefined;
    const late = await Promise.race([all.then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), graceMs)))]);
    clearTimeout(timer);
    if (late) {
      this.opts.logger.warn({ feeds: [...this.running.keys()] }, 'shutdown: aborting fetches still under way');
      this.abort.abort();
      await all;
    }
  }

  /**
   * Refreshes one feed now (the `refreshFeed` mutation), outside its schedule but still through
   * the limiter and the lock. Waits for a refresh already under way rather than starting another.
   */
  async refreshNow(feedId: string): Promise<RefreshOutcome | undefined> {
    const feed = this.feeds.get(feedId);
    if (!feed || this.stopped) return undefined;
    return this.running.get(feedId) ?? this.launch(feed, true);
  }

  private tick(): void {
    const now = Date.now();
    for (const feed of this.feeds.values()) {
      if (!feed.enabled || this.running.has(feed.id)) continue;
      const at = this.nextAt.get(feed.id);
      if (at === undefined || at <= now) void this.launch(feed, false);
    }
  }

  private remember(state: FeedState | undefined): void {
    if (state?.nextFetchAt) this.nextAt.set(state.feedId, Date.parse(state.nextFetchAt));
  }

  private launch(feed: FeedConfig, forced: boolean): Promise<RefreshOutcome | undefined> {
    const { refresh, limiter, lock, logger } = this.opts;
    // Until this run decides, do not launch it again.
    this.nextAt.set(feed.id, Number.POSITIVE_INFINITY);
    const run = limiter
      .run(feed.url, async () => {
        if (this.stopped && !forced) return undefined;
        const claim = await claimFeed({
          lock,
          getFeedState: (id) => refresh.store.getFeedState(id),
          feedId: feed.id,
          // Longer than the longest fetch + parse + store, so a dead holder blocks only this long.
          ttlMs: refresh.fetch.totalTimeoutMs * 2 + 30_000,
          force: forced || this.forceNext.delete(feed.id),
        });
        if (!claim.claimed) {
          // Another replica is fetching it, or fetched it already this interval.
          this.nextAt.set(feed.id, claim.reason === 'notDue' ? Date.parse(claim.nextFetchAt) : Date.now() + 10_000);
          return undefined;
        }
        try {
          const outcome = await refreshFeed(feed, { ...refresh, signal: this.abort.signal }, claim.state);
          this.remember(outcome.state);
          this.opts.onOutcome?.(outcome);
          return outcome;
        } finally {
          await claim.release().catch((err: unknown) => logger.warn({ feed: feed.id, err: String(err) }, 'lock release failed'));
        }
      })
      .catch((err: unknown) => {
        // refreshFeed never throws; this is the lock or the store failing. Retry in a minute.
        logger.error({ feed: feed.id, err: String(err) }, 'feed refresh could not run');
        this.nextAt.set(feed.id, Date.now() + 60_000);
        return undefined;
      })
      .finally(() => {
        this.running.delete(feed.id);
        if (this.nextAt.get(feed.id) === Number.POSITIVE_INFINITY) this.nextAt.set(feed.id, Date.now() + 60_000);
      });
    this.running.set(feed.id, run);
    return run;
  }
}
