/**
 * Per-request DataLoaders: article bodies (content, HTML, notes, comments, evidence) live in
 * keyv, not in memory, so a page of 20 articles asking for `content` must cost one store round
 * trip, not 20. Feed states are loaded the same way so a page of articles from three feeds asks
 * for three states once each.
 */
import DataLoader from 'dataloader';
import { EMPTY_BODY, type ArticleBody } from '../model/article.ts';
import type { FeedState } from '../model/feed.ts';
import type { ArticleStoreApi } from '../store/article-store.types.ts';

/** The largest batch sent to `store.getBodies` (the `first` cap, so one page is one batch). */
export const MAX_BODY_BATCH = 100;

export interface Loaders {
  /** Body of an article by id; {@link EMPTY_BODY} when the store has none. */
  readonly bodies: DataLoader<string, ArticleBody>;
  /** Feed state by feed id; undefined for a feed never fetched. */
  readonly feedStates: DataLoader<string, FeedState | undefined>;
}

/** Creates the loaders of one request over `store`. */
export function createLoaders(store: ArticleStoreApi): Loaders {
  const bodies = new DataLoader<string, ArticleBody>(
    async (ids) => {
      const found = await store.getBodies(ids);
      return ids.map((_, i) => found[i] ?? EMPTY_BODY);
    },
    { maxBatchSize: MAX_BODY_BATCH },
  );
  const feedStates = new DataLoader<string, FeedState | undefined>((ids) => store.getFeedStates(ids));
  return { bodies, feedStates };
}
