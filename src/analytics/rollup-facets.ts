/**
 * Facets from the rollup counters (src/store/sql/rollups-*.ts) when the question allows it
 * (rollups-read.ts `rollupShape`): no filter → the per-value counters; one value → the pair
 * counters of that value (plus its own count). Whole days come from day counters; with no
 * value filter, the whole hours of partial days from hour counters; what is left at the ends of
 * a range is counted from the articles (`exactCounts`). Every count is still exactly the
 * `totalCount` of the narrowed filter: the parts are disjoint and cover the range.
 */
import type { ArticleFilter } from '../store/article-store.types.ts';
import type { ResolvedQuery } from '../query/query-ast.ts';
import type { SearchDatabase } from '../query/sql/search-articles.ts';
import { filterRangeMs, splitRange, windowed, type MsRange } from '../store/sql/rollups-range.ts';
import { rollupShape, singleValue, sumPairs, sumValues } from '../store/sql/rollups-read.ts';
import { drainRollups } from '../store/sql/rollups-sync.ts';
import { ENTITY_KINDS, type RollupKind } from '../store/sql/rollups-tables.ts';
import type { FacetCount, FacetsResult } from './facets.ts';

/** Count per value, per facet kind. */
export type FacetCounts = Map<RollupKind, Map<string, number>>;

const FACET_KINDS: readonly RollupKind[] = ['actor', 'region', 'topic', 'source', 'language'];

/** Adds `from` into `into`. */
export function addCounts(into: FacetCounts, from: FacetCounts): void {
  for (const [kind, values] of from) {
    let m = into.get(kind);
    if (m === undefined) into.set(kind, (m = new Map()));
    for (const [value, n] of values) m.set(value, (m.get(value) ?? 0) + n);
  }
}

/** The largest `first`, then by value: the order of the exact GROUP BY. */
function top(counts: Map<string, number> | undefined, first: number): FacetCount[] {
  return [...(counts ?? [])]
    .filter(([, n]) => n > 0)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, first);
}

/** The facets from the counters, or undefined when the question needs the articles themselves. */
export async function facetsFromRollups(
  database: SearchDatabase,
  filter: ArticleFilter,
  query: ResolvedQuery | undefined,
  first: number,
  exactCounts: (filter: ArticleFilter) => Promise<FacetCounts>,
): Promise<FacetsResult | undefined> {
  const shape = rollupShape(filter, query !== undefined);
  if (shape === undefined) return undefined;
  const { db, dialect } = database;
  await drainRollups(db, dialect.engine);
  const range = filterRangeMs(filter.from, filter.to);
  const counts: FacetCounts = new Map();
  let exact: readonly MsRange[];
  if (shape.entity !== undefined) {
    const { kind } = shape.entity;
    // Pairs are kept from an entity's side only: a source or language filter is counted exactly.
    if (!ENTITY_KINDS.has(kind)) return undefined;
    const value = await singleValue(db, kind, shape.entity.values);
    if (value === undefined) return undefined;
    const parts = splitRange(range.from, range.to, false);
    if (parts.days !== undefined) {
      addCounts(counts, await sumPairs(db, kind, value, parts.days));
      // The value itself (a pair is two different values).
      addCounts(counts, await sumValues(db, [kind], parts.days, [], value));
    }
    exact = parts.exact;
  } else {
    const parts = splitRange(range.from, range.to, true);
    addCounts(counts, await sumValues(db, FACET_KINDS, parts.days, parts.hours));
    exact = parts.exact;
  }
  for (const w of exact) addCounts(counts, await exactCounts(windowed(filter, w)));
  return {
    actors: top(counts.get('actor'), first),
    regions: top(counts.get('region'), first),
    topics: top(counts.get('topic'), first),
    sources: top(counts.get('source'), first),
    languages: top(counts.get('language'), first),
  };
}
