/**
 * A saved search: a query and a filter kept under a name, published as feeds
 * (`/searches/<id>.rss|.atom|.json`) and, with a webhook, pushed to it as new matches arrive.
 * Declared in feeds.json (read-only through the API) or saved with the `saveSearch` mutation
 * (kept in the store's `saved_searches` table).
 */

/** The GraphQL `ArticleFilter` as plain JSON (dates as ISO 8601 strings), as feeds.json and the store keep it. */
export interface SavedSearchFilter {
  readonly topics?: readonly string[];
  readonly actors?: readonly string[];
  readonly includeAffiliates?: boolean;
  readonly regions?: readonly string[];
  readonly sources?: readonly string[];
  readonly languages?: readonly string[];
  readonly from?: string;
  readonly to?: string;
  readonly search?: string;
  /** Export only (`/export.*?filter=`): strict lower bound on fetchedAt. */
  readonly fetchedAfter?: string;
  /** Export only: story ids. */
  readonly stories?: readonly string[];
}

/** Where a saved search was declared: `config` ones change only by editing feeds.json. */
export type SavedSearchOrigin = 'config' | 'api';

/** What defines a saved search, as feeds.json and `saveSearch` give it. */
export interface SavedSearchSpec {
  /** Slug, as feed ids: `^[a-z0-9][a-z0-9._-]{0,63}$`. */
  readonly id: string;
  readonly name: string;
  /** Query-language text; '' for none. */
  readonly query: string;
  readonly filter: SavedSearchFilter;
  /** http(s) URL new matches are POSTed to, or null. */
  readonly webhook: string | null;
  /**
   * The webhook may be on a loopback, private or link-local address. Set only in feeds.json (the
   * operator's word), never through the API; `fetch.allowPrivateAddresses` allows it for all.
   */
  readonly allowPrivateAddresses?: boolean;
}

/** A saved search as the API shows it. */
export interface SavedSearch extends SavedSearchSpec {
  readonly origin: SavedSearchOrigin;
  /** ISO 8601; for config searches, when this process read them. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The id rule of saved searches (the same as feeds': it is part of a URL path). */
export const SAVED_SEARCH_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
