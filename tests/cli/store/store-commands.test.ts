/**
 * `newsgate store import|export|copy|stats` as a user runs them (runCli, real stores): lines
 * that are not Articles are reported by number and skipped while every other line is stored;
 * export → import into an empty store → export gives the same bytes, on SQLite and across to
 * PostgreSQL; a 0.1 store (SQLite file, Redis keys) is copied whole into a 0.2 store.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createClient } from '@keyv/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/model/article.ts';
import { runCli } from '../../../src/cli/main.ts';
import type { CliIo } from '../../../src/cli/cli-io.ts';
import { ArticleStore } from '../../../src/store/article-store.ts';
import { makeArticle } from '../../store/article-factory.ts';
import { createTestDatabase, dropTestDatabase, POSTGRES_URL } from '../../store/postgres-test-db.ts';

/** A database of this suite's own (dropped after). */
type TestDatabase = { url: string; name: string };

const ROOT = path.resolve(import.meta.dirname, '../../..');
const LEGACY = path.join(ROOT, 'tests/fixtures/legacy-0.1');
const legacy = JSON.parse(readFileSync(path.join(LEGACY, 'expected.json'), 'utf8')) as { articles: Article[] };
const REDIS_URL = process.env.REDIS_URL;
if (!POSTGRES_URL) console.warn('tests/cli/store: POSTGRES_URL is not set; the PostgreSQL variants are skipped.');
if (!REDIS_URL) console.warn('tests/cli/store: REDIS_URL is not set; copying a 0.1 Redis store is skipped.');

interface Run {
  code: number;
  out: string;
  err: string;
}
async function cli(args: string[], stdin?: string): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    env: {},
    cwd: dir,
    ...(stdin !== undefined ? { stdin: Readable.from([Buffer.from(stdin)]) } : {}),
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

async function readAll(url: string): Promise<Article[]> {
  const store = await ArticleStore.open({ url, regionAncestors: () => [] });
  const all: Article[] = [];
  for await (const batch of store.iterate({}, 100)) all.push(...batch);
  await store.close();
  return all;
}

let dir: string;
let lines: string[];
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'storeops-cli-'));
  // The articles 0.1 built from the fixture feeds plus generated ones, as preview prints them.
  const seed = `sqlite://${dir}/seed.sqlite`;
  const store = await ArticleStore.open({ url: seed, regionAncestors: () => [] });
  await store.upsert([
    ...legacy.articles,
    ...Array.from({ length: 40 }, (_, i) => makeArticle({ id: `gen-${i}`, feedId: i % 2 ? 'shafaq-en' : 'rudaw-ar', actors: i % 3 ? ['kataib-hizbullah'] : ['houthis'], regions: ['IQ'], publishedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString() })),
  ]);
  await store.close();
  const exported = await cli(['store', 'export', '--store', seed]);
  expect(exported.code, exported.err).toBe(0);
  lines = exported.out.trimEnd().split('\n');
  expect(lines).toHaveLength(56);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('store import', () => {
  it('stores every good line and reports each bad one by number, with the reason', async () => {
    const body = [lines[0], 'not json at all', lines[1], '', JSON.stringify({ ...JSON.parse(lines[2]!), title: 7 }), ...lines.slice(3)].join('\n');
    writeFileSync(path.join(dir, 'mixed.ndjson'), `${body}\n`);
    const run = await cli(['store', 'import', 'mixed.ndjson', '--store', 'sqlite://mixed.sqlite', '--batch', '10']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('mixed.ndjson:2: skipped: not JSON');
    expect(run.err).toContain('mixed.ndjson:5: skipped: title must be string');
    expect(run.err).toMatch(/committed 55 articles through line 58 \(55 new, 0 updated, 0 unchanged, 2 rejected/);
    const stored = await readAll(`sqlite://${dir}/mixed.sqlite`);
    expect(stored.map((a) => a.id).sort()).toEqual(lines.filter((_, i) => i !== 2).map((l) => JSON.parse(l).id).sort());
  });

  it('reads standard input with `-`, and a second import of the same lines changes nothing', async () => {
    const first = await cli(['store', 'import', '-', '--store', 'sqlite://stdin.sqlite'], `${lines.join('\n')}\n`);
    expect(first.code, first.err).toBe(0);
    expect(first.err).toMatch(/committed 56 articles .*56 new/);
    const again = await cli(['store', 'import', '-', '--store', 'sqlite://stdin.sqlite'], `${lines.join('\n')}\n`);
    expect(again.err).toMatch(/committed 56 articles .*0 new, 0 updated, 56 unchanged/);
  });

  it('says what is wrong with its arguments', async () => {
    expect((await cli(['store', 'import'])).code).toBe(2);
    expect((await cli(['store', 'import', 'missing.ndjson', '--store', 'sqlite://x.sqlite'])).err).toMatch(/cannot read missing.ndjson/);
    expect((await cli(['store', 'import', 'x', '--batch', '0'])).err).toMatch(/--batch must be a whole number/);
    expect((await cli(['store', 'frobnicate'])).err).toMatch(/unknown store command "frobnicate"/);
  });
});

describe('store export', () => {
  it('export → import into an empty store → export gives the same bytes', async () => {
    writeFileSync(path.join(dir, 'all.ndjson'), `${lines.join('\n')}\n`);
    expect((await cli(['store', 'import', 'all.ndjson', '--store', 'sqlite://round.sqlite'])).code).toBe(0);
    const again = await cli(['store', 'export', '--store', 'sqlite://round.sqlite', '--out', 'round.ndjson']);
    expect(again.code, again.err).toBe(0);
    expect(readFileSync(path.join(dir, 'round.ndjson'), 'utf8')).toBe(`${lines.join('\n')}\n`);
    expect(existsSync(path.join(dir, 'round.ndjson.partial'))).toBe(false);
  });

  it('exports only what the filter matches, newest first', async () => {
    const run = await cli(['store', 'export', '--store', 'sqlite://round.sqlite', '--filter', '{"actors":["houthis"],"sources":["rudaw-ar"]}']);
    expect(run.code, run.err).toBe(0);
    const got = run.out.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; publishedAt: string; feedId: string });
    const expected = lines.map((l) => JSON.parse(l)).filter((a) => a.feedId === 'rudaw-ar' && a.actors.some((e: { id: string }) => e.id === 'houthis'));
    expect(got.map((a) => a.id)).toEqual(expected.map((a) => a.id));
    expect(got.length).toBeGreaterThan(3);
    expect([...got].sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1)).map((a) => a.id)).toEqual(got.map((a) => a.id));
  });

  it('refuses a filter it does not understand, saying which field', async () => {
    const run = await cli(['store', 'export', '--store', 'sqlite://round.sqlite', '--filter', '{"actor":["houthis"]}']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/unknown field "actor"/);
  });
});

