/**
 * The contract between the store and its two users: the pipeline writes articles and feed
 * state; the GraphQL layer reads pages of metadata and batches of bodies. Filters here are
 * already expanded (affiliates, topic children) by the caller; region ancestry is handled by
 * the store at index time, so a filter on `IQ` finds an article tagged `IQ/baghdad`.
 */
import type { Article, ArticleBody, ArticleMeta } from '../model/article.ts';
import type { FeedState } from '../model/feed.ts';

/** AND across fields, OR within a field. Every field optional. */
export interface ArticleFilter {
  readonly topics?: readonly string[];
  readonly actors?: readonly string[];
  readonly regions?: readonly string[];
  /** Feed ids. */
  readonly sources?: readonly string[];
  readonly languages?: readonly string[];
  /** Inclusive lower bound on publishedAt, ISO 8601 UTC. */
  readonly from?: string;
  /** Inclusive upper bound on publishedAt, ISO 8601 UTC. */
  readonly to?: string;
  /** Full-text search over title, summary and tags (prefix and fuzzy matching). */
  readonly search?: string;
}

/** A position in the newest-first order: stable while articles are added. */
export interface ArticleCursor {
  readonly publishedAt: string;
  readonly id: string;
}

export interface ArticlePage {
  readonly items: readonly ArticleMeta[];
  /** How many articles match the filter in all. */
  readonly totalCount: number;
  readonly hasNextPage: boolean;
}

export interface UpsertResult {
  /** Articles never seen before. */
  readonly added: readonly ArticleMeta[];
  /** Articles seen before whose content changed. */
  readonly updated: readonly ArticleMeta[];
  /** Articles seen before with the same content hash. */
  readonly unchanged: number;
}

/** Counts of articles per entity id, for `actors`/`regions`/`topics`/`feeds` in GraphQL. */
export type CountKind = 'actors' | 'regions' | 'topics' | 'sources';

export interface ArticleStoreApi {
  /** Inserts or updates; persists before resolving ("acknowledged" means stored). */
  upsert(articles: readonly Article[]): Promise<UpsertResult>;
  /** One page, newest first (publishedAt desc, then id desc), strictly after `after`. */
  query(filter: ArticleFilter, first: number, after?: ArticleCursor): ArticlePage;
  get(id: string): ArticleMeta | undefined;
  /** Bodies in the order of `ids`, one store round trip; undefined where missing. */
  getBodies(ids: readonly string[]): Promise<(ArticleBody | undefined)[]>;
  /** Articles per id of the given kind (regions count descendants). */
  count(kind: CountKind, id: string): number;
  /** Total articles held. */
  size(): number;
  getFeedState(feedId: string): Promise<FeedState | undefined>;
  /** Feed states in the order of `feedIds`, one store round trip. */
  getFeedStates(feedIds: readonly string[]): Promise<(FeedState | undefined)[]>;
  putFeedState(state: FeedState): Promise<void>;
  /** Reachability of the backing store, for /health. */
  ping(): Promise<boolean>;
  /** Waits for pending writes, then closes the backing store. */
  close(): Promise<void>;
}
