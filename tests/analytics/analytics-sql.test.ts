/**
 * Facets, timelines and the actor network over SQL (SQLite, and PostgreSQL with POSTGRES_URL),
 * on the generated corpus, checked against counts the API promises: a facet's count is the
 * totalCount of the filter narrowed by that value; timeline buckets are consecutive, include
 * empty ones, add up to the total, and their share is count over all articles of the bucket;
 * network counts and scores match a brute-force count over the matches.
 */
import { describe, expect, it } from 'vitest';
import { actorNetwork, cooccurring, npmi } from '../../src/analytics/actor-network.ts';
import { facets } from '../../src/analytics/facets.ts';
import { timeline } from '../../src/analytics/timeline.ts';
import { nextBucket } from '../../src/analytics/zoned-buckets.ts';
import { compileEvaluator } from '../../src/query/evaluate-query.ts';
import { compileNow } from '../query/compile-now.ts';
import { countArticles } from '../../src/query/sql/search-articles.ts';
import type { ArticleFilter } from '../../src/store/article-store.types.ts';
import { withSubTopics } from '../../src/graphql/resolve-filter.ts';
import { makeServices } from '../graphql/fakes.ts';
import { corpus } from '../query/corpus.ts';
import { testStores, useFilledStore } from '../query/sql-stores.ts';

const NOW = new Date('2024-05-11T00:00:00Z');
const { services, catalog } = makeServices({ articles: [] });
const ARTICLES = corpus(150);

describe('npmi', () => {
  it('ranks a pair that always appears together above a ubiquitous actor with more joint articles', () => {
    // 100 matches: "state" is in 90; x in 20, 18 of them with "state"; r1 and r2 in 5, always together.
    expect(npmi(5, 5, 5, 100)).toBeGreaterThan(npmi(18, 90, 20, 100));
    expect(npmi(18, 90, 20, 100)).toBeCloseTo(0, 1);
    expect(npmi(10, 10, 10, 10)).toBe(1);
  });
});

for (const target of testStores()) {
  describe(`analytics over SQL (${target.engine})`, () => {
    const opened = useFilledStore(target, catalog, ARTICLES);

    const cases: [string, ArticleFilter, string | undefined][] = [
      ['everything', {}, undefined],
      ['a filter', { sources: ['wire'] }, undefined],
      ['a query and a filter', { from: '2024-05-03T00:00:00Z' }, 'drone* OR طائرة OR actor:houthis'],
    ];

    it.each(cases)('facet counts equal the totalCount of the narrowed filter (%s)', async (_name, filter, text) => {
      const query = compileNow(text, services, NOW);
      const result = await facets(opened.database, filter, query, 100);
      const narrowed: [readonly { value: string; count: number }[], (v: string) => ArticleFilter][] = [
        [result.actors, (v) => ({ ...filter, actors: [v] })],
        [result.regions, (v) => ({ ...filter, regions: [v] })],
        [result.topics, (v) => ({ ...filter, topics: withSubTopics(catalog, [v]) })],
        [result.sources, (v) => ({ ...filter, sources: [v] })],
        [result.languages, (v) => ({ ...filter, languages: [v] })],
      ];
      for (const [values, narrow] of narrowed) {
        expect(values.length).toBeGreaterThan(0);
        const counts = values.map((v) => v.count);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
        for (const { value, count } of values) expect(count, value).toBe(await countArticles(opened.database, narrow(value), query));
      }
    });

    it('facets stop at first', async () => {
      const result = await facets(opened.database, {}, undefined, 2);
      expect(result.actors).toHaveLength(2);
    });

    it.each([
      ['DAY', 'UTC'],
      ['HOUR', 'UTC'],
      ['WEEK', 'Asia/Baghdad'],
      ['DAY', 'America/New_York'],
    ] as const)('timeline buckets (%s, %s) are consecutive, add up, and share is count over all', async (interval, zone) => {
      const filter: ArticleFilter = { topics: withSubTopics(catalog, ['armed-attack']) };
      const query = compileNow('-lang:ar', services, NOW);
      const result = await timeline(opened.database, filter, query, interval, zone);
      const total = await countArticles(opened.database, filter, query);
      expect(result.totalCount).toBe(total);
      expect(result.buckets.reduce((s, b) => s + b.count, 0)).toBe(total);
      expect(result.buckets.some((b) => b.count === 0)).toBe(interval === 'HOUR');
      const test = compileEvaluator(query!, (id) => catalog.regionAncestors(id));
      const ids = new Set(filter.topics);
      for (let i = 0; i < result.buckets.length; i++) {
        const start = Date.parse(result.buckets[i]!.start);
        const end = i + 1 < result.buckets.length ? Date.parse(result.buckets[i + 1]!.start) : nextBucket(start, interval, zone);
        expect(end).toBeGreaterThan(start);
        const inBucket = ARTICLES.filter((a) => Date.parse(a.publishedAt) >= start && Date.parse(a.publishedAt) < end);
        const matching = inBucket.filter((a) => a.topics.some((t) => catalog.topicAncestors(t.id).some((x) => ids.has(x))) && test(a));
        expect(result.buckets[i]!.count).toBe(matching.length);
        expect(result.buckets[i]!.share).toBeCloseTo(inBucket.length === 0 ? 0 : matching.length / inBucket.length, 10);
      }
    });

    it('a timeline over from..to has every bucket of the range, empty ones too', async () => {
      const result = await timeline(opened.database, { from: '2024-04-25T00:00:00Z', to: '2024-05-15T00:00:00Z' }, undefined, 'DAY', 'UTC');
      expect(result.buckets).toHaveLength(21);
      expect(result.buckets[0]).toEqual({ start: '2024-04-25T00:00:00.000Z', count: 0, share: 0 });
      expect(result.totalCount).toBe(ARTICLES.length);
    });

    it('network counts and scores match a brute-force count, best score first', async () => {
      const filter: ArticleFilter = { languages: ['en'] };
      const pairs = await actorNetwork(opened.database, filter, undefined, 200, 2);
      const matches = ARTICLES.filter((a) => a.language === 'en');
      const has = (a: (typeof ARTICLES)[number], id: string) => a.actors.some((r) => r.id === id);
      expect(pairs.length).toBeGreaterThan(3);
      for (const p of pairs) {
        const both = matches.filter((a) => has(a, p.a) && has(a, p.b)).length;
        expect(p.count, `${p.a}+${p.b}`).toBe(both);
        expect(p.score).toBeCloseTo(npmi(both, matches.filter((a) => has(a, p.a)).length, matches.filter((a) => has(a, p.b)).length, matches.length), 10);
        expect(p.count).toBeGreaterThanOrEqual(2);
      }
      const scores = pairs.map((p) => p.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('cooccurring counts the actors named with one actor, most often first', async () => {
      const partners = await cooccurring(opened.database, 'houthis', {}, undefined, 10);
      const withHouthis = ARTICLES.filter((a) => a.actors.some((r) => r.id === 'houthis'));
      expect(partners.length).toBeGreaterThan(0);
      for (const p of partners) {
        expect(p.actor).not.toBe('houthis');
        expect(p.count).toBe(withHouthis.filter((a) => a.actors.some((r) => r.id === p.actor)).length);
      }
      const counts = partners.map((p) => p.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    });
  });
}
