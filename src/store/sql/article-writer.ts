/**
 * How the store moves a batch of article rows into the tables of one engine. The write path is
 * the import's bottleneck, so each engine gets the bulk form it is fastest with
 * (sqlite-writer.ts: prepared multi-row statements reused across batches; postgres-writer.ts:
 * one UNNEST insert per table per batch), instead of per-chunk query building.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ArticleRows } from './article-rows.ts';
import type { Database } from './schema.ts';

export interface ArticleWriter {
  /** contentHash per id that exists, in one statement (`ids` may be many). */
  hashes(q: Kysely<Database> | Transaction<Database>, ids: readonly string[]): Promise<Map<string, string>>;
  /**
   * Upserts articles, bodies, postings and full text, inside the caller's transaction. `replaced`
   * are ids already stored (updates): their postings and full-text rows are replaced.
   */
  write(trx: Transaction<Database>, rows: readonly ArticleRows[], replaced: ReadonlySet<string>): Promise<void>;
}
