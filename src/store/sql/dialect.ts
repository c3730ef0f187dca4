/**
 * Where SQLite and PostgreSQL differ for the store: full text (FTS5 vs tsvector) and nothing
 * else the store writes by hand. Everything else is one kysely query for both engines.
 */
import type { Expression, Kysely, SqlBool, Transaction } from 'kysely';
import type { QueryTerm } from '../../normalize/gazetteer/search-terms.ts';
import type { Database } from './schema.ts';

export type SqlEngine = 'sqlite' | 'postgres';

/** The full-text terms of one article (search-terms.ts `indexTerms` of its texts). */
export interface SearchRow {
  readonly id: string;
  readonly terms: readonly string[];
}

export interface SqlDialect {
  readonly engine: SqlEngine;
  /**
   * Condition on the `articles` table: the article holds every term. `terms` is not empty.
   * `drive`: the matches' ids as an IN list (cost ∝ matches); `probe`: a lookup of the article
   * walked in page order (cost ∝ articles walked), for common words.
   */
  searchCondition(terms: readonly QueryTerm[], plan?: 'drive' | 'probe'): Expression<SqlBool>;
  /** How many articles hold every term, counting no further than `limit` (plans a page). */
  countSearchUpTo(db: Kysely<Database>, terms: readonly QueryTerm[], limit: number): Promise<number>;
  /**
   * Writes the full-text rows; runs after the articles rows are written. `replaced` are the ids
   * that had full-text rows before (updates): only theirs are deleted first.
   */
  writeSearch(trx: Transaction<Database> | Kysely<Database>, rows: readonly SearchRow[], replaced: ReadonlySet<string>): Promise<void>;
  /** Deletes the full-text rows of `ids`; runs before the articles rows are deleted. */
  deleteSearch(trx: Transaction<Database> | Kysely<Database>, ids: readonly string[]): Promise<void>;
  /** Most bound parameters one statement may carry (chunking of big IN lists and inserts). */
  readonly maxParams: number;
}
