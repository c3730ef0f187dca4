/**
 * The feed lock of feed-lock.ts shared through PostgreSQL, for replicas on one database without
 * Redis: a lease row per feed (`newsgate_feed_leases`: feed, holder, expiry). Taking it is one
 * `INSERT … ON CONFLICT DO UPDATE … WHERE the lease expired`, atomic in PostgreSQL: the row comes
 * back only to the one replica that got it. Expiry is the database's clock (`now()`), so
 * replicas' clocks do not matter, and a holder that died or hangs blocks the feed for at most
 * `ttlMs`. Release deletes the row only if this holder still has it.
 *
 * Why a lease row rather than `pg_try_advisory_lock`: a session advisory lock lives on one
 * connection (a pool cannot be used), is dropped silently when that connection drops while the
 * fetch goes on, and is held forever by a process that hangs; a lease has a TTL, like the Redis
 * lock it replaces. The table is UNLOGGED (leases need no crash safety) and created on first use.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { FeedLock } from './feed-lock.ts';

/** The lease table; created if missing (an advisory lock makes concurrent creators wait). */
const CREATE = `CREATE UNLOGGED TABLE IF NOT EXISTS newsgate_feed_leases (
  feed_id TEXT COLLATE "C" PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
)`;

const ACQUIRE = `INSERT INTO newsgate_feed_leases AS l (feed_id, holder, expires_at)
  VALUES ($1, $2, now() + $3 * interval '1 millisecond')
  ON CONFLICT (feed_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
  WHERE l.expires_at <= now()
  RETURNING holder`;

const RELEASE = 'DELETE FROM newsgate_feed_leases WHERE feed_id = $1 AND holder = $2';

export class PgFeedLock implements FeedLock {
  /** This lock's identity: each instance contends with every other, in or out of this process. */
  readonly holder = `${process.pid}-${randomUUID()}`;
  private readonly pool: pg.Pool;
  private readonly held = new Set<string>();
  private readonly ownsPool: boolean;

  private constructor(pool: pg.Pool, ownsPool: boolean) {
    this.pool = pool;
    this.ownsPool = ownsPool;
  }

  /**
   * Opens the lock on `pool`, or on a pool of its own for `url` (closed by `close()`), and
   * creates the lease table if needed.
   */
  static async open(source: string | pg.Pool): Promise<PgFeedLock> {
    const ownsPool = typeof source === 'string';
    const pool = typeof source === 'string' ? new pg.Pool({ connectionString: source, max: 2 }) : source;
    if (ownsPool) pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(727274002)');
        await client.query(CREATE);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    } catch (err) {
      if (ownsPool) await pool.end().catch(() => undefined);
      throw err;
    }
    return new PgFeedLock(pool, ownsPool);
  }

  async tryAcquire(feedId: string, ttlMs: number): Promise<boolean> {
    const result = await this.pool.query(ACQUIRE, [feedId, this.holder, Math.max(1, Math.round(ttlMs))]);
    const ok = result.rowCount === 1;
    if (ok) this.held.add(feedId);
    return ok;
  }

  async release(feedId: string): Promise<void> {
    this.held.delete(feedId);
    await this.pool.query(RELEASE, [feedId, this.holder]);
  }

  /** Releases the leases still held, then closes the pool if it is this lock's own. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.held].map((id) => this.release(id)));
    if (this.ownsPool) await this.pool.end().catch(() => undefined);
  }
}
