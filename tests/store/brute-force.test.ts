/**
 * The store against a brute-force reference: random articles and random filters, and every
 * page (read through the cursors, in both orders) and every count must equal a plain filter +
 * sort over the same articles in memory. On in-memory SQLite, and PostgreSQL when POSTGRES_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleStore } from '../../src/store/article-store.ts';
import type { ArticleFilter, ArticleOrder } from '../../src/store/article-store.types.ts';
import { CLAIM_KINDS, type Article } from '../../src/model/article.ts';
import { textMatchesSearch } from '../../src/normalize/gazetteer/search-terms.ts';
import { hoursAfterEpoch, makeArticle, regionAncestors, topicAncestors } from './article-factory.ts';
import { POSTGRES_URL, createTestDatabase, dropTestDatabase } from './postgres-test-db.ts';

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FEEDS = ['shafaq-en', 'alsumaria-ar', 'naharnet', 'enab-en'];
const LANGS = ['en', 'ar', null] as const;
const REGIONS = ['IQ/baghdad', 'IQ/jurf-al-sakhr', 'IQ-BG', 'IQ', 'SY/deir-ez-zor', 'SY', 'LB/beirut', 'LB'];
const ACTORS = ['kataib-hizbullah', 'pmf', 'sdf', 'hezbollah', 'us-centcom'];
const TOPICS = ['drone-strike', 'airstrike', 'statement', 'protest'];
const WORDS = ['drone', 'strike', 'Baghdad', 'border', 'بطائرة', 'مسيرة', 'الحوثيون', 'statement', 'militia', 'الكويت'];

const SEED = 20261203;

function generate(n: number, random: () => number): Article[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const some = <T>(list: readonly T[], max: number) => [...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(list)))];
  const text = (k: number) => Array.from({ length: k }, () => pick(WORDS)).join(' ');
  return Array.from({ length: n }, (_, i) => ({
    ...makeArticle({
      id: `g${String(Math.floor(random() * 1e6)).padStart(6, '0')}-${i}`,
      feedId: pick(FEEDS),
      // Few distinct hours: many ties on publishedAt, broken by id.
      publishedAt: hoursAfterEpoch(Math.floor(random() * 60)),
      language: pick(LANGS),
      regions: some(REGIONS, 2),
      actors: some(ACTORS, 2),
      topics: some(TOPICS, 2),
      title: text(3),
      summary: text(4),
      content: text(6),
      tags: some(['أمن', 'Security'], 1),
    }),
    // Claims of every kind, some naming no known actor: only CLAIMED ones count for claimedBy.
    claims: Array.from({ length: Math.floor(random() * 3) }, () => ({
      kind: pick(CLAIM_KINDS),
      actor: random() < 0.2 ? null : pick(ACTORS),
      by: random() < 0.5 ? null : pick(ACTORS),
      evidence: { field: 'summary' as const, start: 0, end: 5, snippet: 'claim' },
    })),
    fetchedAt: hoursAfterEpoch(100 + Math.floor(random() * 30)),
    storyId: `story-${Math.floor(random() * 40)}`,
  }));
}

function randomFilter(random: () => number, articles: readonly Article[]): ArticleFilter {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const maybe = (p: number) => random() < p;
  const f: { -readonly [K in keyof ArticleFilter]: ArticleFilter[K] } = {};
  if (maybe(0.3)) f.regions = [pick(['IQ', 'IQ-BG', 'SY', 'LB', 'LEVANT', 'MIDDLE_EAST', 'IQ/baghdad'])];
  if (maybe(0.3)) f.actors = [pick(ACTORS), ...(maybe(0.5) ? [pick(ACTORS)] : [])];
  if (maybe(0.25)) f.claimedBy = [pick(ACTORS), ...(maybe(0.3) ? [pick(ACTORS)] : [])];
  if (maybe(0.25)) f.topics = [pick([...TOPICS, 'armed-attack'])];
  if (maybe(0.2)) f.sources = [pick(FEEDS)];
  if (maybe(0.15)) f.languages = [pick(['en', 'ar'])];
  if (maybe(0.2)) f.from = hoursAfterEpoch(Math.floor(random() * 40));
  if (maybe(0.2)) f.to = hoursAfterEpoch(20 + Math.floor(random() * 40));
  if (maybe(0.1)) f.fetchedAfter = hoursAfterEpoch(100 + Math.floor(random() * 30));
  if (maybe(0.1)) f.stories = [`story-${Math.floor(random() * 40)}`];
  if (maybe(0.05)) f.ids = articles.slice(0, 5).map((a) => a.id);
  if (maybe(0.25)) f.search = pick(['drone', 'طائرة مسيرة', 'حوثي', 'Bagh*', 'border strike', 'کویت', 'أمن']);
  return f;
}

/** The reference: the filter's meaning written as plainly as possible. */
function matches(a: Article, f: ArticleFilter): boolean {
  const any = (list: readonly string[] | undefined, test: (id: string) => boolean) => list === undefined || list.length === 0 || list.some(test);
  const published = Date.parse(a.publishedAt);
  return (
    any(f.sources, (id) => a.feedId === id) &&
    any(f.languages, (l) => a.language === l) &&
    any(f.ids, (id) => a.id === id) &&
    any(f.stories, (id) => a.storyId === id) &&
    any(f.actors, (id) => a.actors.some((r) => r.id === id)) &&
    any(f.claimedBy, (id) => (a.claims ?? []).some((c) => c.kind === 'CLAIMED' && c.actor === id)) &&
    any(f.regions, (id) => a.regions.some((r) => regionAncestors(r.id).includes(id))) &&
    any(f.topics, (id) => a.topics.some((r) => topicAncestors(r.id).includes(id))) &&
    (f.from === undefined || published >= Date.parse(f.from)) &&
    (f.to === undefined || published <= Date.parse(f.to)) &&
    (f.fetchedAfter === undefined || Date.parse(a.fetchedAt) > Date.parse(f.fetchedAfter)) &&
    (f.search === undefined || textMatchesSearch(`${a.title}\n${a.summary}\n${a.content}\n${a.tags.join('\n')}`, f.search))
  );
}

