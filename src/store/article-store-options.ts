/**
 * What ArticleStore is opened with (article-store.ts): the options, the logger and change-notifier
 * contracts it calls, and the thresholds of its page plans and counts, kept apart so the class
 * file holds the store's behaviour only.
 */
import type { ArticleChange, StoreRetention } from './article-store.types.ts';
import type { Ancestors } from './sql/entity-postings.ts';
import type { StoreTimeouts } from './sql/open-database.ts';

/** The logging the store does (a pino logger fits). */
export interface StoreLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * Carries this replica's changes to the others (PostgreSQL LISTEN/NOTIFY, built apart in
 * coordination/pg-*.ts). The store calls `publish` after each local commit; the notifier calls
 * the store's `emitRemote` with what it hears.
 */
export interface ChangeNotifier {
  publish(change: ArticleChange): void | Promise<void>;
}

export interface ArticleStoreOptions {
  /** STORE_URL: `sqlite://…`, `postgres://…` / `postgresql://…`, `memory://[name]`. */
  readonly url: string;
  /** Region → itself and its ancestors (EntityCatalog.regionAncestors); unknown ids may return []. */
  readonly regionAncestors: Ancestors;
  /** Topic → its ancestors (parent topics); absent: topics are posted as tagged. */
  readonly topicAncestors?: Ancestors;
  readonly retention?: StoreRetention;
  readonly logger?: StoreLogger;
  /** Clock for retention (tests). */
  readonly now?: () => number;
  readonly notifier?: ChangeNotifier;
  readonly timeouts?: StoreTimeouts;
  /** SQLite page cache in MiB for bulk writers (see open-database.ts); the default suits a gateway. */
  readonly sqliteCacheMiB?: number;
  /** Matches counted exactly before `countMatches` answers "at least" (default {@link COUNT_EXACT_LIMIT}). */
  readonly countExactLimit?: number;
  /** Entities with more articles than this are probed in page queries (default {@link PROBE_FROM}; tests lower it). */
  readonly probeFrom?: number;
  /** Wraps every database call, named by what it does (OpenTelemetry spans when tracing is on). */
  readonly trace?: <T>(what: string, fn: () => Promise<T>) => Promise<T>;
  /** Searches matching more articles than this are probed in page queries (default {@link SEARCH_PROBE_FROM}; tests lower it). */
  readonly searchProbeFrom?: number;
}

/**
 * `countMatches` counts exactly up to this many matches; past it, it answers this number with
 * `exact: false` ("at least"), so a count never costs more than walking this many index entries.
 */
export const COUNT_EXACT_LIMIT = 200_000;
/** Entities with more articles than this are probed, not driven, in page queries (see planPage). */
export const PROBE_FROM = 2000;
/**
 * Full-text searches with more matches than this are probed, not driven. An FTS5 probe costs
 * ~0.35 ms per article walked (SQLite), driving ~10 µs per match, so the crossover is near
 * sqrt(700 × articles) matches: ~12k at 200k, ~26k at 1M. Measured on SQLite at 200k (load 4–7):
 * 2,520 matches 11 ms driven vs 490 ms probed; 36,620 matches 361 ms driven vs 38 ms probed.
 */
export const SEARCH_PROBE_FROM = 20_000;
