/**
 * Pages, counts and whole-article walks over `filter` AND `query`, in the orders analysts ask
 * for: PUBLISHED_DESC (the default), FETCHED_DESC ("what came in since my last visit") and
 * RELEVANCE (FTS5 bm25 on SQLite, ts_rank on PostgreSQL, over the query's words and phrases;
 * ties and articles with no ranked word newest first). Runs on the store's database
 * (`ArticleStore.db`, its dialect) with its schema; the keyset cursor of the two date orders is
 * the store's (`at`, `id`), RELEVANCE pages by offset (a rank is not stable enough to key on).
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { ArticleMeta } from '../../model/article.ts';
import { phraseQueryTerms } from '../../normalize/gazetteer/phrase-terms.ts';
import type { ArticleCursor, ArticleFilter } from '../../store/article-store.types.ts';
import type { SqlDialect } from '../../store/sql/dialect.ts';
import { filterCondition } from '../../store/sql/filter-sql.ts';
import type { Database } from '../../store/sql/schema.ts';
import type { ResolvedQuery } from '../query-ast.ts';
import { positiveTextTerms, queryCondition } from './query-condition.ts';

/** The store's database as analyst queries need it (ArticleStore.db and .database.dialect). */
export interface SearchDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: SqlDialect;
  /** Never read the rollup counters (the aggregations count from the articles): tests compare both paths. */
  readonly exact?: boolean;
}

export type SearchOrder = 'PUBLISHED_DESC' | 'FETCHED_DESC' | 'RELEVANCE';

export interface SearchRequest {
  readonly filter: ArticleFilter;
  readonly query?: ResolvedQuery | undefined;
  readonly first: number;
  readonly order?: SearchOrder;
  /** Keyset position for the date orders. */
  readonly after?: ArticleCursor | undefined;
  /** Rows to skip, for RELEVANCE. */
  readonly offset?: number;
  /** One article per story: the newest of each (in the requested date order) stands for it. */
  readonly collapseStories?: boolean;
}

export interface SearchPage {
  readonly items: readonly ArticleMeta[];
  readonly hasNextPage: boolean;
}

/** `filter` AND `query` on rows of `articles`. */
export function matchCondition(eb: ExpressionBuilder<Database, 'articles'>, filter: ArticleFilter, query: ResolvedQuery | undefined, dialect: SqlDialect): Expression<SqlBool> {
  const base = filterCondition(eb, filter, dialect);
  return query === undefined ? base : eb.and([base, queryCondition(eb, query, dialect)]);
}

/** The relevance of the current `articles` row to the query's positive words (higher is better), 0 when none. */
function relevance(query: ResolvedQuery | undefined, dialect: SqlDialect): RawBuilder<number> {
  const terms = positiveTextTerms(query).flatMap((t) => phraseQueryTerms(t.tokens, t.prefix, t.scope === 'title'));
  if (terms.length === 0) return sql<number>`0`;
  if (dialect.engine === 'sqlite') {
    const match = terms.map((t) => `"${t.term}"${t.prefix ? '*' : ''}`).join(' OR ');
    // bm25 is lower for better matches: negate it so that higher is better on both engines.
    return sql<number>`coalesce((SELECT -bm25(article_fts) FROM article_fts WHERE article_fts MATCH ${match} AND rowid = articles.rowid), 0)`;
  }
  const tsquery = terms.map((t) => `'${t.term}'${t.prefix ? ':*' : ''}`).join(' | ');
  return sql<number>`coalesce((SELECT ts_rank(search, ${tsquery}::tsquery) FROM article_search WHERE article_search.id = articles.id), 0)`;
}

/** One page of matches in the requested order. */
export async function searchArticles(database: SearchDatabase, request: SearchRequest): Promise<SearchPage> {
  const { db, dialect } = database;
  const first = Math.max(0, Math.floor(request.first));
  if (first === 0) return { items: [], hasNextPage: false };
  const order = request.order ?? 'PUBLISHED_DESC';
  const after = order === 'RELEVANCE' ? undefined : request.after;
  const column = order === 'FETCHED_DESC' ? 'fetched_ms' : 'published_ms';
  const collapse = request.collapseStories === true;
  // The matches with what ordering needs; with collapse, each story's newest match (in the
  // requested date order) is numbered 1 and stands for the story.
  const matches = db
    .selectFrom('articles')
    .select(['articles.meta', 'articles.id', 'articles.published_ms', 'articles.fetched_ms'])
    .select(order === 'RELEVANCE' ? relevance(request.query, dialect).as('score') : sql<number>`0`.as('score'))
    .select(
      collapse
        ? sql<number>`row_number() over (partition by articles.story_id order by ${sql.ref(`articles.${column}`)} desc, articles.id desc)`.as('rn')
        : sql<number>`1`.as('rn'),
    )
    .where((eb) => matchCondition(eb, request.filter, request.query, dialect))
    .as('m');
  let q = db.selectFrom(matches).select('m.meta').$if(collapse, (qb) => qb.where('m.rn', '=', 1));
  if (after !== undefined) {
    const at = Date.parse(after.at);
    q = q.where((eb) => eb(eb.refTuple(`m.${column}`, 'm.id'), '<', eb.tuple(at, after.id)));
  }
  const ordered =
    order === 'RELEVANCE'
      ? q.orderBy('m.score', 'desc').orderBy('m.published_ms', 'desc').orderBy('m.id', 'desc').offset(Math.max(0, request.offset ?? 0))
      : q.orderBy(`m.${column}`, 'desc').orderBy('m.id', 'desc');
  const rows = await ordered.limit(first + 1).execute();
  return { items: rows.slice(0, first).map((r) => JSON.parse(r.meta) as ArticleMeta), hasNextPage: rows.length > first };
}

/** How many articles match `filter` AND `query` (exact; the analyst counts must add up). */
export async function countArticles(database: SearchDatabase, filter: ArticleFilter, query: ResolvedQuery | undefined): Promise<number> {
  const row = await database.db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => matchCondition(eb, filter, query, database.dialect))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many stories have a match (what `collapse: STORY` pages through). */
export async function countStories(database: SearchDatabase, filter: ArticleFilter, query: ResolvedQuery | undefined): Promise<number> {
  const row = await database.db
    .selectFrom('articles')
    .select(sql<number>`count(distinct articles.story_id)`.as('n'))
    .where((eb) => matchCondition(eb, filter, query, database.dialect))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