function reference(articles: readonly Article[], f: ArticleFilter, order: ArticleOrder): string[] {
  const key = (a: Article) => Date.parse(order === 'FETCHED_DESC' ? a.fetchedAt : a.publishedAt);
  return articles
    .filter((a) => matches(a, f))
    .sort((a, b) => key(b) - key(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((a) => a.id);
}

const engines: Array<[string, () => string]> = [['memory://', () => 'memory://']];
let pgDatabase: string | undefined;
let pgUrl = '';
if (POSTGRES_URL) {
  beforeAll(async () => {
    const db = await createTestDatabase('brute');
    pgDatabase = db.name;
    pgUrl = db.url;
  }, 60_000);
  afterAll(async () => {
    if (pgDatabase) await dropTestDatabase(pgDatabase);
  }, 60_000);
  engines.push(['postgres://', () => pgUrl]);
} else {
  console.warn('POSTGRES_URL is not set: the brute-force reference test against PostgreSQL is SKIPPED.');
}

describe.each(engines)('ArticleStore on %s agrees with a brute-force filter', (_engine, url) => {
  it('for 150 random filters over 600 random articles: pages in both orders, counts, and after updates', async () => {
    const random = prng(SEED);
    let articles = generate(600, random);
    // Thresholds 60: common entities and words are probed, rare ones drive the query; both plans are checked.
    const store = await ArticleStore.open({ url: url(), regionAncestors, topicAncestors, probeFrom: 60, searchProbeFrom: 60 });
    try {
      for (let i = 0; i < articles.length; i += 100) await store.upsert(articles.slice(i, i + 100));
      // Some articles move (new date, new entities): postings and full text must follow.
      const moved = generate(60, random).map((a, i) => ({ ...a, id: articles[i * 7]!.id }));
      await store.upsert(moved);
      const byId = new Map(articles.map((a) => [a.id, a]));
      for (const m of moved) byId.set(m.id, m);
      articles = [...byId.values()];
      expect(await store.size()).toBe(articles.length);

      for (let n = 0; n < 150; n++) {
        const filter = randomFilter(random, articles);
        const order: ArticleOrder = random() < 0.3 ? 'FETCHED_DESC' : 'PUBLISHED_DESC';
        const expected = reference(articles, filter, order);
        const pageSize = 1 + Math.floor(random() * 40);
        const got: string[] = [];
        let after: { at: string; id: string } | undefined;
        for (;;) {
          const page = await store.query(filter, { first: pageSize, order, ...(after ? { after } : {}) });
          got.push(...page.items.map((m) => m.id));
          const last = page.items[page.items.length - 1];
          if (!page.hasNextPage || !last) break;
          after = { at: order === 'FETCHED_DESC' ? last.fetchedAt : last.publishedAt, id: last.id };
        }
        expect({ filter, order, ids: got }).toEqual({ filter, order, ids: expected });
        expect({ filter, count: await store.countMatches(filter) }).toEqual({ filter, count: { count: expected.length, exact: true } });
      }
    } finally {
      await store.close();
    }
  }, 120_000);
});
