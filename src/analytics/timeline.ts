/**
 * Timelines: matching articles per hour, day, ISO week or month in a time zone, with every
 * bucket of the range (empty ones too) and each bucket's `share` of ALL articles published in
 * it (GDELT's normalised volume: adding feeds does not look like a surge). The range is
 * `filter.from`..`filter.to`, or the first and last match. Counting is one GROUP BY over
 * 15-minute slots (every zone offset in use is a multiple of 15 minutes), folded into buckets
 * here, so zones with DST and months of uneven length cost nothing in SQL. Bucket counts add up
 * to the number of matches. When the question allows (no query, at most one value) and the
 * buckets start on whole hours, the counts come from the rollup counters instead.
 */
import { sql } from 'kysely';
import type { ArticleFilter } from '../store/article-store.types.ts';
import type { ResolvedQuery } from '../query/query-ast.ts';
import { matchCondition, type SearchDatabase } from '../query/sql/search-articles.ts';
import { bucketStarts, checkTimeZone, type Interval } from './zoned-buckets.ts';
import { timelineCounter, type RollupCounter } from './timeline-rollups.ts';
import { windowed } from '../store/sql/rollups-range.ts';

const SLOT_MS = 15 * 60_000;

export interface TimelineBucket {
  /** ISO instant the bucket starts at (local midnight etc. in the requested zone, in UTC). */
  readonly start: string;
  readonly count: number;
  /** count / all articles published in the bucket; 0 for a bucket with no article at all. */
  readonly share: number;
}

export interface TimelineResult {
  readonly buckets: readonly TimelineBucket[];
  readonly totalCount: number;
}

/** Matches per 15-minute slot in [fromMs, toMs), keyed by the slot's start (ms). */
async function slotCounts(database: SearchDatabase, filter: ArticleFilter, query: ResolvedQuery | undefined, fromMs: number, toMs: number): Promise<Map<number, number>> {
  const slot = sql<number>`(articles.published_ms - (articles.published_ms % ${SLOT_MS})) / ${SLOT_MS}`;
  const rows = await database.db
    .selectFrom('articles')
    .select([slot.as('slot'), (eb) => eb.fn.countAll<number>().as('n')])
    .where((eb) => matchCondition(eb, filter, query, database.dialect))
    .where('articles.published_ms', '>=', fromMs)
    .where('articles.published_ms', '<', toMs)
    .groupBy(sql`1`)
    .execute();
  return new Map(rows.map((r) => [Number(r.slot) * SLOT_MS, Number(r.n)]));
}

/** First and last matching instant (ms), or undefined when nothing matches. */
async function exactExtent(database: SearchDatabase, filter: ArticleFilter, query: ResolvedQuery | undefined): Promise<{ first: number; last: number } | undefined> {
  const range = await database.db
    .selectFrom('articles')
    .select((eb) => [eb.fn.min<number>('articles.published_ms').as('first'), eb.fn.max<number>('articles.published_ms').as('last')])
    .where((eb) => matchCondition(eb, filter, query, database.dialect))
    .executeTakeFirst();
  if (range?.first == null || range.last == null) return undefined;
  return { first: Number(range.first), last: Number(range.last) };
}

/** The timeline of `filter` AND `query` (counted from the rollup counters when the question allows: timeline-rollups.ts). */
export async function timeline(database: SearchDatabase, filter: ArticleFilter, query: ResolvedQuery | undefined, interval: Interval, timeZone: string): Promise<TimelineResult> {
  checkTimeZone(timeZone);
  const counter = database.exact === true ? undefined : await rollupCounter(database, filter, query);
  let fromMs = filter.from !== undefined ? Date.parse(filter.from) : undefined;
  let toMs = filter.to !== undefined ? Date.parse(filter.to) : undefined;
  if (fromMs === undefined || toMs === undefined) {
    const extent = counter !== undefined ? await counter.extent() : await exactExtent(database, filter, query);
    if (extent === undefined) return { buckets: [], totalCount: 0 };
    fromMs ??= extent.first;
    toMs ??= extent.last;
  }
  const starts = bucketStarts(fromMs, toMs, interval, timeZone);
  const lo = starts[0] as number;
  const hi = starts.at(-1) as number;
  const exactCounts = (f: ArticleFilter, q: ResolvedQuery | undefined) => (a: number, b: number) => slotCounts(database, f, q, a, b);
  // Matches keep filter.from/to; "all articles" is the same range with no filter at all.
  const all = database.exact === true ? undefined : await rollupCounter(database, {}, undefined);
  const [matched, totals] = [
    counter !== undefined ? await counter.counts(starts, lo, hi) : undefined,
    all !== undefined ? await all.counts(starts, lo, hi) : undefined,
  ];
  const counts = new Array<number>(starts.length - 1).fill(0);
  const sums = new Array<number>(starts.length - 1).fill(0);
  const place = (at: Map<number, number>, into: number[]) => {
    for (const [ms, n] of at) {
      // Binary search for the bucket whose [start, next) holds ms.
      let a = 0;
      let b = starts.length - 2;
      while (a < b) {
        const mid = (a + b + 1) >> 1;
        if ((starts[mid] as number) <= ms) a = mid;
        else b = mid - 1;
      }
      into[a] = (into[a] as number) + n;
    }
  };
  place(matched ?? (await exactCounts(filter, query)(lo, hi)), counts);
  place(totals ?? (await exactCounts({}, undefined)(lo, hi)), sums);
  const buckets = counts.map((count, i) => ({
    start: new Date(starts[i] as number).toISOString(),
    count,
    share: (sums[i] as number) === 0 ? 0 : count / (sums[i] as number),
  }));
  return { buckets, totalCount: counts.reduce((s, n) => s + n, 0) };
}

/** The rollup answers of one timeline question, or undefined when it needs the articles. */
async function rollupCounter(database: SearchDatabase, filter: ArticleFilter, query: ResolvedQuery | undefined): Promise<RollupCounter | undefined> {
  return timelineCounter(
    database,
    filter,
    query,
    (a, b) => slotCounts(database, filter, query, a, b),
    (w) => exactExtent(database, w !== undefined ? windowed(filter, w) : filter, query),
  );
}
