/**
 * The rollup tables (migration 3, rollups-migration.ts): article counts kept per value and per
 * UTC hour and day, per pair of values and day, and per pair of actors within a value and day, so that facets, timelines and actor networks
 * over the whole store (or one value, or a date range) read a few thousand counters instead of
 * walking every matching article. Kept beside the store's own schema (schema.ts) so the store's
 * core types do not change; reached through {@link rollupDb}.
 *
 * A "value" is what a facet counts: an actor, region or topic posting (regions and topics with
 * their ancestors, as article_entities holds them), the article's source (feed id) and
 * language, and `*` (every article; value '').
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** Kinds of value a rollup counts. */
export type RollupKind = 'actor' | 'region' | 'topic' | 'source' | 'language' | '*';

/** The entity kinds (postings): the left side of a pair. */
export const ENTITY_KINDS: ReadonlySet<RollupKind> = new Set(['actor', 'region', 'topic']);

/** Whether a posting's kind is counted by the rollups (claimed postings and others are not). */
export function isRollupEntityKind(kind: string): kind is 'actor' | 'region' | 'topic' {
  return ENTITY_KINDS.has(kind as RollupKind);
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Articles per (kind, value, UTC hour since the epoch). */
export interface RollupHoursTable {
  readonly kind: RollupKind;
  readonly value: string;
  readonly hour: number;
  readonly n: number;
}

/** Articles per (kind, value, UTC day since the epoch). */
export interface RollupDaysTable {
  readonly kind: RollupKind;
  readonly value: string;
  readonly day: number;
  readonly n: number;
}

/** Articles naming both an entity (kind, value) and another value (other_kind, other), per UTC day; both directions are kept. */
export interface RollupPairDaysTable {
  readonly kind: RollupKind;
  readonly value: string;
  readonly day: number;
  readonly other_kind: RollupKind;
  readonly other: string;
  readonly n: number;
}

/** Articles naming two actors a < b among the articles of an entity (kind, value), per UTC day: the actor network inside one value. */
export interface RollupTripleDaysTable {
  readonly kind: RollupKind;
  readonly value: string;
  readonly day: number;
  readonly a: string;
  readonly b: string;
  readonly n: number;
}

/** What each article contributed when it was last counted (so an update or a delete is subtracted exactly). */
export interface RollupArticlesTable {
  readonly article_id: string;
  readonly published_ms: number;
  readonly feed_id: string;
  readonly language: string | null;
  /** JSON array of [kind, id] postings (actor, region, topic). */
  readonly entities: string;
}

/** Articles written, updated or deleted since they were last counted (set by triggers on `articles`). */
export interface RollupDirtyTable {
  readonly article_id: string;
}

export interface RollupDatabase extends Database {
  readonly rollup_hours: RollupHoursTable;
  readonly rollup_days: RollupDaysTable;
  readonly rollup_pair_days: RollupPairDaysTable;
  readonly rollup_triple_days: RollupTripleDaysTable;
  readonly rollup_articles: RollupArticlesTable;
  readonly rollup_dirty: RollupDirtyTable;
}

/** The store's database typed with the rollup tables too. */
export function rollupDb<T extends Kysely<Database> | Transaction<Database>>(db: T): T extends Transaction<Database> ? Transaction<RollupDatabase> : Kysely<RollupDatabase> {
  return db as never;
}

/** The UTC hour / day index of an instant (floor, also before 1970). */
export const hourOf = (ms: number): number => Math.floor(ms / HOUR_MS);
export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);
