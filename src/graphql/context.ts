/**
 * What the GraphQL layer needs from the rest of newsgate, and the per-request context built
 * from it. The server (src/server) owns the real store, catalog, config and pipeline and hands
 * them over as {@link GatewayServices}; the read side never imports the write side, so
 * everything that changes state (refreshing a feed) arrives here as a function.
 */
import type { ArticleMeta } from '../model/article.ts';
import type { EntityCatalog } from '../model/catalog.ts';
import type { FeedConfig } from '../model/feed.ts';
import type { ArticleStoreApi } from '../store/article-store.types.ts';
import type { SavedSearchApi } from '../searches/search-services.ts';
import type { SearchDatabase } from '../query/sql/search-articles.ts';
import { createLoaders, type Loaders } from './loaders.ts';

/** What `refreshFeed` reports back: the pipeline's outcome for one feed. */
export interface RefreshOutcome {
  /** The pipeline's word for the outcome, e.g. `modified`, `notModified`, `failed`. */
  readonly status: string;
  readonly added: number;
  readonly updated: number;
  /** The human message of the failure, when `status` says it failed. */
  readonly error?: string;
}

/**
 * A name that looks like an actor but is in no dictionary (issue 3 item 4), as the discovery
 * service keeps it, so an analyst can decide whether to promote it.
 */
export interface CandidateView {
  /** The name as most often written. */
  readonly name: string;
  /** What the NLP tagger took it for: `PERSON`, `ORGANIZATION`, `PLACE`, … */
  readonly kind: string;
  /** Mentions across all articles. */
  readonly mentions: number;
  /** Articles that mention it. */
  readonly articleCount: number;
  /** Ids of some of those articles, newest first (may be fewer than `articleCount`). */
  readonly articleIds: readonly string[];
  /** ISO instant of the latest mention, if known. */
  readonly lastSeenAt?: string;
}

/** New or updated articles as they are stored, on this replica or (with Redis) any other. */
export interface ArticleEvents {
  /** Calls `listener` for every new or updated article; returns the unsubscribe function. */
  subscribe(listener: (article: ArticleMeta) => void): () => void;
}

/** The services the server injects; one set per process, shared by all requests. */
export interface GatewayServices {
  readonly store: ArticleStoreApi;
  /**
   * The store's SQL database, for the analyst API (query language, facets, timelines, network,
   * stories): absent only with a store that has no SQL behind it, where those fields say so.
   */
  readonly sql?: SearchDatabase;
  readonly catalog: EntityCatalog;
  /** The configured feeds as of now (config reloads while running, so this is a function). */
  feeds(): readonly FeedConfig[];
  /** Fetches one feed now, through the same pipeline as the scheduler. */
  refreshFeed(id: string): Promise<RefreshOutcome>;
  /** ADMIN_TOKEN: when unset, mutations that change state are refused for everyone. */
  readonly adminToken?: string;
  /** Discovery of unknown names; `candidates` answers an empty list when absent. */
  readonly candidates?: { top(n: number, minMentions?: number): Promise<readonly CandidateView[]> };
  readonly events: ArticleEvents;
  /** Saved searches (`searches`, `search`, `saveSearch`, `deleteSearch`); absent: those answer that there are none. */
  readonly searches?: SavedSearchApi;
}

/** Per-request context: the services, fresh DataLoaders, and the caller's credentials. */
export interface Context {
  readonly services: GatewayServices;
  readonly loaders: Loaders;
  /** The raw `Authorization` header, checked only by resolvers that change state. */
  readonly authorization: string | undefined;
}

/**
 * Builds the context of one request (HTTP or WebSocket subscription). DataLoaders are created
 * here, per request, so that their caches never serve one client's data to another, nor stale
 * data past the request.
 */
export function createContext(services: GatewayServices, authorization?: string | null): Context {
  return { services, loaders: createLoaders(services.store), authorization: authorization ?? undefined };
}
