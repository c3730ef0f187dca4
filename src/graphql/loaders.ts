/**
 * Per-request DataLoaders: every article read is a database round trip, so a page of 20
 * articles asking for `content`, or 20 actors asking for `articleCount`, must cost one query,
 * not 20. Bodies, metadata by id, feed states and per-entity counts are batched here.
 */
import DataLoader from 'dataloader';
import { EMPTY_BODY, type ArticleBody, type ArticleMeta } from '../model/article.ts';
import type { FeedState } from '../model/feed.ts';
import type { ArticleStoreApi, CountKind } from '../store/article-store.types.ts';

/** The largest batch sent to the store in one call (the `first` cap, so one page is one batch). */
export const MAX_BODY_BATCH = 100;

export interface Loaders {
  /** Body of an article by id; {@link EMPTY_BODY} when the store has none. */
  readonly bodies: DataLoader<string, ArticleBody>;
  /** Metadata of an article by id; undefined when it is not stored. */
  readonly articles: DataLoader<string, ArticleMeta | undefined>;
  /** Feed state by feed id; undefined for a feed never fetched. */
  readonly feedStates: DataLoader<string, FeedState | undefined>;
  /** Articles per entity id, by kind (regions count their descendants). */
  readonly counts: Readonly<Record<CountKind, DataLoader<string, number>>>;
  /** Forgets everything loaded (a subscription answers each event like a fresh request). */
  clearAll(): void;
}

/** Creates the loaders of one request over `store`. */
export function createLoaders(store: ArticleStoreApi): Loaders {
  const options = { maxBatchSize: MAX_BODY_BATCH };
  const bodies = new DataLoader<string, ArticleBody>(async (ids) => {
    const found = await store.getBodies(ids);
    return ids.map((_, i) => found[i] ?? EMPTY_BODY);
  }, options);
  const articles = new DataLoader<string, ArticleMeta | undefined>((ids) => store.getMany(ids), options);
  const feedStates = new DataLoader<string, FeedState | undefined>((ids) => store.getFeedStates(ids), options);
  const counter = (kind: CountKind) => new DataLoader<string, number>((ids) => store.countBy(kind, ids), options);
  const counts = { actors: counter('actors'), regions: counter('regions'), topics: counter('topics'), sources: counter('sources') };
  return {
    bodies,
    articles,
    feedStates,
    counts,
    clearAll() {
      for (const loader of [bodies, articles, feedStates, ...Object.values(counts)]) loader.clearAll();
    },
  };
}
