/**
 * The store's reads, as queries over an open database: a page of ids (with the plan that picks,
 * per entity, whether its postings drive the query or are probed), metadata and bodies by id,
 * and a keyset walk of whole articles for `iterate`. ArticleStore runs them (its `run` maps
 * database errors); they hold no state.
 */
import { sql, type Kysely } from 'kysely';
import type { Article, ArticleBody, ArticleMeta } from '../model/article.ts';
import { queryTerms } from '../normalize/gazetteer/search-terms.ts';
import type { ArticleFilter, PageRequest } from './article-store.types.ts';
import { chunks, ID_CHUNK, unique } from './sql/chunks.ts';
import type { SqlDialect } from './sql/dialect.ts';
import { ENTITY_FIELDS, filterCondition, filterInstant, type FilterPlan } from './sql/filter-sql.ts';
import type { Database } from './sql/schema.ts';

/** Largest page `query` serves. */
export const MAX_PAGE = 1000;

const EMPTY: ArticleBody = { content: '', contentHtml: '', translatorNotes: [], comments: [], evidence: { actors: {}, regions: {}, topics: {} } };

/**
 * The ids of one page (`first` + 1 rows, so the caller knows whether there is a next page),
 * newest first in the page's order, strictly after its cursor. Ids first, metadata second: the
 * sort (when the plan needs one) then moves ids, not JSON.
 */
/** Match counts past which an entity field or a search is probed rather than driven. */
export interface ProbeThresholds {
  readonly entities: number;
  readonly search: number;
}

export async function readPageIds(db: Kysely<Database>, dialect: SqlDialect, filter: ArticleFilter, page: PageRequest, first: number, probeFrom: ProbeThresholds): Promise<string[]> {
  const column = page.order === 'FETCHED_DESC' ? 'articles.fetched_ms' : 'articles.published_ms';
  const after = page.after;
  const afterMs = after ? filterInstant(after.at, 'after') : undefined;
  const plan = await planPage(db, dialect, filter, probeFrom);
  const rows = await db
    .selectFrom('articles')
    .select('articles.id')
    .where((eb) => filterCondition(eb, filter, dialect, plan))
    .$if(after !== undefined, (q) =>
      q.where((eb) => eb(eb.refTuple(column, 'articles.id'), '<', eb.tuple(afterMs as number, (after as { id: string }).id))),
    )
    .orderBy(column, 'desc')
    .orderBy('articles.id', 'desc')
    .limit(first + 1)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Picks, per entity field of a page query, whether its postings drive the query or are probed
 * per article walked in page order (see filter-sql.ts `EntityPlan`): an entity with more than
 * `probeFrom.entities` articles in the filter's time window is probed, so a page of `IQ` reads
 * about a page of rows instead of sorting every match. Counting those postings stops at the
 * threshold + 1 (one short index range). The window matters: a country with 2,855 articles of
 * which 978 in the last 30 days drives the query with an actor, instead of walking all 33,000
 * articles of the month for the few they share (55 ms → 12 ms at 100k on the bench corpus).
 * A search is probed past its own, higher threshold (full-text probes cost more).
 */
async function planPage(db: Kysely<Database>, dialect: SqlDialect, filter: ArticleFilter, probeFrom: ProbeThresholds): Promise<FilterPlan> {
  const plan: { -readonly [K in keyof FilterPlan]: FilterPlan[K] } = {};
  const fromMs = filter.from !== undefined ? filterInstant(filter.from, 'from') : undefined;
  const toMs = filter.to !== undefined ? filterInstant(filter.to, 'to') : undefined;
  // PostgreSQL plans the `IN (postings)` form well by itself (a nested-loop semi-join down the
  // date index for a common entity, a sort of the few matches for a rare one), while it turns
  // the probe's two-column EXISTS into a hash join over every posting of the entity and a sort:
  // measured at 100k, a page of the commonest region took 1.1 s probed and 11 ms driven. So
  // entity fields are planned for SQLite only.
  for (const [field, kind] of dialect.engine === 'postgres' ? [] : ENTITY_FIELDS) {
    const ids = filter[field];
    if (ids === undefined || ids.length === 0) continue;
    const row = await db
      .selectFrom((q) =>
        q
          .selectFrom('article_entities')
          .select(sql<number>`1`.as('one'))
          .where('kind', '=', kind)
          .where('entity_id', 'in', [...new Set(ids)])
          .$if(fromMs !== undefined, (w) => w.where('published_ms', '>=', fromMs as number))
          .$if(toMs !== undefined, (w) => w.where('published_ms', '<=', toMs as number))
          .limit(probeFrom.entities + 1)
          .as('postings'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    plan[field] = Number(row.n) > probeFrom.entities ? 'probe' : 'drive';
  }
  const terms = filter.search !== undefined ? queryTerms(filter.search) : [];
  if (terms.length > 0) {
    plan.search = (await dialect.countSearchUpTo(db, terms, probeFrom.search + 1)) > probeFrom.search ? 'probe' : 'drive';
  }
  return plan;
}

/** Metadata by id (each id read once, in chunks). */
export async function readMetas(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, ArticleMeta>> {
  const found = new Map<string, ArticleMeta>();
  for (const chunk of chunks(unique(ids), ID_CHUNK)) {
    const rows = await db.selectFrom('articles').select(['id', 'meta']).where('id', 'in', chunk).execute();
    for (const r of rows) found.set(r.id, JSON.parse(r.meta) as ArticleMeta);
  }
  return found;
}

/** Bodies by id (each id read once, in chunks). */
export async function readBodies(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, ArticleBody>> {
  const found = new Map<string, ArticleBody>();
  for (const chunk of chunks(unique(ids), ID_CHUNK)) {
    const rows = await db.selectFrom('article_bodies').select(['id', 'body']).where('id', 'in', chunk).execute();
    for (const r of rows) found.set(r.id, JSON.parse(r.body) as ArticleBody);
  }
  return found;
}

/** A keyset position in the newest-first order of publishedAt. */
export interface WalkPosition {
  readonly ms: number;
  readonly id: string;
}

/** Up to `size` whole articles matching `filter`, newest first, strictly after `position`; and the position after them. */
export async function readArticlesAfter(
  db: Kysely<Database>,
  dialect: SqlDialect,
  filter: ArticleFilter,
  position: WalkPosition | undefined,
  size: number,
): Promise<{ articles: Article[]; next: WalkPosition | undefined }> {
  const rows = await db
    .selectFrom('articles')
    .leftJoin('article_bodies', 'article_bodies.id', 'articles.id')
    .select(['articles.id', 'articles.published_ms', 'articles.meta', 'article_bodies.body'])
    .where((eb) => filterCondition(eb, filter, dialect))
    .$if(position !== undefined, (q) =>
      q.where((eb) => eb(eb.refTuple('articles.published_ms', 'articles.id'), '<', eb.tuple(position!.ms, position!.id))),
    )
    .orderBy('articles.published_ms', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(size)
    .execute();
  const articles = rows.map((r) => ({ ...(JSON.parse(r.meta) as ArticleMeta), ...(r.body ? (JSON.parse(r.body) as ArticleBody) : EMPTY) }) as Article);
  const last = rows[rows.length - 1];
  return { articles, next: last ? { ms: Number(last.published_ms), id: last.id } : undefined };
}
