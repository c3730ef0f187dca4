/**
 * Timeline counts from the rollup counters (src/store/sql/rollups-*.ts) when the question allows
 * (rollups-read.ts `rollupShape`: no query, at most one value) and every bucket starts on a whole
 * UTC hour (every zone but the few with half- or quarter-hour offsets): whole days from the day
 * counters when the buckets start on UTC days, whole hours from the hour counters, and the
 * partial hours at the ends of `from`/`to` from the articles. The first and last match (a range
 * without `from` or `to`) are found in the hour counters, then exactly within those hours.
 */
import type { ArticleFilter } from '../store/article-store.types.ts';
import type { ResolvedQuery } from '../query/query-ast.ts';
import type { SearchDatabase } from '../query/sql/search-articles.ts';
import { filterRangeMs, splitRange, type MsRange } from '../store/sql/rollups-range.ts';
import { dayCounts, hourCounts, hourEnds, rollupShape, singleValue } from '../store/sql/rollups-read.ts';
import { drainRollups } from '../store/sql/rollups-sync.ts';
import { DAY_MS, HOUR_MS, type RollupKind } from '../store/sql/rollups-tables.ts';

type Extent = { first: number; last: number } | undefined;

export interface RollupCounter {
  /** First and last matching instant, or undefined when nothing matches. */
  extent(): Promise<Extent>;
  /** Matches in [lo, hi) keyed by instants each inside one bucket; undefined when buckets do not start on whole hours. */
  counts(starts: readonly number[], lo: number, hi: number): Promise<Map<number, number> | undefined>;
}

/** Hour candidates tried for the first/last match before falling back to the articles. */
const FEW = 3;

function merge(into: Map<number, number>, from: Map<number, number>): void {
  for (const [k, n] of from) into.set(k, (into.get(k) ?? 0) + n);
}

/** The counter of `filter`, or undefined when the question needs the articles. */
export async function timelineCounter(
  database: SearchDatabase,
  filter: ArticleFilter,
  query: ResolvedQuery | undefined,
  exactSlots: (fromMs: number, toMs: number) => Promise<Map<number, number>>,
  exactExtent: (window?: MsRange) => Promise<Extent>,
): Promise<RollupCounter | undefined> {
  const shape = rollupShape(filter, query !== undefined);
  if (shape === undefined) return undefined;
  const { db, dialect } = database;
  await drainRollups(db, dialect.engine);
  let kind: RollupKind = '*';
  let value = '';
  if (shape.entity !== undefined) {
    const one = await singleValue(db, shape.entity.kind, shape.entity.values);
    if (one === undefined) return undefined;
    [kind, value] = [shape.entity.kind, one];
  }
  const range = filterRangeMs(filter.from, filter.to);
  const clip = (w: MsRange): MsRange => ({ from: Math.max(w.from, range.from ?? w.from), to: Math.min(w.to, range.to ?? w.to) });
  return {
    async extent() {
      const hours = { ...(range.from !== undefined ? { lo: Math.floor(range.from / HOUR_MS) } : {}), ...(range.to !== undefined ? { hi: Math.ceil(range.to / HOUR_MS) } : {}) };
      const ends = await hourEnds(db, kind, value, hours, FEW);
      const within = async (candidates: number[], pick: (e: NonNullable<Extent>) => number) => {
        for (const h of candidates) {
          const w = clip({ from: h * HOUR_MS, to: (h + 1) * HOUR_MS });
          const found = w.from < w.to ? await exactExtent(w) : undefined;
          if (found !== undefined) return pick(found);
        }
        return undefined;
      };
      if (ends.first.length === 0) return undefined;
      const [first, last] = [await within(ends.first, (e) => e.first), await within(ends.last, (e) => e.last)];
      return first !== undefined && last !== undefined ? { first, last } : exactExtent();
    },
    async counts(starts, lo, hi) {
      const byDay = starts.every((s) => s % DAY_MS === 0);
      if (!byDay && !starts.every((s) => s % HOUR_MS === 0)) return undefined;
      const w = clip({ from: lo, to: hi });
      const out = new Map<number, number>();
      if (w.from >= w.to) return out;
      if (byDay) {
        const parts = splitRange(w.from, w.to, true);
        if (parts.days !== undefined) merge(out, await dayCounts(db, kind, value, parts.days));
        for (const h of parts.hours) merge(out, await hourCounts(db, kind, value, h));
        for (const e of parts.exact) merge(out, await exactSlots(e.from, e.to));
        return out;
      }
      const [hLo, hHi] = [Math.ceil(w.from / HOUR_MS), Math.floor(w.to / HOUR_MS)];
      if (hLo >= hHi) {
        merge(out, await exactSlots(w.from, w.to));
        return out;
      }
      merge(out, await hourCounts(db, kind, value, { lo: hLo, hi: hHi }));
      if (w.from < hLo * HOUR_MS) merge(out, await exactSlots(w.from, hLo * HOUR_MS));
      if (hHi * HOUR_MS < w.to) merge(out, await exactSlots(hHi * HOUR_MS, w.to));
      return out;
    },
  };
}
