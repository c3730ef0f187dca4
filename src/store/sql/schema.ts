/**
 * The tables of the article store, as kysely sees them (the DDL is in migrations.ts). Exported
 * so that other layers (the analyst query language, facets, `store` CLI commands) write typed
 * queries over the same schema through `ArticleStore.db`.
 *
 * Instants are stored as epoch milliseconds (`*_ms`, BIGINT in PostgreSQL): both engines compare
 * and index numbers the same way, where text would depend on PostgreSQL's collation. Article ids
 * are compared byte-wise on both (PostgreSQL columns use COLLATE "C"), so keyset cursors
 * `(published_ms, id)` order alike everywhere.
 */

/** One row per article: the filterable columns, and the whole metadata as JSON. */
export interface ArticlesTable {
  readonly id: string;
  readonly feed_id: string;
  readonly published_ms: number;
  readonly fetched_ms: number;
  readonly language: string | null;
  readonly story_id: string;
  readonly content_hash: string;
  /**
   * The article without its long fields (ArticleMeta plus any field a later model adds:
   * claims, quotes, …), as JSON text: new fields persist without a schema change.
   */
  readonly meta: string;
}

/** The long fields (content, HTML, notes, comments, evidence), read only when a query asks. */
export interface ArticleBodiesTable {
  readonly id: string;
  /** ArticleBody as JSON text. */
  readonly body: string;
}

/** Kinds of entity postings; `claimed`: an actor that claims an act in the article (migration 3). */
export type EntityKind = 'actor' | 'region' | 'topic' | 'claimed';

/**
 * Entity postings: one row per (kind, entity, article). Regions and topics are expanded to their
 * ancestors when the article is written, so a filter on `IQ` or on a parent topic is one
 * lookup. Primary key (kind, entity_id, published_ms, article_id): newest-first walks per entity.
 */
export interface ArticleEntitiesTable {
  readonly kind: EntityKind;
  readonly entity_id: string;
  readonly published_ms: number;
  readonly article_id: string;
}

/** FeedState (HTTP validators, schedule, health) per feed, as JSON text. */
export interface FeedStateTable {
  readonly feed_id: string;
  readonly state: string;
}

/** Discovery candidates, aggregated (see candidate-store.ts). */
export interface CandidatesTable {
  /** `kind|folded name`. */
  readonly key: string;
  readonly name: string;
  readonly kind: string;
  readonly mentions: number;
  readonly articles: number;
  readonly first_seen: string;
  readonly last_seen: string;
  /** JSON array of the most recent article ids. */
  readonly sample_ids: string;
}

/** Applied migrations: the schema version is the highest `version`. */
export interface MigrationsTable {
  readonly version: number;
  readonly name: string;
  readonly applied_at: string;
}

/**
 * The full-text tables differ per engine and are reached through the dialect only (not typed
 * here): SQLite `article_fts` (FTS5, contentless, rowid = articles.rowid), PostgreSQL
 * `article_search` (id, tsvector with a GIN index). Both hold search-terms.ts's `indexTerms`.
 */
export interface Database {
  readonly articles: ArticlesTable;
  readonly article_bodies: ArticleBodiesTable;
  readonly article_entities: ArticleEntitiesTable;
  readonly feed_state: FeedStateTable;
  readonly candidates: CandidatesTable;
  readonly newsgate_migrations: MigrationsTable;
}
