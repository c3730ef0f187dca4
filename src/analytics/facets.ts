/**
 * Facets: how many matching articles name each actor, region, topic, source and language,
 * largest first — Event Registry's `conceptAggr`, over the store's posting tables. A facet's
 * count is the number of matches that the same filter narrowed by that value would return
 * (regions and topics count through their ancestors, which the postings hold, as the filter
 * matches them), so every number can be opened as a list of articles.
 */
import { sql } from 'kysely';
import type { ArticleFilter } from '../store/article-store.types.ts';
import type { EntityKind } from '../store/sql/schema.ts';
import type { ResolvedQuery } from '../query/query-ast.ts';
import { matchCondition, type SearchDatabase } from '../query/sql/search-articles.ts';
import type { RollupKind } from '../store/sql/rollups-tables.ts';
import { facetsFromRollups, type FacetCounts } from './rollup-facets.ts';

export interface FacetCount {
  readonly value: string;
  readonly count: number;
}

export interface FacetsResult {
  readonly actors: readonly FacetCount[];
  readonly regions: readonly FacetCount[];
  readonly topics: readonly FacetCount[];
  readonly sources: readonly FacetCount[];
  readonly languages: readonly FacetCount[];
}

/** Most values one facet may list (each is a row of a GROUP BY; 100 is more than a chart shows). */
export const MAX_FACET_VALUES = 100;

/** The top `first` entities of one kind among the matches. */
export async function entityFacet(database: SearchDatabase, kind: EntityKind, filter: ArticleFilter, query: ResolvedQuery | undefined, first: number): Promise<FacetCount[]> {
  const rows = await database.db
    .selectFrom('article_entities')
    .innerJoin('articles', 'articles.id', 'article_entities.article_id')
    .select(['article_entities.entity_id as value', (eb) => eb.fn.countAll<number>().as('count')])
    .where('article_entities.kind', '=', kind)
    .where((eb) => matchCondition(eb, filter, query, database.dialect))
    .groupBy('article_entities.entity_id')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('article_entities.entity_id')
    .limit(first)
    .execute();
  return rows.map((r) => ({ value: r.value, count: Number(r.count) }));
}

/** The top `first` values of an article column (feed, language) among the matches. */
export async function columnFacet(database: SearchDatabase, column: 'feed_id' | 'language', filter: ArticleFilter, query: ResolvedQuery | undefined, first: number): Promise<FacetCount[]> {
  const rows = await database.db
    .selectFrom('articles')
    .select([`articles.${column} as value`, (eb) => eb.fn.countAll<number>().as('count')])
    .where((eb) => matchCondition(eb, filter, query, database.dialect))
    .where(`articles.${column}`, 'is not', null)
    .groupBy(`articles.${column}`)
    .orderBy(sql`count(*)`, 'desc')
    .orderBy(`articles.${column}`)
    .limit(first)
    .execute();
  return rows.map((r) => ({ value: r.value as string, count: Number(r.count) }));
}

/** Every facet of the matches of `filter` AND `query`, `first` values each (from the rollup counters when the question allows). */
export async function facets(database: SearchDatabase, filter: ArticleFilter, query: ResolvedQuery | undefined, first: number): Promise<FacetsResult> {
  const counted = database.exact === true ? undefined : await facetsFromRollups(database, filter, query, first, (f) => allFacetCounts(database, f));
  if (counted !== undefined) return counted;
  const [actors, regions, topics, sources, languages] = await Promise.all([
    entityFacet(database, 'actor', filter, query, first),
    entityFacet(database, 'region', filter, query, first),
    entityFacet(database, 'topic', filter, query, first),
    columnFacet(database, 'feed_id', filter, query, first),
    columnFacet(database, 'language', filter, query, first),
  ]);
  return { actors, regions, topics, sources, languages };
}

/** Every value's count of every facet among the matches (no `first`): the exact part of a rollup answer. */
export async function allFacetCounts(database: SearchDatabase, filter: ArticleFilter): Promise<FacetCounts> {
  const all = Number.MAX_SAFE_INTEGER;
  const lists: Array<[RollupKind, FacetCount[]]> = [
    ['actor', await entityFacet(database, 'actor', filter, undefined, all)],
    ['region', await entityFacet(database, 'region', filter, undefined, all)],
    ['topic', await entityFacet(database, 'topic', filter, undefined, all)],
    ['source', await columnFacet(database, 'feed_id', filter, undefined, all)],
    ['language', await columnFacet(database, 'language', filter, undefined, all)],
  ];
  return new Map(lists.map(([kind, list]) => [kind, new Map(list.map((f) => [f.value, f.count]))]));
}
