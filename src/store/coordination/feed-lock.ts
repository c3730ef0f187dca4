/**
 * A per-feed lock with expiry, so that with N replicas each feed is fetched by one of them per
 * interval, and a replica that dies holding a lock blocks the feed only until the lock's TTL.
 *
 * How the pipeline uses it (see claim-feed.ts, which implements exactly this):
 *   1. `tryAcquire(feedId, ttlMs)`, with ttlMs longer than a fetch can take (e.g. the fetch
 *      timeout plus a margin). `false` → another replica is fetching: skip.
 *   2. Re-read the feed's FeedState from the shared store. If its `nextFetchAt` is in the
 *      future, another replica fetched it already this interval: release and skip.
 *   3. Fetch, upsert, then `putFeedState` with the new `nextFetchAt`, and only then `release`.
 * The state in the shared store says WHEN, the lock says WHO; neither alone is enough (a lock
 * alone lets a second replica fetch again just after the first released; state alone lets two
 * replicas read "due" at the same moment).
 */
import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../keyv/redis-client.ts';

export interface FeedLock {
  /** Takes the lock of a feed for `ttlMs` unless someone holds it; true when taken. */
  tryAcquire(feedId: string, ttlMs: number): Promise<boolean>;
  /** Gives the lock back if this holder still has it (never another holder's lock). */
  release(feedId: string): Promise<void>;
  /** Releases the locks still held and closes connections. */
  close(): Promise<void>;
}

/** One process: a map of expiry times. Enough for a single gateway (SQLite or memory store). */
export class LocalFeedLock implements FeedLock {
  private readonly held = new Map<string, number>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  async tryAcquire(feedId: string, ttlMs: number): Promise<boolean> {
    const until = this.held.get(feedId);
    if (until !== undefined && until > this.now()) return false;
    this.held.set(feedId, this.now() + ttlMs);
    return true;
  }

  async release(feedId: string): Promise<void> {
    this.held.delete(feedId);
  }

  async close(): Promise<void> {
    this.held.clear();
  }
}

/** Deletes the key only if it still holds our token: a lock that expired and was taken by another replica stays theirs. */
const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * Shared through Redis: `SET key token NX PX ttl` to take, a compare-and-delete script to
 * release. Each instance has its own token, so two instances in one process contend too.
 */
export class RedisFeedLock implements FeedLock {
  private readonly client: RedisClient;
  private readonly prefix: string;
  private readonly token = randomUUID();
  private readonly held = new Set<string>();
  private readonly ownsClient: boolean;

  /**
   * @param client a connected client (connectRedis); closed by `close()` when `ownsClient`.
   * @param prefix key prefix (the STORE_URL's `prefix`), so deployments sharing a Redis don't collide.
   */
  constructor(client: RedisClient, prefix = '', ownsClient = true) {
    this.client = client;
    this.prefix = prefix ? `${prefix}:` : '';
    this.ownsClient = ownsClient;
  }

  private key(feedId: string): string {
    return `${this.prefix}newsgate:lock:feed:${feedId}`;
  }

  async tryAcquire(feedId: string, ttlMs: number): Promise<boolean> {
    const reply = await this.client.set(this.key(feedId), this.token, {
      condition: 'NX',
      expiration: { type: 'PX', value: Math.max(1, Math.round(ttlMs)) },
    });
    const ok = reply === 'OK';
    if (ok) this.held.add(feedId);
    return ok;
  }

  async release(feedId: string): Promise<void> {
    this.held.delete(feedId);
    await this.client.eval(RELEASE_SCRIPT, { keys: [this.key(feedId)], arguments: [this.token] });
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.held].map((id) => this.release(id)));
    if (this.ownsClient && this.client.isOpen) await this.client.close();
  }
}
