/**
 * Replicas on one PostgreSQL without Redis: the lease lock (one holder, expiry by the database's
 * clock, release only by the holder) and the change notifier (another replica's write arrives as
 * a remote change read from the database; big writes are chunked under NOTIFY's payload limit;
 * the listener reconnects by itself). Needs POSTGRES_URL; skipped with a message without it.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeChange, encodeChanges, MAX_PAYLOAD_BYTES } from '../../../src/store/coordination/pg-notify-payload.ts';
import { PgFeedLock } from '../../../src/store/coordination/pg-feed-lock.ts';
import { LISTENER_NAME, PgChangeNotifier } from '../../../src/store/coordination/pg-change-notifier.ts';
import { ArticleStore } from '../../../src/store/article-store.ts';
import type { ArticleChange } from '../../../src/store/article-store.types.ts';
import { makeArticle } from '../article-factory.ts';
import { splitArticle } from '../../../src/model/article.ts';
import { createTestDatabase, dropTestDatabase, POSTGRES_URL } from '../postgres-test-db.ts';

/** A database of this suite's own (dropped after). */
type TestDatabase = { url: string; name: string };

if (!POSTGRES_URL) console.warn('tests/store/coordination: POSTGRES_URL is not set; the PostgreSQL lock and notifier tests are skipped (set POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres).');

describe('NOTIFY payloads (pure)', () => {
  const ids = Array.from({ length: 2000 }, (_, i) => `id-${String(i).padStart(18, '0')}`);

  it.each([
    ['no ids', [] as string[], 0],
    ['one id', ['a'], 1],
    // 24 bytes an id (quotes, comma) in 7,900 - 37 of header: 327 ids a message.
    ['2000 ids of 21 characters', ids, 7],
  ])('encodes %s in messages under the limit, every id once, in order', (_name, list, messages) => {
    const payloads = encodeChanges('me', 'added', list);
    expect(payloads).toHaveLength(messages);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(MAX_PAYLOAD_BYTES);
    expect(payloads.flatMap((p) => decodeChange(p)!.ids)).toEqual(list);
  });

  it('counts bytes, not characters (Arabic ids)', () => {
    const arabic = Array.from({ length: 300 }, (_, i) => `مقالة-${i}-${'ع'.repeat(20)}`);
    const payloads = encodeChanges('me', 'updated', arabic, 1000);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(1000);
    expect(payloads.flatMap((p) => decodeChange(p)!.ids)).toEqual(arabic);
  });

  it.each([
    ['not JSON', 'x'],
    ['no ids', '{"from":"a","kind":"added"}'],
    ['unknown kind', '{"from":"a","kind":"moved","ids":[]}'],
    ['empty', ''],
  ])('ignores a payload that is %s', (_name, payload) => {
    expect(decodeChange(payload)).toBeUndefined();
  });
});

/** A replica: an ArticleStore on the shared database with its notifier attached, as the gateway wires them. */
async function replica(url: string): Promise<{ store: ArticleStore; notifier: PgChangeNotifier; changes: ArticleChange[]; close(): Promise<void> }> {
  const notifier = await PgChangeNotifier.open(url);
  const store = await ArticleStore.open({ url, regionAncestors: (id) => [id], notifier });
  notifier.attach(store);
  const changes: ArticleChange[] = [];
  store.onChange((c) => changes.push(c));
  return { store, notifier, changes, close: async () => { await notifier.close(); await store.close(); } };
}

async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!POSTGRES_URL)('PostgreSQL coordination', () => {
  let db: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await createTestDatabase('storeops');
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
  });
  afterAll(async () => {
    await pool?.end();
    if (db) await dropTestDatabase(db.name);
  });

  it('a feed lease has one holder at a time, across instances', async () => {
    const [a, b] = await Promise.all([PgFeedLock.open(db.url), PgFeedLock.open(db.url)]);
    const got = await Promise.all([a.tryAcquire('wire', 60_000), b.tryAcquire('wire', 60_000)]);
    expect(got.filter(Boolean)).toHaveLength(1);
    const [holder, other] = got[0] ? [a, b] : [b, a];
    expect(await holder.tryAcquire('wire', 60_000)).toBe(false); // not re-entrant, like the Redis lock
    expect(await other.tryAcquire('analysis', 60_000)).toBe(true); // other feeds are free
    await other.release('wire'); // not its lease: nothing happens
    expect(await other.tryAcquire('wire', 60_000)).toBe(false);
    await holder.release('wire');
    expect(await other.tryAcquire('wire', 60_000)).toBe(true);
    await Promise.all([a.close(), b.close()]);
    // close() released what they held.
    const c = await PgFeedLock.open(db.url);
    expect(await c.tryAcquire('wire', 60_000)).toBe(true);
    expect(await c.tryAcquire('analysis', 60_000)).toBe(true);
    await c.close();
  });

  it('a dead holder blocks the feed only until its lease expires', async () => {
    const dead = await PgFeedLock.open(pool);
    const alive = await PgFeedLock.open(pool);
    expect(await dead.tryAcquire('big', 300)).toBe(true);
    expect(await alive.tryAcquire('big', 10_000)).toBe(false);
    await new Promise((r) => setTimeout(r, 400));
    expect(await alive.tryAcquire('big', 10_000)).toBe(true);
    // The late holder's release must not free the new holder's lease.
    await dead.release('big');
    const third = await PgFeedLock.open(pool);
    expect(await third.tryAcquire('big', 10_000)).toBe(false);
    await Promise.all([alive.close(), third.close(), dead.close()]);
  });

  it('a write on one replica reaches the others as a remote change read from the database', async () => {
    const a = await replica(db.url);
    const b = await replica(db.url);
    const big = Array.from({ length: 1200 }, (_, i) => makeArticle({ id: `article-${String(i).padStart(6, '0')}`, actors: ['kataib-hizbullah'], publishedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }));
    await a.store.upsert(big);
    await until(() => b.changes.flatMap((c) => c.added).length === big.length);
    expect(b.changes.every((c) => c.origin === 'remote')).toBe(true);
    expect(b.changes.flatMap((c) => c.added.map((m) => m.id)).sort()).toEqual(big.map((m) => m.id));
    expect(b.changes.length).toBeGreaterThan(1); // chunked under the payload limit
    expect(b.changes.flatMap((c) => c.added).find((m) => m.id === big[0]!.id)).toEqual(splitArticle(big[0]!).meta); // read back whole
    // The writer heard its own write once, as local, and nothing back from the others.
    expect(a.changes.map((c) => [c.origin, c.added.length])).toEqual([['local', 1200]]);

    await b.store.upsert([{ ...big[0]!, title: 'Updated title', contentHash: 'changed' }]);
    await until(() => a.changes.some((c) => c.updated.length > 0));
    expect(a.changes.find((c) => c.updated.length > 0)).toMatchObject({ origin: 'remote', updated: [{ id: big[0]!.id, title: 'Updated title' }] });
    await Promise.all([a.close(), b.close()]);
  });

  it('the listener reconnects by itself after its connection is killed, and says so', async () => {
    const a = await replica(db.url);
    const b = await replica(db.url);
    let reconnected = 0;
    b.notifier.onReconnect(() => reconnected++);
    const killed = await pool.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = $2', [LISTENER_NAME, db.name]);
    expect(killed.rowCount).toBe(2);
    await until(() => reconnected === 1);
    await a.store.upsert([makeArticle({ id: 'after-reconnect' })]);
    await until(() => b.changes.some((c) => c.added.some((m) => m.id === 'after-reconnect')));
    await Promise.all([a.close(), b.close()]);
  });
});
