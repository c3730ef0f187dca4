/**
 * The articles a resolved search selects, newest first (publishedAt, then id, descending: the
 * store's order), read through the store's `iterate` a batch at a time so memory stays bounded
 * whatever the number of matches. The filter narrows in the database; the query is applied by
 * the query language's evaluator (the reference meaning every other path is tested against),
 * so a feed, an export and a webhook select exactly what the query means.
 */
import type { Article } from '../model/article.ts';
import { compileEvaluator } from '../query/evaluate-query.ts';
import type { ArticleFilter, ArticleStoreApi } from '../store/article-store.types.ts';
import type { ResolvedSearch } from './resolve-search.ts';

/** Where matches are read from: the store's batch iterator. */
export type MatchSource = Pick<ArticleStoreApi, 'iterate'>;

/** Rows read from the store per batch. */
export const MATCH_BATCH = 500;

/**
 * Every match, in batches (never empty), newest first. `narrow` is AND-ed with the search's
 * filter (the webhook worker adds `fetchedAfter`).
 */
export async function* iterateMatches(
  source: MatchSource,
  search: ResolvedSearch,
  regionAncestors: (id: string) => readonly string[],
  narrow: ArticleFilter = {},
  batchSize = MATCH_BATCH,
): AsyncIterable<Article[]> {
  const test = search.query === undefined ? undefined : compileEvaluator(search.query, regionAncestors);
  for await (const batch of source.iterate({ ...search.filter, ...narrow }, batchSize)) {
    const kept = test === undefined ? batch : batch.filter(test);
    if (kept.length > 0) yield kept;
  }
}

/** The newest `limit` matches. */
export async function newestMatches(
  source: MatchSource,
  search: ResolvedSearch,
  regionAncestors: (id: string) => readonly string[],
  limit: number,
): Promise<Article[]> {
  const out: Article[] = [];
  if (limit <= 0) return out;
  for await (const batch of iterateMatches(source, search, regionAncestors, {}, Math.min(MATCH_BATCH, Math.max(limit, 50)))) {
    for (const article of batch) {
      out.push(article);
      if (out.length >= limit) return out;
    }
  }
  return out;
}
