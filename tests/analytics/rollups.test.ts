/**
 * The rollup counters answer facets, timelines, the actor network and co-occurrence exactly as
 * counting the articles does: every question is asked of both paths (the exact one with
 * `exact: true`) on SQLite and PostgreSQL, on a corpus with minutes and seconds in its dates so
 * ranges cut days and hours; again after articles are updated (new date, source, language,
 * entities) and deleted by retention, and after the migration's backfill rebuilds the counters
 * of a store that had none. The range split is table-tested.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorNetwork, cooccurring } from '../../src/analytics/actor-network.ts';
import { facets } from '../../src/analytics/facets.ts';
import { networkFromRollups } from '../../src/analytics/network-rollups.ts';
import { facetsFromRollups } from '../../src/analytics/rollup-facets.ts';
import { timelineCounter } from '../../src/analytics/timeline-rollups.ts';
import { timeline } from '../../src/analytics/timeline.ts';
import type { Interval } from '../../src/analytics/zoned-buckets.ts';
import { withSubTopics } from '../../src/graphql/resolve-filter.ts';
import type { Article } from '../../src/model/article.ts';
import type { SearchDatabase } from '../../src/query/sql/search-articles.ts';
import type { ArticleStore } from '../../src/store/article-store.ts';
import type { ArticleFilter } from '../../src/store/article-store.types.ts';
import { migrate, MIGRATIONS } from '../../src/store/sql/migrations.ts';
import { ROLLUPS_MIGRATION } from '../../src/store/sql/rollups-migration.ts';
import { rollupShape } from '../../src/store/sql/rollups-read.ts';
import { splitRange } from '../../src/store/sql/rollups-range.ts';
import { rollupDb } from '../../src/store/sql/rollups-tables.ts';
import { makeServices } from '../graphql/fakes.ts';
import { corpus, generator } from '../query/corpus.ts';
import { compileNow } from '../query/compile-now.ts';
import { testStores } from '../query/sql-stores.ts';

const H = 3_600_000;
const D = 86_400_000;
const T = (iso: string) => Date.parse(iso);

describe('splitRange', () => {
  it.each([
    ['unbounded', undefined, undefined, true, { days: {}, hours: [], exact: [] }],
    ['whole days', T('2024-05-03T00:00:00Z'), T('2024-05-05T00:00:00Z'), true, { days: { lo: T('2024-05-03T00:00:00Z') / D, hi: T('2024-05-05T00:00:00Z') / D }, hours: [], exact: [] }],
    [
      'partial days: hours, then minutes',
      T('2024-05-03T05:30:00Z'),
      T('2024-05-05T02:00:00Z'),
      true,
      {
        days: { lo: T('2024-05-04T00:00:00Z') / D, hi: T('2024-05-05T00:00:00Z') / D },
        hours: [
          { lo: T('2024-05-03T06:00:00Z') / H, hi: T('2024-05-04T00:00:00Z') / H },
          { lo: T('2024-05-05T00:00:00Z') / H, hi: T('2024-05-05T02:00:00Z') / H },
        ],
        exact: [{ from: T('2024-05-03T05:30:00Z'), to: T('2024-05-03T06:00:00Z') }],
      },
    ],
    [
      'no hours for pairs: partial days are exact',
      T('2024-05-03T05:30:00Z'),
      T('2024-05-05T02:00:00Z'),
      false,
      {
        days: { lo: T('2024-05-04T00:00:00Z') / D, hi: T('2024-05-05T00:00:00Z') / D },
        hours: [],
        exact: [
          { from: T('2024-05-03T05:30:00Z'), to: T('2024-05-04T00:00:00Z') },
          { from: T('2024-05-05T00:00:00Z'), to: T('2024-05-05T02:00:00Z') },
        ],
      },
    ],
    ['inside one hour', T('2024-05-03T05:10:00Z'), T('2024-05-03T05:20:00Z'), true, { hours: [], exact: [{ from: T('2024-05-03T05:10:00Z'), to: T('2024-05-03T05:20:00Z') }] }],
    ['an inclusive "to" at midnight leaves one millisecond', T('2024-05-01T00:00:00Z'), T('2024-05-08T00:00:00Z') + 1, true, { days: { lo: T('2024-05-01T00:00:00Z') / D, hi: T('2024-05-08T00:00:00Z') / D }, hours: [], exact: [{ from: T('2024-05-08T00:00:00Z'), to: T('2024-05-08T00:00:00Z') + 1 }] }],
    ['open start', undefined, T('2024-05-03T01:00:00Z'), true, { days: { hi: T('2024-05-03T00:00:00Z') / D }, hours: [{ lo: T('2024-05-03T00:00:00Z') / H, hi: T('2024-05-03T01:00:00Z') / H }], exact: [] }],
    ['before 1970', -D - H / 2, -D + H, true, { hours: [{ lo: -24, hi: -23 }], exact: [{ from: -D - H / 2, to: -D }] }],
  ] as const)('%s', (_name, from, to, withHours, expected) => {
    expect(splitRange(from, to, withHours)).toEqual(expected);
  });

  it('covers a range exactly, without overlap (random ranges)', () => {
    const r = generator(11);
    for (let i = 0; i < 300; i++) {
      const from = T('2024-05-01T00:00:00Z') + r(5 * D);
      const to = from + 1 + r(4 * D);
      for (const withHours of [true, false]) {
        const parts = splitRange(from, to, withHours);
        const pieces: [number, number][] = [
          ...(parts.days ? [[(parts.days.lo as number) * D, (parts.days.hi as number) * D] as [number, number]] : []),
          ...parts.hours.map((h) => [(h.lo as number) * H, (h.hi as number) * H] as [number, number]),
          ...parts.exact.map((e) => [e.from, e.to] as [number, number]),
        ].sort((a, b) => a[0] - b[0]);
        let at = from;
        for (const [a, b] of pieces) {
          expect(a).toBe(at);
          expect(b).toBeGreaterThan(a);
          at = b;
        }
        expect(at).toBe(to);
      }
    }
  });
});

const { services, catalog } = makeServices({ articles: [] });
const NOW = new Date('2024-05-11T00:00:00Z');

/** The query corpus with minutes and seconds in its dates, and a few articles on midnight. */
function articles(): Article[] {
  const r = generator(5);
  return corpus(220).map((a, i) => {
    const shift = i % 25 === 0 ? -Date.parse(a.publishedAt) % D : r(60) * 60_000 + r(60) * 1000;
    return { ...a, publishedAt: new Date(Date.parse(a.publishedAt) + shift).toISOString() };
  });
}

