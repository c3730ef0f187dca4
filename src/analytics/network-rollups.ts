/**
 * The actor network and an actor's partners from the rollup counters (src/store/sql/rollups-*.ts)
 * when there is no query and the filter is a date range and at most one actor, region or topic
 * (rollups-read.ts `rollupShape`): actor–actor pair counters over the whole days of the range
 * (inside one entity's articles: the actor pairs kept per entity), actor and article counts from
 * the per-value and pair counters, and the partial days at the ends counted from the articles.
 */
import type { ArticleFilter } from '../store/article-store.types.ts';
import type { ResolvedQuery } from '../query/query-ast.ts';
import type { SearchDatabase } from '../query/sql/search-articles.ts';
import { filterRangeMs, splitRange, windowed, type MsRange } from '../store/sql/rollups-range.ts';
import { rollupShape, singleValue, sumActorPairs, sumActorPairsWithin, sumPairs, sumValues } from '../store/sql/rollups-read.ts';
import { ENTITY_KINDS, type RollupKind } from '../store/sql/rollups-tables.ts';
import { drainRollups } from '../store/sql/rollups-sync.ts';

/** The exact counts of a filter, for the ends of a range. */
export interface ExactNetwork {
  /** Pairs keyed `a\0b` (a < b). */
  pairs(filter: ArticleFilter): Promise<Map<string, number>>;
  /** Actors named with the actor in question. */
  partners(filter: ArticleFilter): Promise<Map<string, number>>;
  /** Every actor's count. */
  actors(filter: ArticleFilter): Promise<Map<string, number>>;
  total(filter: ArticleFilter): Promise<number>;
}

export interface RollupNetwork {
  /** Pairs (network) or partners (cooccurring). */
  readonly counts: Map<string, number>;
  readonly actors: Map<string, number>;
  readonly total: number;
}

function merge(into: Map<string, number>, from: Map<string, number> | undefined): void {
  for (const [k, n] of from ?? []) into.set(k, (into.get(k) ?? 0) + n);
}

/** Counts for the network (`actor` undefined) or one actor's partners; undefined when the articles must be walked. */
export async function networkFromRollups(
  database: SearchDatabase,
  filter: ArticleFilter,
  query: ResolvedQuery | undefined,
  actor: string | undefined,
  exact: ExactNetwork,
): Promise<RollupNetwork | undefined> {
  const shape = rollupShape(filter, query !== undefined);
  if (shape === undefined || (shape.entity !== undefined && !ENTITY_KINDS.has(shape.entity.kind))) return undefined;
  const { db, dialect } = database;
  await drainRollups(db, dialect.engine);
  const within = shape.entity === undefined ? undefined : { kind: shape.entity.kind, value: await singleValue(db, shape.entity.kind, shape.entity.values) };
  if (within !== undefined && within.value === undefined) return undefined;
  const range = filterRangeMs(filter.from, filter.to);
  const parts = splitRange(range.from, range.to, false);
  const counts = new Map<string, number>();
  const actors = new Map<string, number>();
  let total = 0;
  if (parts.days !== undefined && within === undefined) {
    merge(counts, actor === undefined ? await sumActorPairs(db, parts.days) : (await sumPairs(db, 'actor', actor, parts.days, ['actor'])).get('actor'));
    const singles = await sumValues(db, ['actor', '*'], parts.days, []);
    merge(actors, singles.get('actor'));
    total += singles.get('*')?.get('') ?? 0;
  } else if (parts.days !== undefined && within !== undefined) {
    // Inside one entity's articles: actor pairs from the triples, actors from its pairs, the total its own count.
    const { kind, value } = within as { kind: RollupKind; value: string };
    const pairs = await sumActorPairsWithin(db, kind, value, parts.days, actor);
    if (actor === undefined) merge(counts, pairs);
    else for (const [key, n] of pairs) merge(counts, new Map([[key.split('\0').find((x) => x !== actor) as string, n]]));
    merge(actors, (await sumPairs(db, kind, value, parts.days, ['actor'])).get('actor'));
    const own = (await sumValues(db, [kind], parts.days, [], value)).get(kind)?.get(value) ?? 0;
    if (kind === 'actor') actors.set(value, (actors.get(value) ?? 0) + own);
    total += own;
  }
  for (const w of parts.exact as readonly MsRange[]) {
    const f = windowed(filter, w);
    merge(counts, actor === undefined ? await exact.pairs(f) : await exact.partners(f));
    merge(actors, await exact.actors(f));
    total += await exact.total(f);
  }
  return { counts, actors, total };
}
