/**
 * The contract between the store and its users (v2, issue 9: articles live in a database).
 * The pipeline writes articles and feed state; the GraphQL layer reads pages of metadata and
 * batches of bodies; the CLI imports and exports. Every read is a database round trip, so every
 * method is async: nothing per article is held in process memory.
 *
 * Filters arrive already expanded by the caller (affiliates, topic children); region ancestry is
 * the store's job at write time, so a filter on `IQ` finds an article tagged `IQ/baghdad`.
 */
import type { Article, ArticleBody, ArticleMeta } from '../model/article.ts';
import type { FeedState } from '../model/feed.ts';

/** AND across fields, OR within a field. Every field optional. */
export interface ArticleFilter {
  readonly topics?: readonly string[];
  readonly actors?: readonly string[];
  /** Actor ids: articles where one of them claims an act (a CLAIMED claim naming it). */
  readonly claimedBy?: readonly string[];
  readonly regions?: readonly string[];
  /** Feed ids. */
  readonly sources?: readonly string[];
  readonly languages?: readonly string[];
  /** Inclusive lower bound on publishedAt, ISO 8601 UTC. */
  readonly from?: string;
  /** Inclusive upper bound on publishedAt, ISO 8601 UTC. */
  readonly to?: string;
  /** Strict lower bound on fetchedAt (ingested after), ISO 8601 UTC: "what's new since". */
  readonly fetchedAfter?: string;
  /** Story ids. */
  readonly stories?: readonly string[];
  /** Article ids. */
  readonly ids?: readonly string[];
  /** Full text over title, summary and body (words AND-ed, folded like the tagger folds). */
  readonly search?: string;
}

/** Orders a page can be read in; cursors are only valid in the order they were made in. */
export type ArticleOrder = 'PUBLISHED_DESC' | 'FETCHED_DESC';

/**
 * A position in an order: stable while articles are added. `at` is publishedAt for
 * PUBLISHED_DESC and fetchedAt for FETCHED_DESC; ties are broken by id, descending.
 */
export interface ArticleCursor {
  readonly at: string;
  readonly id: string;
}

export interface PageRequest {
  readonly first: number;
  readonly after?: ArticleCursor;
  /** Default PUBLISHED_DESC. */
  readonly order?: ArticleOrder;
}

export interface ArticlePage {
  readonly items: readonly ArticleMeta[];
  readonly hasNextPage: boolean;
}

/** A count that says whether it is exact (past the store's documented threshold it may not be). */
export interface ArticleCount {
  readonly count: number;
  readonly exact: boolean;
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

/**
 * What changed in one write, on this replica or (PostgreSQL) on any other. Subscriptions, the
 * response cache and replicas listen to it.
 */
export interface ArticleChange {
  readonly added: readonly ArticleMeta[];
  readonly updated: readonly ArticleMeta[];
  /** Ids removed (retention). */
  readonly removed: readonly string[];
  readonly origin: 'local' | 'remote';
}

export type ArticleChangeListener = (change: ArticleChange) => void;

/** Retention limits; absent or 0 means no limit. Names follow `feeds.json`'s `retention`. */
export interface StoreRetention {
  readonly maxAgeDays?: number;
  readonly maxArticlesPerFeed?: number;
}

export interface ArticleStoreApi {
  /** Inserts or updates in one transaction per call; resolves once committed ("acknowledged"). */
  upsert(articles: readonly Article[]): Promise<UpsertResult>;
  /** One page of metadata matching the filter, in the requested order, strictly after `after`. */
  query(filter: ArticleFilter, page: PageRequest): Promise<ArticlePage>;
  /** How many articles match; exact up to the store's threshold (see the store README). */
  countMatches(filter: ArticleFilter): Promise<ArticleCount>;
  /** Metadata in the order of `ids`, one round trip; undefined where missing. */
  getMany(ids: readonly string[]): Promise<(ArticleMeta | undefined)[]>;
  /** Bodies in the order of `ids`, one round trip; undefined where missing. */
  getBodies(ids: readonly string[]): Promise<(ArticleBody | undefined)[]>;
  /** contentHash per id for the ids that exist (the pipeline skips unchanged items with it). */
  getContentHashes(ids: readonly string[]): Promise<Map<string, string>>;
  /** Articles per entity id of the given kind (regions count descendants), one round trip. */
  countBy(kind: CountKind, ids: readonly string[]): Promise<number[]>;
  /** Total articles held. */
  size(): Promise<number>;
  /** Whole articles matching the filter, newest first, `batchSize` at a time (export, copy). */
  iterate(filter: ArticleFilter, batchSize?: number): AsyncIterable<Article[]>;
  /** Deletes what retention no longer keeps (indexed deletes); returns the removed ids' count. */
  prune(): Promise<number>;
  setRetention(retention: StoreRetention): void;
  onChange(listener: ArticleChangeListener): () => void;
  getFeedState(feedId: string): Promise<FeedState | undefined>;
  /** Feed states in the order of `feedIds`, one round trip. */
  getFeedStates(feedIds: readonly string[]): Promise<(FeedState | undefined)[]>;
  putFeedState(state: FeedState): Promise<void>;
  /** Reachability of the database (bounded by a timeout), for /health and /readyz. */
  ping(): Promise<boolean>;
  /** Waits for pending writes, then closes the database. */
  close(): Promise<void>;
}
