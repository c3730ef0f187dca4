/** CandidateStore: aggregation, ranking, folded search, batched persistence across reopen, on SQLite and PostgreSQL. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateStore } from '../../src/store/candidate-store.ts';
import { ArticleStore } from '../../src/store/article-store.ts';
import { POSTGRES_URL, createTestDatabase, createTestSchemas, dropTestDatabase } from './postgres-test-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsgate-cand-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pgUrls: string[] = [];
let pgDatabase: string | undefined;
if (POSTGRES_URL) {
  beforeAll(async () => {
    const db = await createTestDatabase('cand');
    pgDatabase = db.name;
    pgUrls.push(...(await createTestSchemas(db.url, 5)));
  }, 60_000);
  afterAll(async () => {
    if (pgDatabase) await dropTestDatabase(pgDatabase);
  }, 60_000);
} else {
  console.warn('POSTGRES_URL is not set: the CandidateStore tests against PostgreSQL are SKIPPED.');
}

const engines: Array<[string, () => string]> = [
  ['memory', () => `memory://cand-${randomUUID()}`],
  ['sqlite', () => `sqlite://${join(dir, `${randomUUID()}.sqlite`)}`],
];
if (POSTGRES_URL) engines.push(['postgres', () => pgUrls.shift()!]);

describe.each(engines)('CandidateStore on %s', (_name, newUrl) => {
  const openBoth = async (url: string, flushDelayMs = 60_000) => {
    const articles = await ArticleStore.open({ url, regionAncestors: (id) => [id] });
    const candidates = await CandidateStore.open({ db: articles.db, flushDelayMs });
    return { articles, candidates, close: async () => (await candidates.close(), await articles.close()) };
  };

  it('aggregates mentions and distinct articles across spellings, ranks them, and searches folded', async () => {
    const { candidates: store, close } = await openBoth(newUrl());
    store.record('art-1', [{ name: 'Abu Fadak al-Mohammedawi', kind: 'PERSON', mentions: 3 }, { name: 'Saraya Awliya al-Dam', kind: 'ORGANIZATION', mentions: 1 }], '2026-11-20T08:00:00.000Z');
    store.record('art-2', [{ name: 'abu fadak  al-Mohammedawi', kind: 'PERSON', mentions: 1 }], '2026-11-22T08:00:00.000Z');
    store.record('art-2', [{ name: 'Abu Fadak al-Mohammedawi', kind: 'PERSON', mentions: 1 }], '2026-11-22T08:00:00.000Z'); // same article again: ignored
    store.record('art-3', [{ name: 'سرايا أولياء الدم', kind: 'ORGANIZATION', mentions: 2 }, { name: 'Saraya Awliya al-Dam', kind: 'ORGANIZATION', mentions: 1 }], '2026-11-21T08:00:00.000Z');
    store.record('art-4', [{ name: 'Jurf al-Nasr', kind: 'PLACE', mentions: 1 }, { name: '   ', kind: 'PLACE', mentions: 4 }], '2026-11-23T08:00:00.000Z');

    const top = await store.top(10);
    expect(top.map((c) => [c.name, c.mentions, c.articles])).toEqual([
      ['Abu Fadak al-Mohammedawi', 4, 2],
      ['Saraya Awliya al-Dam', 2, 2],
      ['سرايا أولياء الدم', 2, 1],
      ['Jurf al-Nasr', 1, 1],
    ]);
    expect(top[0]).toMatchObject({ firstSeen: '2026-11-20T08:00:00.000Z', lastSeen: '2026-11-22T08:00:00.000Z', sampleArticleIds: ['art-2', 'art-1'] });
    expect((await store.top(10, 2)).map((c) => c.name)).toEqual(['Abu Fadak al-Mohammedawi', 'Saraya Awliya al-Dam', 'سرايا أولياء الدم']);
    expect((await store.top(1)).map((c) => c.name)).toEqual(['Abu Fadak al-Mohammedawi']);
    expect((await store.search('MOHAMMEDAWI')).map((c) => c.name)).toEqual(['Abu Fadak al-Mohammedawi']);
    expect((await store.search('اولياء')).map((c) => c.name)).toEqual(['سرايا أولياء الدم']);
    expect((await store.search('person')).map((c) => c.name)).toEqual([]); // the kind is not part of the name
    expect(await store.search('  ')).toEqual([]);
    // A repeat of an article already counted, after the flush: still ignored.
    store.record('art-1', [{ name: 'Abu Fadak al-Mohammedawi', kind: 'PERSON', mentions: 3 }]);
    expect((await store.top(1))[0]).toMatchObject({ mentions: 4, articles: 2 });
    await close();
  });

  it('persists what was recorded and serves it after reopen', async () => {
    const url = newUrl();
    const first = await openBoth(url);
    for (let i = 0; i < 30; i++) first.candidates.record(`art-${i}`, [{ name: `Commander ${i % 5}`, kind: 'PERSON', mentions: 1 }]);
    first.candidates.record('art-x', [{ name: 'Commander 0', kind: 'PERSON', mentions: 2 }]);
    await first.close(); // flushes
    const again = await openBoth(url);
    expect(await again.candidates.size()).toBe(5);
    expect((await again.candidates.top(1))[0]).toMatchObject({ name: 'Commander 0', mentions: 8, articles: 7 });
    await again.close();
  });

  it('flushes on its own after the delay', async () => {
    const url = newUrl();
    const writer = await openBoth(url, 20);
    writer.candidates.record('a', [{ name: 'Hamid al-Jazaeri', kind: 'PERSON', mentions: 1 }]);
    await new Promise((r) => setTimeout(r, 150));
    const rows = await writer.articles.db.selectFrom('candidates').select('name').execute();
    expect(rows.map((r) => r.name)).toEqual(['Hamid al-Jazaeri']);
    await writer.close();
  });
});
