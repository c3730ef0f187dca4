/**
 * Who appears with whom: pairs of actors named in the same matching articles (Event
 * Registry's `conceptGraph`), over the actor postings. Each pair has its `count` (articles
 * naming both) and a `score`, the normalised pointwise mutual information over the matches:
 *
 *     npmi(a, b) = ln( p(a,b) / (p(a) p(b)) ) / -ln p(a,b),   p(x) = articles naming x / matches
 *
 * It is 1 when a and b only ever appear together, 0 when they co-occur as often as chance
 * would have it, below 0 when they avoid each other. Raw counts favour the actors named in
 * everything (a state, the UN); npmi does not, so the network is ranked by score, among pairs
 * seen at least `minCount` times (a pair seen once scores 1 by accident), ties by count.
 */
import { sql } from 'kysely';
import type { ArticleFilter } from '../store/article-store.types.ts';
import type { ResolvedQuery } from '../query/query-ast.ts';
import { countArticles, matchCondition, type SearchDatabase } from '../query/sql/search-articles.ts';

export interface ActorPairResult {
  readonly a: string;
  readonly b: string;
  readonly count: number;
  readonly score: number;
}

export interface ActorCountResult {
  readonly actor: string;
  readonly count: number;
  readonly score: number;
}

/** Most pairs or partners one call may return. */
export const MAX_NETWORK_SIZE = 200;

/** Normalised PMI of a pair seen `both` times among `total` matches, its members `na` and `nb` times. */
export function npmi(both: number, na: number, nb: number, total: number): number {
  if (both === 0 || total === 0) return -1;
  const pab = both / total;
  if (pab === 1) return 1;
  return Math.log(pab / ((na / total) * (nb / total))) / -Math.log(pab);
}

/** Articles per actor among the matches, for the given actors. */
async function actorCounts(database: SearchDatabase, filter: ArticleFilter, query: ResolvedQuery | undefined, actors: readonly string[]): Promise<Map<string, number>> {
  if (actors.length === 0) return new Map();
  const rows = await database.db
    .selectFrom('article_entities')
    .innerJoin('articles', 'articles.id', 'article_entities.article_id')
    .select(['article_entities.entity_id as actor', (eb) => eb.fn.countAll<number>().as('n')])
    .where('article_entities.kind', '=', 'actor')
    .where('article_entities.entity_id', 'in', [...new Set(actors)])
    .where((eb) => matchCondition(eb, filter, query, database.dialect))
    .groupBy('article_entities.entity_id')
    .execute();
  return new Map(rows.map((r) => [r.actor, Number(r.n)]));
}

/** Pairs of co-occurring actors in the matches, best score first. */
export async function actorNetwork(database: SearchDatabase, filter: ArticleFilter, query: ResolvedQuery | undefined, first: number, minCount = 2): Promise<ActorPairResult[]> {
  const rows = await database.db
    .selectFrom('article_entities as x')
    .innerJoin('article_entities as y', (join) => join.onRef('y.article_id', '=', 'x.article_id').on('y.kind', '=', 'actor').onRef('y.entity_id', '>', 'x.entity_id'))
    .innerJoin('articles', 'articles.id', 'x.article_id')
    .select(['x.entity_id as a', 'y.entity_id as b', (eb) => eb.fn.countAll<number>().as('n')])
    .where('x.kind', '=', 'actor')
    .where((eb) => matchCondition(eb, filter, query, database.dialect))
    .groupBy(['x.entity_id', 'y.entity_id'])
    .having(sql`count(*)`, '>=', minCount)
    .execute();
  if (rows.length === 0) return [];
  const [total, counts] = await Promise.all([countArticles(database, filter, query), actorCounts(database, filter, query, rows.flatMap((r) => [r.a, r.b]))]);
  return rows
    .map((r) => {
      const count = Number(r.n);
      return { a: r.a, b: r.b, count, score: npmi(count, counts.get(r.a) ?? count, counts.get(r.b) ?? count, total) };
    })
    .sort((p, q) => q.score - p.score || q.count - p.count || p.a.localeCompare(q.a) || p.b.localeCompare(q.b))
    .slice(0, first);
}

/** The actors named with `actor` in the matches, most often first, with their npmi score. */
export async function cooccurring(database: SearchDatabase, actor: string, filter: ArticleFilter, query: ResolvedQuery | undefined, first: number): Promise<ActorCountResult[]> {
  const rows = await database.db
    .selectFrom('article_entities as x')
    .innerJoin('article_entities as y', (join) => join.onRef('y.article_id', '=', 'x.article_id').on('y.kind', '=', 'actor').on('y.entity_id', '!=', actor))
    .innerJoin('articles', 'articles.id', 'x.article_id')
    .select(['y.entity_id as actor', (eb) => eb.fn.countAll<number>().as('n')])
    .where('x.kind', '=', 'actor')
    .where('x.entity_id', '=', actor)
    .where((eb) => matchCondition(eb, filter, query, database.dialect))
    .groupBy('y.entity_id')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('y.entity_id')
    .limit(first)
    .execute();
  if (rows.length === 0) return [];
  const [total, counts] = await Promise.all([countArticles(database, filter, query), actorCounts(database, filter, query, [actor, ...rows.map((r) => r.actor)])]);
  const own = counts.get(actor) ?? 0;
  return rows.map((r) => {
    const count = Number(r.n);
    return { actor: r.actor, count, score: npmi(count, own, counts.get(r.actor) ?? count, total) };
  });
}
