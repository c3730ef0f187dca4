/**
 * ArticleIndex (pure, in memory): pages stop early and `totalCount` is counted lazily and
 * cached per filter, with the same answers as a brute-force scan; the full-text index built in
 * steps after a restore answers `search` the same before, during and after the build.
 */
import { describe, expect, it, vi } from 'vitest';
import { splitArticle, type ArticleMeta } from '../../src/model/article.ts';
import type { ArticleCursor, ArticleFilter } from '../../src/store/article-store.types.ts';
import { ArticleIndex } from '../../src/store/index/article-index.ts';
import { compileTextMatch } from '../../src/store/search/match-text.ts';
import { hoursAfterEpoch, makeArticle, regionAncestors } from './article-factory.ts';

/** A seeded PRNG (mulberry32): the same corpus on every run. */
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

const ACTORS = ['kataib-hizbullah', 'pmf', 'sdf', 'hezbollah', 'us-centcom', 'asaib-ahl-al-haq'];
const REGIONS = ['IQ/baghdad', 'IQ/jurf-al-sakhr', 'IQ-BG', 'SY/deir-ez-zor', 'LB/beirut', 'LB', 'SY'];
const QUERY_REGIONS = ['IQ', 'SY', 'LB', 'LEVANT', 'MIDDLE_EAST', 'IQ/baghdad', 'IQ-BB'];
const FEEDS = ['shafaq-en', 'enab-en', 'naharnet', 'alsumaria-ar'];
const TOPICS = ['drone-strike', 'statement', 'clashes', 'airstrike'];
const TITLES = [
  'Drone strike hits vehicle near Jurf al-Sakhr',
  "Asa'ib Ahl al-Haq denies involvement in Baghdad rocket attack",
  'SDF clashes with tribal fighters east of Deir ez-Zor',
  'Hezbollah statement on southern border',
  'طائرة مسيرة تستهدف عجلة في بغداد',
  'CENTCOM says it struck weapons depot in Syria',
  'Kataib Hezbollah commander killed west of Baghdad',
  'Lebanese army deploys south of the Litani',
];
const SEARCHES = ['baghdad', 'bagh', 'strike', 'kataib hezbollah', 'Hizbollah', 'مسيرة', 'deir', 'litani army', 'zz', 'of', '!!'];

function pick<T>(rand: () => number, list: readonly T[], max: number): T[] {
  const n = Math.floor(rand() * (max + 1));
  return [...new Set(Array.from({ length: n }, () => list[Math.floor(rand() * list.length)] as T))];
}

function corpus(seed: number, count: number): ArticleMeta[] {
  const rand = prng(seed);
  return Array.from({ length: count }, (_, i) =>
    splitArticle(
      makeArticle({
        id: `art-${String(i).padStart(4, '0')}`,
        // Many ties on the hour, so the id tie-break is exercised.
        publishedAt: hoursAfterEpoch(Math.floor(rand() * 200)),
        feedId: FEEDS[Math.floor(rand() * FEEDS.length)] as string,
        actors: pick(rand, ACTORS, 2),
        regions: pick(rand, REGIONS, 2),
        topics: pick(rand, TOPICS, 1),
        language: rand() < 0.2 ? 'ar' : 'en',
        title: TITLES[Math.floor(rand() * TITLES.length)] as string,
        summary: `Report ${i}: ${TITLES[Math.floor(rand() * TITLES.length)]}`,
      }),
    ).meta,
  );
}

function randomFilter(rand: () => number): ArticleFilter {
  const f: { -readonly [K in keyof ArticleFilter]: ArticleFilter[K] } = {};
  if (rand() < 0.6) f.actors = pick(rand, ACTORS, 2);
  if (rand() < 0.6) f.regions = pick(rand, QUERY_REGIONS, 2);
  if (rand() < 0.2) f.topics = pick(rand, TOPICS, 2);
  if (rand() < 0.2) f.sources = pick(rand, FEEDS, 2);
  if (rand() < 0.15) f.languages = ['ar'];
  if (rand() < 0.5) f.from = hoursAfterEpoch(Math.floor(rand() * 150));
  if (rand() < 0.5) f.to = hoursAfterEpoch(50 + Math.floor(rand() * 150));
  if (rand() < 0.2) f.search = SEARCHES[Math.floor(rand() * SEARCHES.length)] as string;
  return f;
}