const FILTERS: [string, ArticleFilter][] = [
  ['everything', {}],
  ['a region', { regions: ['IQ'] }],
  ['an actor', { actors: ['houthis'] }],
  ['a topic with its sub-topics', { topics: withSubTopics(catalog, ['security']) }],
  ['a source', { sources: ['wire'] }],
  ['a language', { languages: ['ar'] }],
  ['whole days', { from: '2024-05-03T00:00:00Z', to: '2024-05-08T00:00:00Z' }],
  ['a range cutting hours', { from: '2024-05-03T05:17:00Z', to: '2024-05-08T13:42:10.500Z' }],
  ['a region and a range', { regions: ['IQ'], from: '2024-05-02T10:00:00Z', to: '2024-05-07T23:59:59.999Z' }],
  ['two actors (exact only)', { actors: ['houthis', 'us-centcom'] }],
  ['two unrelated topics (exact only)', { topics: ['armed-attack', 'diplomacy'] }],
];

const ELIGIBLE = new Set(['everything', 'a region', 'an actor', 'a topic with its sub-topics', 'a source', 'a language', 'whole days', 'a range cutting hours', 'a region and a range']);

const TIMELINES: [Interval, string][] = [
  ['DAY', 'UTC'],
  ['HOUR', 'UTC'],
  ['WEEK', 'Asia/Baghdad'],
  ['MONTH', 'UTC'],
  ['DAY', 'Asia/Kolkata'],
];

