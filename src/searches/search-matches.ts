/**
 * The articles a resolved search selects, newest first (publishedAt, then id, descending),
 * read a page at a time with the store's keyset cursor, so memory stays bounded whatever the
 * number of matches. Filter AND query run in the database, through the query language's SQL
 * (src/query/sql/search-articles.ts): a feed, an export and a webhook select exactly what
 * `articles(query:, filter:)` selects.
 */
import type { Article, ArticleMeta } from '../model/article.ts';
import { EMPTY_BODY } from '../model/article.ts';
import { searchArticles, type SearchDatabase, type SearchPage } from '../query/sql/search-articles.ts';
import type { ArticleCursor, ArticleFilter, ArticleStoreApi } from '../store/article-store.types.ts';
import type { ResolvedSearch } from './resolve-search.ts';

/** Where matches are read from: pages of metadata, then bodies for whole articles. */
export interface MatchSource {
  page(search: ResolvedSearch, first: number, after: ArticleCursor | undefined): Promise<SearchPage>;
  getBodies: ArticleStoreApi['getBodies'];
}

/** The store's database as a match source. */
export function sqlMatchSource(database: SearchDatabase, store: Pick<ArticleStoreApi, 'getBodies'>): MatchSource {
  return {
    page: (search, first, after) => searchArticles(database, { filter: search.filter, query: search.query, first, after, order: 'PUBLISHED_DESC' }),
    getBodies: (ids) => store.getBodies(ids),
  };
}

/** Rows read per page. */
export const MATCH_BATCH = 500;

/** Every match's metadata, a page at a time (never empty), newest first. `narrow` is AND-ed with the search's filter. */
export async function* iterateMatchMeta(source: MatchSource, search: ResolvedSearch, narrow: ArticleFilter = {}, batchSize = MATCH_BATCH): AsyncIterable<ArticleMeta[]> {
  const narrowed: ResolvedSearch = { filter: { ...search.filter, ...narrow }, query: search.query };
  let after: ArticleCursor | undefined;
  for (;;) {
    const page = await source.page(narrowed, batchSize, after);
    if (page.items.length > 0) yield [...page.items];
    const last = page.items[page.items.length - 1];
    if (!page.hasNextPage || last === undefined) return;
    after = { at: last.publishedAt, id: last.id };
  }
}

/** Every match as a whole article (bodies read per page), newest first. */
export async function* iterateMatches(source: MatchSource, search: ResolvedSearch, narrow: ArticleFilter = {}, batchSize = MATCH_BATCH): AsyncIterable<Article[]> {
  for await (const metas of iterateMatchMeta(source, search, narrow, batchSize)) {
    const bodies = await source.getBodies(metas.map((m) => m.id));
    yield metas.map((m, i) => ({ ...m, ...(bodies[i] ?? EMPTY_BODY) }));
  }
}

/** The newest `limit` matches' metadata. */
export async function newestMatches(source: MatchSource, search: ResolvedSearch, limit: number): Promise<ArticleMeta[]> {
  if (limit <= 0) return [];
  return [...(await source.page(search, limit, undefined)).items];
}