/** The answer by definition: every article tested, sorted newest first. */
function reference(metas: readonly ArticleMeta[], f: ArticleFilter): ArticleMeta[] {
  const any = (values: readonly string[] | undefined, have: readonly string[]) => !values || values.length === 0 || values.some((v) => have.includes(v));
  const text = f.search ? compileTextMatch(f.search) : undefined;
  return metas
    .filter(
      (m) =>
        any(f.actors, m.actors.map((a) => a.id)) &&
        any(f.regions, m.regions.flatMap((r) => regionAncestors(r.id))) &&
        any(f.topics, m.topics.map((t) => t.id)) &&
        any(f.sources, [m.feedId]) &&
        any(f.languages, m.language ? [m.language] : []) &&
        (f.from === undefined || m.publishedAt >= f.from) &&
        (f.to === undefined || m.publishedAt <= f.to) &&
        (text === undefined || text(m)),
    )
    .sort((a, b) => (a.publishedAt !== b.publishedAt ? (a.publishedAt < b.publishedAt ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

const cursorOf = (m: ArticleMeta): ArticleCursor => ({ publishedAt: m.publishedAt, id: m.id });

describe('ArticleIndex.query against a brute-force scan', () => {
  const metas = corpus(7, 400);

  it.each([
    ['text index built at load', false],
    ['text index deferred (search through match-text)', true],
  ])('pages, hasNextPage and totalCount agree for 150 random filters (%s)', (_name, deferText) => {
    const index = new ArticleIndex(regionAncestors);
    index.load(metas, { deferText });
    expect(index.textPendingCount).toBe(deferText ? metas.length : 0);
    const rand = prng(11);
    for (let n = 0; n < 150; n++) {
      const filter = randomFilter(rand);
      const expected = reference(metas, filter);
      const first = 1 + Math.floor(rand() * 6);
      // A cursor at a random matching position, or none.
      const start = expected.length > 0 && rand() < 0.5 ? Math.floor(rand() * expected.length) : -1;
      const after = start >= 0 ? cursorOf(expected[start] as ArticleMeta) : undefined;
      const rest = expected.slice(start + 1);
      const page = index.query(filter, first, after);
      const where = JSON.stringify({ filter, first, after });
      expect(page.items.map((m) => m.id), where).toEqual(rest.slice(0, first).map((m) => m.id));
      expect(page.hasNextPage, where).toBe(rest.length > first);
      expect(page.totalCount, where).toBe(expected.length);
    }
  });

  it('pages one filter to its end, each article once, in order', () => {
    const index = new ArticleIndex(regionAncestors);
    index.load(metas);
    const filter: ArticleFilter = { regions: ['MIDDLE_EAST'], actors: ['pmf', 'sdf', 'hezbollah'] };
    const seen: string[] = [];
    let after: ArticleCursor | undefined;
    for (;;) {
      const page = index.query(filter, 7, after);
      seen.push(...page.items.map((m) => m.id));
      if (!page.hasNextPage) break;
      after = cursorOf(page.items[page.items.length - 1] as ArticleMeta);
    }
    expect(seen).toEqual(reference(metas, filter).map((m) => m.id));
  });
});

describe('ArticleIndex totalCount', () => {
  const metas = corpus(3, 300);
  const filter: ArticleFilter = { actors: ['pmf', 'sdf'], regions: ['IQ'], from: hoursAfterEpoch(20) };

  it('is not counted until read, then once per filter until the next write', () => {
    const index = new ArticleIndex(regionAncestors);
    index.load(metas);
    const count = vi.spyOn(index, 'countMatches');
    const page = index.query(filter, 5);
    expect(page.items).toHaveLength(5);
    expect(count).not.toHaveBeenCalled();
    const expected = reference(metas, filter).length;
    expect(page.totalCount).toBe(expected);
    expect(page.totalCount).toBe(expected);
    expect(count).toHaveBeenCalledTimes(1);
    // The same filter written differently, and a later page, are served from the cache.
    const cache = (index as unknown as { countCache: Map<string, number> }).countCache;
    expect(cache.size).toBe(1);
    const other = index.query({ regions: ['IQ', 'IQ'], from: filter.from, actors: ['sdf', 'pmf'] }, 5, cursorOf(page.items[4] as ArticleMeta));
    expect(other.totalCount).toBe(expected);
    expect(cache.size).toBe(1);
    // A write drops the counts: the next read sees the new article.
    index.put(splitArticle(makeArticle({ id: 'zz-new', publishedAt: hoursAfterEpoch(500), actors: ['pmf'], regions: ['IQ/baghdad'] })).meta);
    expect(cache.size).toBe(0);
    expect(index.query(filter, 5).totalCount).toBe(expected + 1);
  });

  it('read after a write, counts the index as it is then (a value that had no list before included)', () => {
    const index = new ArticleIndex(regionAncestors);
    index.load(metas);
    const f: ArticleFilter = { actors: ['pmf', 'brand-new-actor'], regions: ['IQ'] };
    const page = index.query(f, 5);
    const before = reference(metas, f).length;
    const added = splitArticle(makeArticle({ id: 'zz-brand-new', publishedAt: hoursAfterEpoch(3), actors: ['brand-new-actor'], regions: ['IQ-BG'] })).meta;
    index.put(added);
    expect(page.totalCount).toBe(before + 1);
    expect(index.query(f, 5).totalCount).toBe(reference([...metas, added], f).length);
  });

  it('is an eager number when the filter is one posting list (or none) in a date window', () => {
    const index = new ArticleIndex(regionAncestors);
    index.load(metas);
    const count = vi.spyOn(index, 'countMatches');
    for (const f of [{}, { actors: ['pmf'] }, { regions: ['IQ'], from: hoursAfterEpoch(50), to: hoursAfterEpoch(120) }] as ArticleFilter[]) {
      const page = index.query(f, 3);
      expect(Object.getOwnPropertyDescriptor(page, 'totalCount')?.value, JSON.stringify(f)).toBe(reference(metas, f).length);
    }
    expect(count).not.toHaveBeenCalled();
  });

  it('is 0 without a walk for a value no article has, or an empty window', () => {
    const index = new ArticleIndex(regionAncestors);
    index.load(metas);
    expect(index.query({ actors: ['nobody'], regions: ['IQ'] }, 5)).toEqual({ items: [], totalCount: 0, hasNextPage: false });
    expect(index.query({ actors: ['pmf'], from: hoursAfterEpoch(90), to: hoursAfterEpoch(10) }, 5)).toEqual({ items: [], totalCount: 0, hasNextPage: false });
  });
});

describe('ArticleIndex full-text index built in steps', () => {
  const metas = corpus(5, 300);

  it('answers search the same before, during and after the build, and skips replaced or removed articles', () => {
    const built = new ArticleIndex(regionAncestors);
    built.load(metas);
    const index = new ArticleIndex(regionAncestors);
    index.load(metas, { deferText: true });
    // Changes while the build is pending: they are indexed at once, and the queue skips them.
    const edited = { ...(metas[10] as ArticleMeta), title: 'Litani bridge reopened', contentHash: 'edited' };
    for (const target of [built, index]) {
      target.put(edited);
      target.remove((metas[20] as ArticleMeta).id);
    }
    const answers = (ix: ArticleIndex) =>
      [...SEARCHES, 'bridge'].map((search) => {
        const page = ix.query({ search }, 500);
        return { search, ids: page.items.map((m) => m.id), total: page.totalCount };
      });
    const expected = answers(built);
    expect(expected.find((a) => a.search === 'bridge')?.ids).toEqual([edited.id]);
    expect(answers(index)).toEqual(expected);
    let steps = 0;
    while (!index.indexTextStep(0)) {
      steps++;
      expect(answers(index)).toEqual(expected);
    }
    expect(steps).toBeGreaterThan(1); // 64 articles per step at least, 300 articles
    expect(index.textPendingCount).toBe(0);
    expect(answers(index)).toEqual(expected);
  });
});
