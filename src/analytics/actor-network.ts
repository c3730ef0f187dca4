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
import { networkFromRollups, type ExactNetwork } from './network-rollups.ts';

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
export async function actorCounts(database: SearchDatabase, filter: ArticleFilter, query: ResolvedQuery | undefined, actors: readonly string[] | undefined): Promise<Map<string, number>> {
  if (actors !== undefined && actors.length === 0) return new Map();
  const rows = await database.db
    .selectFrom('article_entities')
    .innerJoin('articles', 'articles.id', 'article_entities.article_id')
    .select(['article_entities.entity_id as actor', (eb) => eb.fn.countAll<number>().as('n')])
    .where('article_entities.kind', '=', 'actor')
    .$if(actors !== undefined, (q) => q.where('article_entities.entity_id', 'in', [...new Set(actors)]))
    .where((eb) => matchCondition(eb, filter, query, database.dialect))
    .groupBy('article_entities.entity_id')
    .execute();
  return new Map(rows.map((r) => [r.actor, Number(r.n)]));
}

/** Every pair (a < b) of actors named together in the matches, with its count; `minCount` at least. */
export async function exactPairs(database: SearchDatabase, filter: ArticleFilter, query: ResolvedQuery | undefined, minCount = 1): Promise<Map<string, number>> {
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
  return new Map(rows.map((r) => [`${r.a}\0${r.b}`, Number(r.n)]));
}

/** What the network needs: pair counts, each actor's count and the number of matches. */
export interface NetworkCounts {
  readonly pairs: Map<string, number>;
  readonly actors: Map<string, number>;
  readonly total: number;
}

/** Pairs of co-occurring actors in the matches, best score first (from the rollup counters when the question allows). */
export async function actorNetwork(database: SearchDatabase, filter: ArticleFilter, query: ResolvedQuery | undefined, first: number, minCount = 2): Promise<ActorPairResult[]> {
  const fromRollups = database.exact === true ? undefined : await networkFromRollups(database, filter, query, undefined, exactNetwork(database, undefined, query));
  let counts: NetworkCounts;
  if (fromRollups !== undefined) counts = { pairs: fromRollups.counts, actors: fromRollups.actors, total: fromRollups.total };
  else {
    const pairs = await exactPairs(database, filter, query, minCount);
    const ids = [...pairs.keys()].flatMap((k) => k.split('\0'));
    counts = { pairs, actors: await actorCounts(database, filter, query, ids), total: await countArticles(database, filter, query) };
  }
  return [...counts.pairs]
    .filter(([, n]) => n >= minCount)
    .map(([key, count]) => {
      const [a, b] = key.split('\0') as [string, string];
      return { a, b, count, score: npmi(count, counts.actors.get(a) ?? count, counts.actors.get(b) ?? count, counts.total) };
    })
    .sort((p, q) => q.score - p.score || q.count - p.count || p.a.localeCompare(q.a) || p.b.localeCompare(q.b))
    .slice(0, first);
}

/** The actors named with `actor` in the matches, most often first, with their npmi score (from the rollup counters when the question allows). */
export async function cooccurring(database: SearchDatabase, actor: string, filter: ArticleFilter, query: ResolvedQuery | undefined, first: number): Promise<ActorCountResult[]> {
  const fromRollups = database.exact === true ? undefined : await networkFromRollups(database, filter, query, actor, exactNetwork(database, actor, query));
  if (fromRollups !== undefined) {
    const ranked = [...fromRollups.counts]
      .filter(([, n]) => n > 0)
      .sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0))
      .slice(0, first);
    const own = fromRollups.actors.get(actor) ?? 0;
    return ranked.map(([other, count]) => ({ actor: other, count, score: npmi(count, own, fromRollups.actors.get(other) ?? count, fromRollups.total) }));
  }
  const rows = await exactPartners(database, actor, filter, query, first);
  if (rows.length === 0) return [];
  const [total, counts] = await Promise.all([countArticles(database, filter, query), actorCounts(database, filter, query, [actor, ...rows.map((r) => r.actor)])]);
  const own = counts.get(actor) ?? 0;
  return rows.map((r) => {
    const count = Number(r.n);
    return { actor: r.actor, count, score: npmi(count, own, counts.get(r.actor) ?? count, total) };
  });
}

/** The `first` actors most often named with `actor` in the matches, with their counts. */
export async function exactPartners(database: SearchDatabase, actor: string, filter: ArticleFilter, query: ResolvedQuery | undefined, first: number): Promise<{ actor: string; n: number }[]> {
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
  return rows.map((r) => ({ actor: r.actor, n: Number(r.n) }));
}

/** The exact counts the rollup path needs at the ends of a range. */
function exactNetwork(database: SearchDatabase, actor: string | undefined, query: ResolvedQuery | undefined): ExactNetwork {
  return {
    pairs: (f) => exactPairs(database, f, query, 1),
    partners: async (f) => new Map(actor === undefined ? [] : (await exactPartners(database, actor, f, query, Number.MAX_SAFE_INTEGER)).map((p) => [p.actor, p.n])),
    actors: (f) => actorCounts(database, f, query, undefined),
    total: (f) => countArticles(database, f, query),
  };
}