for (const target of testStores()) {
  describe(`rollups agree with counting the articles (${target.engine})`, () => {
    let store: ArticleStore;
    let fast: SearchDatabase;
    let exact: SearchDatabase;
    beforeAll(async () => {
      store = await target.open(catalog);
      fast = { db: store.db, dialect: store.database.dialect };
      exact = { ...fast, exact: true };
      await store.upsert(articles());
    }, 60_000);
    afterAll(async () => {
      await store?.close();
      await target.cleanup();
    });

    /** Every aggregation of `filter`, by both paths. */
    async function expectAgreement(filter: ArticleFilter, text?: string): Promise<void> {
      const query = compileNow(text, services, NOW);
      expect(await facets(fast, filter, query, 100)).toEqual(await facets(exact, filter, query, 100));
      for (const [interval, zone] of TIMELINES) {
        expect(await timeline(fast, filter, query, interval, zone), `${interval} ${zone}`).toEqual(await timeline(exact, filter, query, interval, zone));
      }
      const network = await actorNetwork(fast, filter, query, 200, 1);
      expect(network).toEqual(await actorNetwork(exact, filter, query, 200, 1));
      expect(await actorNetwork(fast, filter, query, 5, 3)).toEqual(await actorNetwork(exact, filter, query, 5, 3));
      for (const actor of ['houthis', 'kataib-hizbullah']) {
        expect(await cooccurring(fast, actor, filter, query, 50)).toEqual(await cooccurring(exact, actor, filter, query, 50));
      }
    }

    it('the eligible questions are the ones with at most one value and no query', () => {
      for (const [name, filter] of FILTERS) expect(rollupShape(filter, false) !== undefined, name).toBe(ELIGIBLE.has(name) || name.includes('exact only'));
      expect(rollupShape({}, true)).toBeUndefined();
      expect(rollupShape({ search: 'drone' }, false)).toBeUndefined();
    });

    it('holds counters once the articles are written', async () => {
      const r = rollupDb(store.db);
      const all = await r.selectFrom('rollup_days').select((eb) => eb.fn.sum<number>('n').as('n')).where('kind', '=', '*').executeTakeFirstOrThrow();
      expect(Number(all.n)).toBe(await store.size());
      expect((await r.selectFrom('rollup_dirty').select('article_id').execute()).length).toBe(0);
    });

    it('the counters answer every eligible question (facets and networks: not by source or language)', async () => {
      const none = async () => new Map();
      const exactNetwork = { pairs: none, partners: none, actors: none, total: async () => 0 };
      for (const [name, filter] of FILTERS) {
        const bySourceOrLanguage = filter.sources !== undefined || filter.languages !== undefined;
        const expected = ELIGIBLE.has(name) && !bySourceOrLanguage;
        expect((await facetsFromRollups(fast, filter, undefined, 10, none)) !== undefined, `facets: ${name}`).toBe(expected);
        expect((await networkFromRollups(fast, filter, undefined, undefined, exactNetwork)) !== undefined, `network: ${name}`).toBe(expected);
        expect((await networkFromRollups(fast, filter, undefined, 'houthis', exactNetwork)) !== undefined, `partners: ${name}`).toBe(expected);
        const counter = await timelineCounter(fast, filter, undefined, async () => new Map(), async () => undefined);
        expect(counter !== undefined, `timeline: ${name}`).toBe(ELIGIBLE.has(name));
      }
    });

    it.each(FILTERS)('%s', async (_name, filter) => {
      await expectAgreement(filter);
    });

    it('a query always counts the articles, and still agrees', async () => {
      await expectAgreement({}, 'drone OR rocket');
    });

    it('after updates (date, source, language, entities) and deletions by retention', async () => {
      const changed = articles()
        .slice(0, 40)
        .map((a, i) => ({
          ...a,
          publishedAt: new Date(Date.parse(a.publishedAt) + (i % 2 === 0 ? 1 : -1) * (i * 37 * 60_000 + 1234)).toISOString(),
          feedId: i % 3 === 0 ? 'yemen-monitor' : a.feedId,
          language: i % 4 === 0 ? null : a.language,
          regions: i % 5 === 0 ? [{ id: 'YE', mentions: 1, salience: 0.5 }] : a.regions,
          actors: i % 6 === 0 ? [] : a.actors,
          contentHash: `changed-${i}`,
        }));
      await store.upsert(changed);
      store.setRetention({ maxArticlesPerFeed: 60 });
      expect(await store.prune()).toBeGreaterThan(0);
      for (const [, filter] of FILTERS) await expectAgreement(filter);
      const all = await rollupDb(store.db).selectFrom('rollup_days').select((eb) => eb.fn.sum<number>('n').as('n')).where('kind', '=', '*').executeTakeFirstOrThrow();
      expect(Number(all.n)).toBe(await store.size());
    });

    it("the migration's backfill builds the counters of a store written before them", async () => {
      const engine = store.database.dialect.engine;
      const db = store.db;
      for (const t of ['rollup_hours', 'rollup_days', 'rollup_pair_days', 'rollup_triple_days', 'rollup_articles', 'rollup_dirty']) await sql.raw(`DROP TABLE ${t}`).execute(db);
      if (engine === 'sqlite') for (const t of ['insert', 'update', 'delete']) await sql.raw(`DROP TRIGGER rollup_dirty_${t}`).execute(db);
      else await sql.raw('DROP FUNCTION rollup_mark_dirty() CASCADE').execute(db);
      await sql`DELETE FROM newsgate_migrations WHERE version = ${ROLLUPS_MIGRATION.version}`.execute(db);
      const report = await migrate(db, engine, 'test', MIGRATIONS);
      expect(report.applied).toEqual([`${ROLLUPS_MIGRATION.version}: ${ROLLUPS_MIGRATION.name}`]);
      expect((await rollupDb(db).selectFrom('rollup_dirty').select('article_id').execute()).length).toBe(await store.size());
      for (const [, filter] of FILTERS) await expectAgreement(filter);
    });
  });
}
