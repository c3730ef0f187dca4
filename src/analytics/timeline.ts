/**
 * Timelines: matching articles per hour, day, ISO week or month in a time zone, with every
 * bucket of the range (empty ones too) and each bucket's `share` of ALL articles published in
 * it (GDELT's normalised volume: adding feeds does not look like a surge). The range is
 * `filter.from`..`filter.to`, or the first and last match. Counting is one GROUP BY over
 * 15-minute slots (every zone offset in use is a multiple of 15 minutes), folded into buckets
 * here, so zones with DST and months of uneven length cost nothing in SQL. Bucket counts add up
 * to the number of matches.
 */
import { sql } from 'kysely';
import type { ArticleFilter } from '../store/article-store.types.ts';
import type { ResolvedQuery } from '../query/query-ast.ts';
import { matchCondition, type SearchDatabase } from '../query/sql/search-articles.ts';
import { bucketStarts, checkTimeZone, type Interval } from './zoned-buckets.ts';

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

/** Article counts per 15-minute slot (slot index = floor(ms / 15 min)) among rows matching `where`. */
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
  return new Map(rows.map((r) => [Number(r.slot), Number(r.n)]));
}

/** The timeline of `filter` AND `query`. */
export async function timeline(database: SearchDatabase, filter: ArticleFilter, query: ResolvedQuery | undefined, interval: Interval, timeZone: string): Promise<TimelineResult> {
  checkTimeZone(timeZone);
  let fromMs = filter.from !== undefined ? Date.parse(filter.from) : undefined;
  let toMs = filter.to !== undefined ? Date.parse(filter.to) : undefined;
  if (fromMs === undefined || toMs === undefined) {
    const range = await database.db
      .selectFrom('articles')
      .select((eb) => [eb.fn.min<number>('articles.published_ms').as('first'), eb.fn.max<number>('articles.published_ms').as('last')])
      .where((eb) => matchCondition(eb, filter, query, database.dialect))
      .executeTakeFirst();
    if (range?.first == null || range.last == null) return { buckets: [], totalCount: 0 };
    fromMs ??= Number(range.first);
    toMs ??= Number(range.last);
  }
  const starts = bucketStarts(fromMs, toMs, interval, timeZone);
  const lo = starts[0] as number;
  const hi = starts.at(-1) as number;
  // Matches keep filter.from/to; "all articles" is the same range with no filter at all.
  const [matched, all] = await Promise.all([slotCounts(database, filter, query, lo, hi), slotCounts(database, {}, undefined, lo, hi)]);
  const counts = new Array<number>(starts.length - 1).fill(0);
  const totals = new Array<number>(starts.length - 1).fill(0);
  const place = (slots: Map<number, number>, into: number[]) => {
    for (const [slot, n] of slots) {
      const ms = slot * SLOT_MS;
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
  place(matched, counts);
  place(all, totals);
  const buckets = counts.map((count, i) => ({
    start: new Date(starts[i] as number).toISOString(),
    count,
    share: (totals[i] as number) === 0 ? 0 : count / (totals[i] as number),
  }));
  return { buckets, totalCount: counts.reduce((s, n) => s + n, 0) };
}
