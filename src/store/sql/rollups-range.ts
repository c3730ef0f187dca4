/**
 * How a date range is answered from the rollups: the whole UTC days inside it from the day
 * counters, the whole hours of the partial days at its ends from the hour counters, and what is
 * left (the partial hours at the very ends, usually empty or a millisecond) from the articles
 * themselves. The parts are disjoint and cover the range exactly, so their counts add up. Pure.
 */
import type { ArticleFilter } from '../article-store.types.ts';
import { DAY_MS, HOUR_MS } from './rollups-tables.ts';

/** A half-open interval [lo, hi) of hour or day indices; `undefined` sides are unbounded. */
export interface IndexRange {
  readonly lo?: number;
  readonly hi?: number;
}

/** A half-open interval [from, to) of epoch ms, counted from the articles. */
export interface MsRange {
  readonly from: number;
  readonly to: number;
}

export interface RangeParts {
  /** Whole days (absent: none). */
  readonly days?: IndexRange;
  /** Whole hours (empty when `withHours` is false). */
  readonly hours: readonly IndexRange[];
  /** Left to count from the articles. */
  readonly exact: readonly MsRange[];
}

/** Splits the bounded [from, to) into whole hours and partial-hour ends. */
function hourParts(from: number, to: number, withHours: boolean): { hours: IndexRange[]; exact: MsRange[] } {
  if (from >= to) return { hours: [], exact: [] };
  const lo = Math.ceil(from / HOUR_MS);
  const hi = Math.floor(to / HOUR_MS);
  if (!withHours || lo >= hi) return { hours: [], exact: [{ from, to }] };
  const exact: MsRange[] = [];
  if (from < lo * HOUR_MS) exact.push({ from, to: lo * HOUR_MS });
  if (hi * HOUR_MS < to) exact.push({ from: hi * HOUR_MS, to });
  return { hours: [{ lo, hi }], exact };
}

/**
 * The parts of [from, to) (ms, either side unbounded when undefined). `withHours: false` (the
 * pair counters, kept per day only) sends the partial days to `exact` whole.
 */
export function splitRange(from: number | undefined, to: number | undefined, withHours = true): RangeParts {
  const dLo = from === undefined ? undefined : Math.ceil(from / DAY_MS);
  const dHi = to === undefined ? undefined : Math.floor(to / DAY_MS);
  if (dLo !== undefined && dHi !== undefined && dLo >= dHi) {
    // No whole day inside (both sides bounded here).
    return hourParts(from as number, to as number, withHours);
  }
  const hours: IndexRange[] = [];
  const exact: MsRange[] = [];
  if (from !== undefined && from < (dLo as number) * DAY_MS) {
    const left = hourParts(from, (dLo as number) * DAY_MS, withHours);
    hours.push(...left.hours);
    exact.push(...left.exact);
  }
  if (to !== undefined && (dHi as number) * DAY_MS < to) {
    const right = hourParts((dHi as number) * DAY_MS, to, withHours);
    hours.push(...right.hours);
    exact.push(...right.exact);
  }
  return { days: { ...(dLo !== undefined ? { lo: dLo } : {}), ...(dHi !== undefined ? { hi: dHi } : {}) }, hours, exact };
}

/** The half-open ms range of a filter's inclusive `from`/`to` ISO instants. */
export function filterRangeMs(from: string | undefined, to: string | undefined): { from?: number; to?: number } {
  return { ...(from !== undefined ? { from: Date.parse(from) } : {}), ...(to !== undefined ? { to: Date.parse(to) + 1 } : {}) };
}

/** `filter` limited to the half-open window `w` (which lies inside the filter's own range). */
export function windowed(filter: ArticleFilter, w: MsRange): ArticleFilter {
  return { ...filter, from: new Date(w.from).toISOString(), to: new Date(w.to - 1).toISOString() };
}
