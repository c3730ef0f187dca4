/**
 * The 0.1 reader against stores written by newsgate 0.1's own code (tests/fixtures/legacy-0.1,
 * made by make-fixtures.ts.txt at c075cee): every article comes back whole, meta and body
 * merged, equal to what 0.1 stored; feed states and candidates too; the cache is left behind.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createClient } from '@keyv/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/model/article.ts';
import { isLegacyMeta, mergeLegacyArticle, unwrapKeyvValue, type LegacyStoreReader } from '../../../src/store/legacy/legacy-records.ts';
import { isLegacySqliteFile } from '../../../src/store/legacy/legacy-sqlite.ts';
import { parseLegacyRedisUrl } from '../../../src/store/legacy/legacy-redis.ts';
import { isLegacyStoreUrl, openLegacyStore } from '../../../src/store/legacy/open-legacy-store.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/legacy-0.1');
const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as { articles: Article[]; feeds: string[] };
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn('tests/store/legacy: REDIS_URL is not set; reading a 0.1 Redis store is skipped (set REDIS_URL=redis://127.0.0.1:6379).');

async function readAll(reader: LegacyStoreReader, batchSize?: number) {
  const articles: Article[] = [];
  const batches: number[] = [];
  for await (const batch of reader.articles(batchSize)) {
    articles.push(...batch);
    batches.push(batch.length);
  }
  const feeds = [];
  for await (const page of reader.feedStates()) feeds.push(...page);
  const candidates = [];
  for await (const page of reader.candidates()) candidates.push(...page);
  return { articles: articles.sort(byId), batches, feeds, candidates };
}

describe('legacy records (pure)', () => {
  it.each([
    ['an envelope', '{"value":{"a":1},"expires":null}', { a: 1 }],
    ['not expired', '{"value":2,"expires":2000}', 2],
    ['expired', '{"value":2,"expires":500}', undefined],
    ['not JSON', '{"value":', undefined],
    ['no envelope', '"text"', undefined],
    ['null', null, undefined],
  ])('unwrapKeyvValue: %s', (_name, raw, value) => {
    expect(unwrapKeyvValue(raw, 1000)).toEqual(value);
  });

  it('a meta without a body keeps its metadata with an empty body', () => {
    const { content, contentHtml, translatorNotes, comments, evidence, ...meta } = expected.articles[0]!;
    expect(content.length).toBeGreaterThan(0);
    const merged = mergeLegacyArticle(meta, undefined);
    expect(merged).toMatchObject({ ...meta, content: '', contentHtml: '', translatorNotes: [], comments: [] });
    expect(mergeLegacyArticle(meta, { content, contentHtml, translatorNotes, comments, evidence })).toEqual(expected.articles[0]);
  });

  it('rejects records that are not article metadata', () => {
    expect(isLegacyMeta(expected.articles[0])).toBe(true);
    expect(isLegacyMeta({ ...expected.articles[0], publishedAt: 'yesterday' })).toBe(false);
    expect(isLegacyMeta({ ...expected.articles[0], actors: undefined })).toBe(false);
    expect(isLegacyMeta('x')).toBe(false);
  });

  it('parses 0.1 Redis URLs with their prefix', () => {
    expect(parseLegacyRedisUrl('redis://127.0.0.1:6379/2?prefix=prod')).toEqual({ url: 'redis://127.0.0.1:6379/2', prefix: 'prod' });
    expect(parseLegacyRedisUrl('redis://h:6379')).toEqual({ url: 'redis://h:6379', prefix: '' });
    expect(() => parseLegacyRedisUrl('http://h')).toThrow(/not a Redis URL/);
  });
});

describe('reading the SQLite file 0.1 wrote', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'storeops-legacy-'));
    file = path.join(dir, 'newsgate.sqlite');
    copyFileSync(path.join(FIXTURES, 'store-0.1.sqlite'), file);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is recognised as a 0.1 store, and other files are not', () => {
    expect(isLegacySqliteFile(file)).toBe(true);
    expect(isLegacyStoreUrl(`sqlite://${file}`)).toBe(true);
    expect(isLegacyStoreUrl('redis://127.0.0.1:6379')).toBe(true);
    expect(isLegacySqliteFile(path.join(dir, 'missing.sqlite'))).toBe(false);
    const other = path.join(dir, 'other.sqlite');
    new Database(other).exec('CREATE TABLE articles (id TEXT PRIMARY KEY)');
    expect(isLegacySqliteFile(other)).toBe(false);
  });

  it('yields every article whole, as 0.1 stored it, in batches of the asked size', async () => {
    const reader = await openLegacyStore(`sqlite://${file}`);
    const got = await readAll(reader, 5);
    expect(got.articles).toEqual([...expected.articles].sort(byId));
    expect(got.batches).toEqual([5, 5, 5, 1]);
    expect(got.feeds.map((f) => f.feedId).sort()).toEqual([...expected.feeds].sort());
    expect(got.feeds.find((f) => f.feedId === 'wire')).toMatchObject({ etag: '"wire-v1"', title: 'The wire desk', nextFetchAt: '2026-01-20T10:30:00.000Z' });
    expect(got.candidates.map((c) => [c.name, c.mentions, c.articles])).toEqual([
      ['Liwa al-Tafuf', 1, 1],
      ['Abu Fadak al-Mohammadawi', 3, 2],
    ]);
    expect(await reader.counts()).toEqual({ articles: 16, bodies: 16, feeds: 4, candidates: 2, cache: 1 });
    await reader.close();
  });

  it('keeps an article whose body is missing, with an empty body', async () => {
    const db = new Database(file);
    const meta = { ...expected.articles[0]!, id: 'no-body-article' } as Record<string, unknown>;
    for (const k of ['content', 'contentHtml', 'translatorNotes', 'comments', 'evidence']) delete meta[k];
    db.prepare('INSERT INTO keyv (key, value) VALUES (?, ?)').run('articles:no-body-article', JSON.stringify({ value: meta, expires: null }));
    db.close();
    const reader = await openLegacyStore(`sqlite://${file}`);
    const got = await readAll(reader);
    expect(got.articles).toHaveLength(17);
    expect(got.articles.find((a) => a.id === 'no-body-article')).toMatchObject({ title: expected.articles[0]!.title, content: '' });
    await reader.close();
  });
});

describe.skipIf(!REDIS_URL)('reading the Redis keys 0.1 wrote', () => {
  const prefix = `storeops-legacy-${randomUUID().slice(0, 8)}`;
  const client = createClient({ url: REDIS_URL });
  beforeAll(async () => {
    await client.connect();
    const fixture = JSON.parse(readFileSync(path.join(FIXTURES, 'redis-0.1.json'), 'utf8')) as { entries: Record<string, string> };
    for (const [key, value] of Object.entries(fixture.entries)) await client.set(key.replace(/^PREFIX/, prefix), value);
  });
  afterAll(async () => {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) if (keys.length) await client.del(keys);
    await client.close();
  });

  it('yields every article whole, feed states and candidates, as 0.1 stored them', async () => {
    const reader = await openLegacyStore(`${REDIS_URL}?prefix=${prefix}`);
    const got = await readAll(reader, 7);
    expect(got.articles).toEqual([...expected.articles].sort(byId));
    expect(got.batches).toEqual([7, 7, 2]);
    expect(got.feeds.map((f) => f.feedId).sort()).toEqual([...expected.feeds].sort());
    expect(got.candidates.map((c) => c.name).sort()).toEqual(['Abu Fadak al-Mohammadawi', 'Liwa al-Tafuf']);
    expect(await reader.counts()).toEqual({ articles: 16, bodies: 16, feeds: 4, candidates: 2, cache: 1 });
    await reader.close();
  });

  it('says which URL it cannot reach', async () => {
    await expect(openLegacyStore('redis://127.0.0.1:1/?prefix=x')).rejects.toThrow(/Cannot reach the newsgate 0.1 Redis store at redis:\/\/127.0.0.1:1/);
  });
});
