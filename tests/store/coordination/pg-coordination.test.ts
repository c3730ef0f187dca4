/**
 * Replicas on one PostgreSQL without Redis: the lease lock (one holder, expiry by the database's
 * clock, release only by the holder) and the change notifier (another replica's write arrives as
 * a remote change read from the database; big writes are chunked under NOTIFY's payload limit;
 * the listener reconnects by itself). Needs POSTGRES_URL; skipped with a message without it.
 */
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../../src/model/article.ts';
import { decodeChange, encodeChanges, MAX_PAYLOAD_BYTES } from '../../../src/store/coordination/pg-notify-payload.ts';
import { PgFeedLock } from '../../../src/store/coordination/pg-feed-lock.ts';
import { allChanges, LISTENER_NAME, PgChangeNotifier, type ArticleChangeLike, type ChangeSource } from '../../../src/store/coordination/pg-change-notifier.ts';
import { makeArticle } from '../article-factory.ts';
import { createTestDatabase, POSTGRES_URL, type TestDatabase } from './pg-test-database.ts';

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

/** A replica's view of the shared table (the store's getMany reads the same rows). */
class TableSource implements ChangeSource {
  private readonly events = new EventEmitter();
  constructor(private readonly pool: pg.Pool) {}
  async write(metas: ArticleMeta[], kind: 'added' | 'updated' = 'added'): Promise<void> {
    await this.pool.query(
      'INSERT INTO metas (id, meta) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (id) DO UPDATE SET meta = excluded.meta',
      [metas.map((m) => m.id), metas.map((m) => JSON.stringify(m))],
    );
    this.events.emit('change', { added: kind === 'added' ? metas : [], updated: kind === 'updated' ? metas : [], removed: [], origin: 'local' });
  }
  onChange(listener: (change: ArticleChangeLike) => void): () => void {
    this.events.on('change', listener);
    return () => this.events.off('change', listener);
  }
  async getMany(ids: readonly string[]): Promise<(ArticleMeta | undefined)[]> {
    const rows = (await this.pool.query('SELECT id, meta FROM metas WHERE id = ANY($1)', [ids])).rows as { id: string; meta: string }[];
    const byId = new Map(rows.map((r) => [r.id, JSON.parse(r.meta) as ArticleMeta]));
    return ids.map((id) => byId.get(id));
  }
}

const meta = (id: string): ArticleMeta => {
  const { content, contentHtml, translatorNotes, comments, evidence, ...m } = makeArticle({ id, actors: ['kataib-hizbullah'] });
  void [content, contentHtml, translatorNotes, comments, evidence];
  return m;
};

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!POSTGRES_URL)('PostgreSQL coordination', () => {
  let db: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
    await pool.query('CREATE TABLE metas (id TEXT PRIMARY KEY, meta TEXT NOT NULL)');
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
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
    const sourceA = new TableSource(pool);
    const sourceB = new TableSource(pool);
    const a = await PgChangeNotifier.open(db.url, sourceA);
    const b = await PgChangeNotifier.open(db.url, sourceB);
    const seenA: ArticleChangeLike[] = [];
    const seenB: ArticleChangeLike[] = [];
    a.onChange((c) => seenA.push(c));
    // What a gateway listens to: its own store's changes and the remote ones.
    const local: ArticleChangeLike[] = [];
    allChanges(sourceB, b).onChange((c) => local.push(c));

    const big = Array.from({ length: 1200 }, (_, i) => meta(`article-${String(i).padStart(6, '0')}`));
    await sourceA.write(big);
    await until(() => seenB.length + local.length > 0 && local.flatMap((c) => c.added).length === big.length);
    expect(local.every((c) => c.origin === 'remote')).toBe(true);
    expect(local.flatMap((c) => c.added.map((m) => m.id))).toEqual(big.map((m) => m.id));
    expect(local.length).toBeGreaterThan(1); // chunked under the payload limit
    expect(local[0]!.added[0]).toEqual(big[0]); // read back whole from the table
    expect(seenA).toEqual([]); // a replica ignores its own announcements

    await sourceB.write([{ ...big[0]!, title: 'Updated title' }], 'updated');
    await until(() => seenA.some((c) => c.updated.length > 0));
    expect(seenA.find((c) => c.updated.length > 0)!.updated[0]!.title).toBe('Updated title');
    // The writer's own listeners heard it once, as local.
    expect(local.filter((c) => c.origin === 'local' && c.updated.length === 1)).toHaveLength(1);
    await Promise.all([a.close(), b.close()]);
    void seenB;
  });

  it('the listener reconnects by itself after its connection is killed, and says so', async () => {
    const sourceA = new TableSource(pool);
    const sourceB = new TableSource(pool);
    const a = await PgChangeNotifier.open(db.url, sourceA);
    const b = await PgChangeNotifier.open(db.url, sourceB);
    const seenB: ArticleChangeLike[] = [];
    b.onChange((c) => seenB.push(c));
    const killed = await pool.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = $2', [LISTENER_NAME, db.name]);
    expect(killed.rowCount).toBe(2);
    // Both listeners come back and tell their listeners that something may have changed.
    await until(() => seenB.some((c) => c.added.length + c.updated.length + c.removed.length === 0));
    const listening = async () => (await pool.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = $2', [LISTENER_NAME, db.name])).rows[0].n as number;
    const end = Date.now() + 5000;
    while ((await listening()) < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    await sourceA.write([meta('after-reconnect')]);
    await until(() => seenB.some((c) => c.added.some((m) => m.id === 'after-reconnect')));
    await Promise.all([a.close(), b.close()]);
  });
});
