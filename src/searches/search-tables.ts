/**
 * The tables of migration 2 (src/store/sql/migration-saved-searches.ts) as kysely sees them.
 * Kept beside the code that uses them and added to the store's `Database` with
 * `db.withTables<SearchTables>()`, so the store's schema.ts needs no edit.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/sql/schema.ts';

export interface SavedSearchesTable {
  readonly id: string;
  readonly name: string;
  readonly query: string;
  /** SavedSearchFilter as JSON text. */
  readonly filter: string;
  readonly webhook: string | null;
  readonly created_ms: number;
  readonly updated_ms: number;
}

/** Per search: articles fetched before `watermark_ms` (less a safety window) were already looked at. */
export interface SearchWebhookStateTable {
  readonly search_id: string;
  /** When the worker first saw the search: nothing fetched before it is ever sent. */
  readonly started_ms: number;
  readonly watermark_ms: number;
}

/** Articles already queued for a search's webhook (never queued twice). */
export interface SearchQueuedTable {
  readonly search_id: string;
  readonly article_id: string;
  readonly queued_ms: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One POST of new matches to a webhook, with its attempts so far. */
export interface SearchDeliveriesTable {
  readonly id: string;
  readonly search_id: string;
  readonly url: string;
  /** The exact JSON body (retries send the same bytes, so the same signature). */
  readonly payload: string;
  readonly article_count: number;
  readonly created_ms: number;
  readonly attempts: number;
  /** When the next attempt is due. */
  readonly next_ms: number;
  readonly status: DeliveryStatus;
  readonly http_status: number | null;
  readonly error: string | null;
  readonly last_ms: number | null;
}

// A type alias, not an interface: kysely's withTables wants an indexable record type.
export type SearchTables = {
  saved_searches: SavedSearchesTable;
  search_webhook_state: SearchWebhookStateTable;
  search_queued: SearchQueuedTable;
  search_deliveries: SearchDeliveriesTable;
};

export type SearchDatabase = Kysely<Database & SearchTables>;

/** The store's kysely instance, seeing the saved-search tables too. */
export function searchDatabase(db: Kysely<Database>): SearchDatabase {
  return db.withTables<SearchTables>();
}
