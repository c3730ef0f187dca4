/**
 * The SQL compiler of the query language against the brute-force evaluator, on SQLite and on
 * PostgreSQL: a generated corpus of wire copy (English and Arabic, with proclitics) is stored,
 * then random boolean queries over words, phrases, prefixes, title terms, entities, languages
 * and dates must select exactly what the evaluator selects; and the orders (FETCHED_DESC,
 * RELEVANCE) and story collapsing do what they say.
 */
import { describe, expect, it } from 'vitest';
import { compileEvaluator } from '../../src/query/evaluate-query.ts';
import type { ResolvedQuery } from '../../src/query/query-ast.ts';
import { compileNow } from './compile-now.ts';
import { countArticles, searchArticles } from '../../src/query/sql/search-articles.ts';
import { makeServices } from '../graphql/fakes.ts';
import { corpus, generator } from './corpus.ts';
import { testStores, useFilledStore } from './sql-stores.ts';

const NOW = new Date('2024-05-11T00:00:00Z');
const { services, catalog } = makeServices({ articles: [] });

const ATOMS = [
  'drone', 'drone*', 'strike', 'attack', '"drone strike"', '"red sea"', 'title:drone', 'title:"drone strike"', 'convoy', 'base',
  'طائرة', '"طائرة مسيرة"', 'حوثي', 'الحوثيون', 'actor:kataib-hizbullah', 'affiliates:islamic-resistance-in-iraq', 'actor:houthis',
  'region:IQ', 'region:GULF', 'region:SY', 'topic:armed-attack', 'topic:diplomacy', 'source:wire', 'lang:ar', 'lang:en',
  'published:>now-5d', 'published:2024-05-03', 'published:<=2024-05-02', 'fetched:>now-3d',
];

function randomQuery(r: (n: number) => number, depth: number): string {
  const atom = ATOMS[r(ATOMS.length)] as string;
  if (depth === 0 || r(3) === 0) return atom;
  const a = randomQuery(r, depth - 1);
  const b = randomQuery(r, depth - 1);
  switch (r(4)) {
    case 0:
      return `(${a}) OR (${b})`;
    case 1:
      return `(${a}) (${b})`;
    case 2:
      return `(${a}) -(${b})`;
    default:
      return `NOT (${a}) AND (${b})`;
  }
}

const ARTICLES = corpus(150);

for (const target of testStores()) {
  describe(`query language over SQL (${target.engine})`, () => {
    const opened = useFilledStore(target, catalog, ARTICLES);

    const expected = (query: ResolvedQuery | undefined) => {
      const test = query === undefined ? () => true : compileEvaluator(query, (id) => catalog.regionAncestors(id));
      return ARTICLES.filter(test).map((a) => a.id).sort();
    };
    const viaSql = async (query: ResolvedQuery | undefined, filter = {}) => {
      const page = await searchArticles(opened.database, { filter, query, first: 1000 });
      return page.items.map((a) => a.id).sort();
    };

    it('every atom alone selects what the evaluator selects, and each selects something and not everything', async () => {
      for (const atom of ATOMS) {
        const query = compileNow(atom, services, NOW);
        const want = expected(query);
        expect(await viaSql(query), atom).toEqual(want);
        expect(want.length, atom).toBeGreaterThan(0);
        expect(want.length, atom).toBeLessThan(ARTICLES.length);
        expect(await countArticles(opened.database, {}, query), atom).toBe(want.length);
      }
    });

    it('random boolean queries equal the brute-force evaluator (the set algebra of their parts)', async () => {
      const r = generator(target.engine === 'sqlite' ? 11 : 13);
      for (let i = 0; i < 120; i++) {
        const text = randomQuery(r, 3);
        const query = compileNow(text, services, NOW);
        expect(await viaSql(query), text).toEqual(expected(query));
      }
    });

    it('combines with filter by AND', async () => {
      const query = compileNow('drone OR طائرة', services, NOW);
      const sql = await viaSql(query, { sources: ['wire'] });
      expect(sql).toEqual(expected(query).filter((id) => ARTICLES.find((a) => a.id === id)?.feedId === 'wire'));
    });

    it('FETCHED_DESC orders by ingestion, and fetchedAfter finds old articles ingested late', async () => {
      const page = await searchArticles(opened.database, { filter: {}, first: 1000, order: 'FETCHED_DESC' });
      const fetched = page.items.map((a) => Date.parse(a.fetchedAt));
      expect(fetched).toEqual([...fetched].sort((a, b) => b - a));
      const since = '2024-05-10T00:00:00.000Z';
      const late = await searchArticles(opened.database, { filter: { fetchedAfter: since }, first: 1000, order: 'FETCHED_DESC' });
      const want = ARTICLES.filter((a) => Date.parse(a.fetchedAt) > Date.parse(since));
      expect(late.items.map((a) => a.id).sort()).toEqual(want.map((a) => a.id).sort());
      expect(want.some((a) => Date.parse(a.publishedAt) < Date.parse(since) - 3 * 86_400_000)).toBe(true);
    });

    it('pages FETCHED_DESC with keyset cursors without gaps or repeats', async () => {
      const all: string[] = [];
      let after: { at: string; id: string } | undefined;
      for (;;) {
        const page = await searchArticles(opened.database, { filter: {}, first: 17, order: 'FETCHED_DESC', after });
        all.push(...page.items.map((a) => a.id));
        if (!page.hasNextPage) break;
        const last = page.items.at(-1)!;
        after = { at: last.fetchedAt, id: last.id };
      }
      expect(all).toHaveLength(ARTICLES.length);
      expect(new Set(all).size).toBe(ARTICLES.length);
    });

    it('RELEVANCE puts articles holding more of the words first (on average: length counts too)', async () => {
      const query = compileNow('convoy OR ceasefire OR militia', services, NOW);
      const page = await searchArticles(opened.database, { filter: {}, query, first: 1000, order: 'RELEVANCE' });
      const hits = (id: string) => {
        const a = ARTICLES.find((x) => x.id === id)!;
        const text = `${a.title} ${a.summary} ${a.content}`.toLowerCase();
        return ['convoy', 'ceasefire', 'militia'].filter((w) => text.includes(w)).length;
      };
      const counts = page.items.map((a) => hits(a.id));
      // bm25 / ts_rank also weigh document length, so compare the top and bottom quarters.
      const quarter = Math.floor(counts.length / 4);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(quarter).toBeGreaterThan(3);
      expect(mean(counts.slice(0, quarter))).toBeGreaterThan(mean(counts.slice(-quarter)) + 0.5);
      expect(page.items.map((a) => a.id).sort()).toEqual(expected(query));
    });

    it('collapses to one article per story: the newest match of each', async () => {
      const query = compileNow('drone OR attack', services, NOW);
      const page = await searchArticles(opened.database, { filter: {}, query, first: 1000, collapseStories: true });
      const matches = ARTICLES.filter((a) => expected(query).includes(a.id));
      const stories = new Set(matches.map((a) => a.storyId));
      expect(page.items).toHaveLength(stories.size);
      for (const item of page.items) {
        const newest = matches.filter((a) => a.storyId === item.storyId).sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || (a.id < b.id ? 1 : -1))[0];
        expect(item.id).toBe(newest?.id);
      }
    });
  });
}