describe('store copy from newsgate 0.1', () => {
  it('copies the SQLite file 0.1 wrote: articles whole, feed states, candidates; the source is untouched', async () => {
    const old = path.join(dir, 'old.sqlite');
    copyFileSync(path.join(LEGACY, 'store-0.1.sqlite'), old);
    const before = readFileSync(old);
    const run = await cli(['store', 'copy', 'sqlite://old.sqlite', 'sqlite://new.sqlite']);
    expect(run.code, run.err).toBe(0);
    expect(run.err).toMatch(/16 articles \(16 new there\), 4 feed states and 2 candidates/);
    expect(readFileSync(old).equals(before)).toBe(true);
    const copied = await readAll(`sqlite://${dir}/new.sqlite`);
    const byId = (a: Article, b: Article) => (a.id < b.id ? -1 : 1);
    expect(copied.sort(byId)).toEqual([...legacy.articles].sort(byId));
    const stats = await cli(['store', 'stats', '--store', 'sqlite://new.sqlite', '--json']);
    expect(stats.code, stats.err).toBe(0);
    const s = JSON.parse(stats.out);
    expect(s).toMatchObject({ engine: 'sqlite', articles: 16, feedStates: 4, candidates: 2, perFeed: { wire: 5, analysis: 4, briefs: 4, legacy: 3 } });
    expect(s.bytes.total).toBeGreaterThan(0);
    // Run again: nothing new.
    expect((await cli(['store', 'copy', 'sqlite://old.sqlite', 'sqlite://new.sqlite'])).err).toMatch(/16 articles \(0 new there\)/);
    // stats on the 0.1 file says what it is and how to upgrade.
    const oldStats = await cli(['store', 'stats', '--store', 'sqlite://old.sqlite']);
    expect(oldStats.out).toMatch(/written by newsgate 0.1[\s\S]*articles +16[\s\S]*upgrade with: newsgate store copy/);
  });

  it('refuses to copy a store onto itself, and names a missing source', async () => {
    expect((await cli(['store', 'copy', 'sqlite://new.sqlite', `sqlite://${dir}/new.sqlite`])).err).toMatch(/name the same store/);
    expect((await cli(['store', 'copy', 'sqlite://nothing.sqlite', 'sqlite://y.sqlite'])).err).toMatch(/no store at .*nothing.sqlite/);
  });

  it.skipIf(!REDIS_URL)('copies the Redis keys 0.1 wrote', async () => {
    const prefix = `storeops-copy-${randomUUID().slice(0, 8)}`;
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    const fixture = JSON.parse(readFileSync(path.join(LEGACY, 'redis-0.1.json'), 'utf8')) as { entries: Record<string, string> };
    for (const [key, value] of Object.entries(fixture.entries)) await client.set(key.replace(/^PREFIX/, prefix), value);
    try {
      const run = await cli(['store', 'copy', `${REDIS_URL}?prefix=${prefix}`, 'sqlite://from-redis.sqlite']);
      expect(run.code, run.err).toBe(0);
      expect(run.err).toMatch(/16 articles \(16 new there\), 4 feed states and 2 candidates/);
      expect((await readAll(`sqlite://${dir}/from-redis.sqlite`)).map((a) => a.id).sort()).toEqual(legacy.articles.map((a) => a.id).sort());
    } finally {
      for await (const keys of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) if (keys.length) await client.del(keys);
      await client.close();
    }
  });
});

describe.skipIf(!POSTGRES_URL)('across to PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('storeops');
  });
  afterAll(async () => db && dropTestDatabase(db.name));

  it('SQLite export → PostgreSQL import → export gives the same bytes; copy PostgreSQL → SQLite keeps everything; stats', async () => {
    expect((await cli(['store', 'import', 'all.ndjson', '--store', db.url])).code).toBe(0);
    const again = await cli(['store', 'export', '--store', db.url]);
    expect(again.out).toBe(`${lines.join('\n')}\n`);
    const copy = await cli(['store', 'copy', db.url, 'sqlite://back.sqlite']);
    expect(copy.code, copy.err).toBe(0);
    expect((await cli(['store', 'export', '--store', 'sqlite://back.sqlite'])).out).toBe(`${lines.join('\n')}\n`);
    const stats = JSON.parse((await cli(['store', 'stats', '--store', db.url, '--json'])).out);
    expect(stats).toMatchObject({ engine: 'postgres', articles: 56 });
    expect(stats.entityLinks.actor).toBeGreaterThan(40);
    expect(stats.bytes.articles).toBeGreaterThan(0);
    expect(stats.store).not.toContain('password');
  });
});
