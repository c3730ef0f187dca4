/**
 * A database that goes away and comes back: through a TCP proxy on 127.0.0.1 in front of
 * PostgreSQL, closed and reopened by the test. While it is down, ping() is false and calls fail
 * with STORE_UNAVAILABLE (bounded by the timeouts, never hanging); when it is back, the same
 * store answers again by itself. At start, an unreachable database is retried with backoff, one
 * log line per attempt naming the URL without its password. Needs POSTGRES_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleStore } from '../../src/store/article-store.ts';
import { openStoreWithRetry, backoffDelay } from '../../src/server/open-store.ts';
import { makeArticle, regionAncestors } from './article-factory.ts';
import { POSTGRES_URL, createTestDatabase, dropTestDatabase } from './postgres-test-db.ts';
import { TcpProxy as Proxy } from './tcp-proxy.ts';

describe('backoffDelay', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [5, 16_000],
    [6, 30_000],
    [40, 30_000],
  ])('attempt %i waits %i ms', (attempt, ms) => {
    expect(backoffDelay(attempt, 1000, 30_000)).toBe(ms);
  });
});

if (!POSTGRES_URL) console.warn('POSTGRES_URL is not set: the database fault tests are SKIPPED.');

describe.skipIf(!POSTGRES_URL)('a PostgreSQL store that is lost and comes back', () => {
  let database = '';
  let proxy: Proxy;
  let url = '';
  beforeAll(async () => {
    const db = await createTestDatabase('faults');
    database = db.name;
    const target = new URL(POSTGRES_URL!);
    proxy = new Proxy({ host: target.hostname, port: Number(target.port || 5432) });
    await proxy.up();
    const viaProxy = new URL(db.url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    viaProxy.password = 's3cret';
    url = viaProxy.toString();
  }, 60_000);
  afterAll(async () => {
    await proxy?.down();
    if (database) await dropTestDatabase(database);
  }, 60_000);

  it('fails fast with STORE_UNAVAILABLE while down, and resumes by itself', async () => {
    const store = await ArticleStore.open({ url, regionAncestors, timeouts: { connectMs: 1000, statementMs: 3000 } });
    try {
      await store.upsert([makeArticle({ id: 'before' })]);
      expect(await store.ping()).toBe(true);
      await proxy.down();
      expect(await store.ping()).toBe(false);
      const started = Date.now();
      await expect(store.query({}, { first: 5 })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.not.stringContaining('s3cret') });
      await expect(store.upsert([makeArticle({ id: 'during' })])).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      expect(Date.now() - started).toBeLessThan(10_000);
      await proxy.up();
      expect(await store.ping()).toBe(true);
      await store.upsert([makeArticle({ id: 'after' })]);
      expect((await store.query({}, { first: 5 })).items.map((m) => m.id).sort()).toEqual(['after', 'before']);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('at start, waits for the database with backoff, one line per attempt naming the URL without its password', async () => {
    await proxy.down();
    const lines: string[] = [];
    const logger = { debug() {}, info() {}, warn() {}, error: (_o: object, msg?: string) => void lines.push(msg ?? '') };
    const opening = openStoreWithRetry({ url, regionAncestors, logger, timeouts: { connectMs: 500 } }, { initialDelayMs: 100, maxDelayMs: 200 });
    await new Promise((r) => setTimeout(r, 700));
    await proxy.up();
    const store = await opening;
    try {
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines[0]).toMatch(new RegExp(`^store unreachable at postgres://postgres:\\*\\*\\*@127\\.0\\.0\\.1:${proxy.port}/${database} \\(.*\\); retrying in \\d+ s$`));
      expect(lines.join('\n')).not.toContain('s3cret');
      expect(await store.ping()).toBe(true);
    } finally {
      await store.close();
    }
  }, 60_000);
});
