/**
 * openKeyv: the adapter per URL, namespaces kept apart on one shared connection, batched
 * writes and paged iteration on SQLite, and the start-up errors operators see.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { openKeyv, valuePages } from '../../src/store/open-keyv.ts';
import { ArticleStore } from '../../src/store/article-store.ts';
import { regionAncestors } from './article-factory.ts';
import { deleteKeys, uniquePrefix, withPrefix } from './redis-test-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsgate-keyv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const urls: Array<[string, () => string]> = [
  ['memory', () => `memory://keyv-${randomUUID()}`],
  ['sqlite', () => `sqlite://${join(dir, `${randomUUID()}.sqlite`)}`],
];
if (process.env.REDIS_URL) {
  const redisUrl = process.env.REDIS_URL;
  const prefix = uniquePrefix('keyv');
  urls.push(['redis', () => withPrefix(redisUrl, `${prefix}-${randomUUID().slice(0, 6)}`)]);
  afterAll(() => deleteKeys(redisUrl, prefix));
} else {
  console.warn('REDIS_URL is not set: openKeyv tests against Redis are SKIPPED.');
}

describe.each(urls)('openKeyv on %s', (_name, newUrl) => {
  it('keeps namespaces apart on one connection; one namespace closing leaves the others open', async () => {
    const url = newUrl();
    const articles = await openKeyv<{ title: string }>(url, 'articles');
    const bodies = await openKeyv<string>(url, 'bodies');
    await articles.set('x1', { title: 'غارة على موقع للحشد' });
    await bodies.set('x1', 'body of x1');
    expect(await articles.get('x1')).toEqual({ title: 'غارة على موقع للحشد' });
    expect(await bodies.get('x1')).toBe('body of x1');
    await bodies.clear();
    expect(await bodies.get('x1')).toBeUndefined();
    expect(await articles.get('x1')).toEqual({ title: 'غارة على موقع للحشد' });
    await bodies.disconnect();
    expect(await articles.get('x1')).toEqual({ title: 'غارة على موقع للحشد' });
    await articles.clear();
    await articles.disconnect();
  });

  it('valuePages reads every live value of one namespace only, in pages, skipping expired ones', async () => {
    const url = newUrl();
    const articles = await openKeyv<{ n: number; title: string }>(url, 'articles');
    const bodies = await openKeyv<string>(url, 'bodies');
    const written = Array.from({ length: 2500 }, (_, n) => ({ key: `a${n}`, value: { n, title: `بيان رقم ${n}` } }));
    await articles.setMany(written);
    await articles.set('expired', { n: -1, title: 'gone' }, 1);
    await bodies.set('a1', 'a body, not an article');
    await new Promise((resolve) => setTimeout(resolve, 10));
    const pages: Array<Array<{ n: number; title: string }>> = [];
    for await (const page of valuePages(articles)) pages.push(page);
    expect(pages.length).toBeGreaterThan(1);
    const ns = pages.flat().map((v) => v.n).sort((a, b) => a - b);
    expect(ns).toEqual(written.map((w) => w.value.n));
    expect(pages.flat().find((v) => v.n === 7)?.title).toBe('بيان رقم 7');
    await articles.clear();
    await Promise.all([articles.disconnect(), bodies.disconnect()]);
  });

  it('a namespace opened while the last one is closing gets a working connection', async () => {
    const url = newUrl();
    const first = await openKeyv<number>(url, 'feeds');
    await first.set('k', 1);
    const closing = first.disconnect();
    const second = await openKeyv<number>(url, 'feeds');
    await closing;
    expect(await second.get('k')).toBe(1);
    await second.clear();
    await second.disconnect();
  });

  it('writes a batch with setMany, reads it back with getMany in order, and iterates every key', async () => {
    const url = newUrl();
    const kv = await openKeyv<{ n: number }>(url, 'articles');
    const other = await openKeyv<{ n: number }>(url, 'feeds');
    await other.set('not-mine', { n: -1 });
    const entries = Array.from({ length: 2345 }, (_, n) => ({ key: `id:${String(n).padStart(5, '0')}`, value: { n } }));
    await kv.setMany(entries);
    expect(await kv.getMany(['id:00007', 'nope', 'id:02344'])).toEqual([{ n: 7 }, undefined, { n: 2344 }]);
    const seen = new Map<string, number>();
    for await (const [key, value] of kv.iterator!(undefined)) seen.set(key as string, (value as { n: number }).n);
    expect(seen.size).toBe(2345);
    expect(seen.get('id:01999')).toBe(1999);
    expect(seen.has('not-mine')).toBe(false);
    await kv.delete(['id:00001', 'id:00002']);
    expect(await kv.getMany(['id:00001', 'id:00003'])).toEqual([undefined, { n: 3 }]);
    await kv.clear();
    await other.clear();
    await Promise.all([kv.disconnect(), other.disconnect()]);
  });
});

describe('openKeyv start-up errors', () => {
  it('an unknown scheme is CONFIG_INVALID listing the accepted forms', async () => {
    await expect(openKeyv('mongodb://db/newsgate', 'cache')).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringMatching(/mongodb:.*Accepted forms: sqlite:\/\/.*redis:\/\/.*memory:\/\//),
    });
  });

  it('a PostgreSQL URL holds no key-value namespaces (the cache lives in memory or Redis)', async () => {
    await expect(openKeyv('postgres://u:pw@db/newsgate', 'cache')).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringMatching(/postgres:\/\/u:\*\*\*@db\/newsgate is a PostgreSQL URL.*redis:\/\//),
    });
  });

  it('an unreachable Redis is STORE_UNAVAILABLE naming the URL and the fix, within seconds', async () => {
    const started = Date.now();
    await expect(openKeyv('redis://127.0.0.1:1', 'articles')).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: expect.stringMatching(/Cannot reach the store at redis:\/\/127\.0\.0\.1:1 .*STORE_URL=/),
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('ArticleStore.open refuses Redis as an article store, and hides a password', async () => {
    await expect(
      ArticleStore.open({ url: 'redis://:hunter2@127.0.0.1:1', regionAncestors }),
    ).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.not.stringContaining('hunter2') });
  });

  it('a SQLite path that cannot be created is STORE_UNAVAILABLE naming the file', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    await expect(openKeyv(`sqlite://${file}/sub/newsgate.sqlite`, 'articles')).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: expect.stringContaining(`${file}/sub/newsgate.sqlite`),
    });
  });
});
