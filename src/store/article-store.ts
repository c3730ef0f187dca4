/**
 * ArticleStore: articles in a SQL database (SQLite file, in-memory SQLite, or PostgreSQL),
 * behind the async contract of article-store.types.ts. Nothing per article is held in process
 * memory: every read is a query, so memory does not grow with the store and a start serves at
 * once (no restore).
 *
 * Tables (sql/schema.ts, DDL in sql/migrations.ts): `articles` (filterable columns + the metadata
 * as JSON), `article_bodies` (read only when asked), `article_entities` (postings with region
 * and topic ancestors expanded at write time), the full-text table of the engine, `feed_state`.
 *
 * - `upsert()` is one transaction per call: it resolves once committed, so an acknowledged
 *   article survives kill -9. Unchanged content hashes are skipped; writes of this process run
 *   one at a time (two feeds finishing together cannot both "add" one article).
 * - Retention (max age, max per feed) runs as indexed deletes in the same transaction as the
 *   write, and on `prune()`.
 * - `onChange()` tells listeners (subscriptions, the response cache) what this process wrote; a
 *   {@link ChangeNotifier} given at open is told too (PostgreSQL LISTEN/NOTIFY across replicas),
 *   and `emitRemote()` is how such a notifier hands other replicas' changes back in.
 * - Database errors become STORE_UNAVAILABLE (unreachable, timed out, locked) or INTERNAL.
 *
 * The queries live by role: store-reads.ts (pages, metadata, bodies, iterate), store-counts.ts,
 * store-retention.ts, feed-state-rows.ts, and the engines' bulk writers (sql/*-writer.ts). This
 * class holds the state (options, the write queue, listeners) and runs them.
 */
import { EventEmitter } from 'node:events';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Article, ArticleBody, ArticleMeta } from '../model/article.ts';
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import type { FeedState } from '../model/feed.ts';
import type {
  ArticleChange,
  ArticleChangeListener,
  ArticleCount,
  ArticleFilter,
  ArticlePage,
  ArticleStoreApi,
  CountKind,
  PageRequest,
  StoreRetention,
  UpsertResult,
} from './article-store.types.ts';
import type { SqlDialect } from './sql/dialect.ts';
import { articleRows } from './sql/article-rows.ts';
import type { Ancestors } from './sql/entity-postings.ts';
import { openDatabase, type StoreDatabase } from './sql/open-database.ts';
import type { Database } from './sql/schema.ts';
import { databaseError } from './sql/store-errors.ts';
import { readFeedStates, writeFeedState } from './feed-state-rows.ts';
import { countAll, countMatching, countPerId } from './store-counts.ts';
import { MAX_PAGE, readArticlesAfter, readBodies, readMetas, readPageIds, type WalkPosition } from './store-reads.ts';
import { ageCutoff, deleteArticles, retentionVictims, type RetentionLimits } from './store-retention.ts';
import { syncRollups } from './sql/rollups-sync.ts';

export type { ArticleChange, ArticleChangeListener, StoreRetention } from './article-store.types.ts';
export { COUNT_EXACT_LIMIT, PROBE_FROM, SEARCH_PROBE_FROM } from './article-store-options.ts';
export type { ArticleStoreOptions, ChangeNotifier, StoreLogger } from './article-store-options.ts';
import { COUNT_EXACT_LIMIT, PROBE_FROM, SEARCH_PROBE_FROM, type ArticleStoreOptions, type ChangeNotifier, type StoreLogger } from './article-store-options.ts';

const PING_TIMEOUT_MS = 1000;

const noopLogger: StoreLogger = { debug() {}, info() {}, warn() {}, error() {} };

export class ArticleStore implements ArticleStoreApi {
  /** The kysely instance, for other layers' typed queries over sql/schema.ts (analyst, CLI). */
  readonly db: Kysely<Database>;
  /** The open database: engine, dialect, redacted URL, migrations run at open. */
  readonly database: StoreDatabase;
  private readonly dialect: SqlDialect;
  private readonly where: string;
  private readonly regionAncestors: Ancestors;
  private readonly topicAncestors: Ancestors | undefined;
  private maxAgeDays: number;
  private maxPerFeed: number;
  private readonly logger: StoreLogger;
  private readonly now: () => number;
  private readonly notifier: ChangeNotifier | undefined;
  private readonly countExactLimit: number;
  private readonly probeFrom: number;
  private readonly trace: (<T>(what: string, fn: () => Promise<T>) => Promise<T>) | undefined;
  private readonly searchProbeFrom: number;
  private readonly events = new EventEmitter();
  /** Tail of the chain of writes (upsert, prune): they run one at a time. */
  private tail: Promise<unknown> = Promise.resolve();
  private readonly pendingFeedWrites = new Set<Promise<unknown>>();
  private closing: Promise<void> | undefined;
  /** Set once the database is closed: every call fails fast from then on. */
  private closed = false;

  private constructor(options: ArticleStoreOptions, database: StoreDatabase) {
    this.database = database;
    this.db = database.db;
    this.dialect = database.dialect;
    this.where = database.where;
    this.regionAncestors = options.regionAncestors;
    this.topicAncestors = options.topicAncestors;
    this.maxAgeDays = positive(options.retention?.maxAgeDays);
    this.maxPerFeed = positive(options.retention?.maxArticlesPerFeed);
    this.logger = options.logger ?? noopLogger;
    this.now = options.now ?? Date.now;
    this.notifier = options.notifier;
    this.countExactLimit = Math.max(1, options.countExactLimit ?? COUNT_EXACT_LIMIT);
    this.probeFrom = Math.max(0, options.probeFrom ?? PROBE_FROM);
    this.trace = options.trace;
    this.searchProbeFrom = Math.max(0, options.searchProbeFrom ?? SEARCH_PROBE_FROM);
    this.events.setMaxListeners(0);
  }

  /**
   * Opens (creating and migrating as needed) the database. Rejects with CONFIG_INVALID,
   * STORE_OLD_FORMAT, STORE_TOO_NEW or STORE_UNAVAILABLE (see sql/open-database.ts).
   */
  static async open(options: ArticleStoreOptions): Promise<ArticleStore> {
    const database = await openDatabase(options.url, {
      ...(options.timeouts ? { timeouts: options.timeouts } : {}),
      ...(options.sqliteCacheMiB !== undefined ? { sqliteCacheMiB: options.sqliteCacheMiB } : {}),
      onError: (err) => options.logger?.warn({ err: String(err) }, 'store connection error'),
    });
    if (database.migration.applied.length > 0) {
      options.logger?.info({ store: database.where, from: database.migration.from, to: database.migration.to }, 'store schema migrated');
    }
    return new ArticleStore(options, database);
  }

  async upsert(input: readonly Article[]): Promise<UpsertResult> {
    return this.exclusive(async () => {
      const latest = new Map<string, Article>();
      for (const a of input) latest.set(a.id, a);
      const cutoff = ageCutoff({ maxAgeDays: this.maxAgeDays, now: this.now() });
      const candidates: Article[] = [];
      let tooOld = 0;
      for (const article of latest.values()) {
        const published = Date.parse(article.publishedAt);
        if (Number.isNaN(published)) {
          // normalize always sets a date; an article without one cannot be placed in the order.
          this.logger.warn({ articleId: article.id, feedId: article.feedId, publishedAt: article.publishedAt }, 'article without a valid publishedAt not stored');
          continue;
        }
        if (cutoff !== undefined && published < cutoff) {
          tooOld++;
          continue;
        }
        candidates.push(article);
      }
      if (tooOld > 0) this.logger.debug({ tooOld, maxAgeDays: this.maxAgeDays }, 'articles older than retention not stored');
      if (candidates.length === 0) return { added: [], updated: [], unchanged: 0 };

      const outcome = await this.run(`store ${candidates.length} articles`, () =>
        this.db.transaction().execute(async (trx) => {
          const existing = await this.hashes(trx, candidates.map((a) => a.id));
          const added: ArticleMeta[] = [];
          const updated: ArticleMeta[] = [];
          const writes: Article[] = [];
          let unchanged = 0;
          for (const article of candidates) {
            const old = existing.get(article.id);
            if (old === article.contentHash) {
              unchanged++;
              continue;
            }
            writes.push(article);
            (old === undefined ? added : updated).push(metaOf(article));
          }
          if (writes.length === 0) return { added, updated, unchanged, removed: [] as string[] };
          await this.write(trx, writes, new Set(updated.map((m) => m.id)));
          const removed = await retentionVictims(trx, this.limits(), new Set(writes.map((a) => a.feedId)));
          await deleteArticles(trx, this.dialect, removed);
          await syncRollups(trx, this.dialect.engine, [...writes.map((a) => a.id), ...removed]);
          return { added, updated, unchanged, removed };
        }),
      );
      let { added, updated } = outcome;
      if (outcome.removed.length > 0) {
        const gone = new Set(outcome.removed);
        added = added.filter((m) => !gone.has(m.id));
        updated = updated.filter((m) => !gone.has(m.id));
      }
      this.emitLocal({ added, updated, removed: outcome.removed, origin: 'local' });
      return { added, updated, unchanged: outcome.unchanged };
    });
  }

  async query(filter: ArticleFilter, page: PageRequest): Promise<ArticlePage> {
    const first = Math.min(MAX_PAGE, Math.max(0, Math.floor(page.first)));
    if (first === 0) return { items: [], hasNextPage: false };
    const ids = await this.run('read a page of articles', () => readPageIds(this.db, this.dialect, filter, page, first, { entities: this.probeFrom, search: this.searchProbeFrom }));
    const metas = await this.getMany(ids.slice(0, first));
    // An article deleted between the two reads (retention) is left out of the page.
    const items = metas.filter((m): m is ArticleMeta => m !== undefined);
    return { items, hasNextPage: ids.length > first };
  }

  async countMatches(filter: ArticleFilter): Promise<ArticleCount> {
    if (isEmptyFilter(filter)) return { count: await this.size(), exact: true };
    return this.run('count articles', () => countMatching(this.db, this.dialect, filter, this.countExactLimit));
  }

  async getMany(ids: readonly string[]): Promise<(ArticleMeta | undefined)[]> {
    const found = await this.run(`read ${ids.length} articles`, () => readMetas(this.db, ids));
    return ids.map((id) => found.get(id));
  }

  async getBodies(ids: readonly string[]): Promise<(ArticleBody | undefined)[]> {
    const found = await this.run(`read ${ids.length} article bodies`, () => readBodies(this.db, ids));
    return ids.map((id) => found.get(id));
  }

  async getContentHashes(ids: readonly string[]): Promise<Map<string, string>> {
    return this.run(`read ${ids.length} content hashes`, () => this.hashes(this.db, ids));
  }

  async countBy(kind: CountKind, ids: readonly string[]): Promise<number[]> {
    const counts = await this.run(`count articles by ${kind}`, () => countPerId(this.db, kind, ids));
    return ids.map((id) => counts.get(id) ?? 0);
  }

  async size(): Promise<number> {
    return this.run('count the articles', () => countAll(this.db));
  }

  async *iterate(filter: ArticleFilter, batchSize = 500): AsyncIterable<Article[]> {
    const size = Math.max(1, Math.min(5000, Math.floor(batchSize)));
    let position: WalkPosition | undefined;
    for (;;) {
      const after = position;
      const { articles, next } = await this.run('read articles', () => readArticlesAfter(this.db, this.dialect, filter, after, size));
      if (articles.length === 0) return;
      yield articles;
      position = next;
      if (articles.length < size) return;
    }
  }

  async prune(): Promise<number> {
    return this.exclusive(async () => {
      const removed = await this.run('apply retention', () =>
        this.db.transaction().execute(async (trx) => {
          const victims = await retentionVictims(trx, this.limits());
          await deleteArticles(trx, this.dialect, victims);
          return victims;
        }),
      );
      if (removed.length > 0) this.logger.debug({ count: removed.length }, 'retention pruned articles');
      this.emitLocal({ added: [], updated: [], removed, origin: 'local' });
      return removed.length;
    });
  }

  /** Changes the retention limits (feeds.json was reloaded); they apply from the next write or `prune()`. */
  setRetention(retention: StoreRetention): void {
    this.maxAgeDays = positive(retention.maxAgeDays);
    this.maxPerFeed = positive(retention.maxArticlesPerFeed);
  }

  /** Listens to every change (local, and remote once a notifier feeds `emitRemote`); returns the remover. */
  onChange(listener: ArticleChangeListener): () => void {
    const safe = (change: ArticleChange) => {
      try {
        listener(change);
      } catch (err) {
        this.logger.error({ err }, 'article change listener failed');
      }
    };
    this.events.on('change', safe);
    return () => this.events.off('change', safe);
  }

  /** Per-article view of {@link onChange}, for subscriptions (`articleAdded`). */
  onArticle(listener: (meta: ArticleMeta, kind: 'added' | 'updated') => void): () => void {
    return this.onChange((change) => {
      for (const m of change.added) listener(m, 'added');
      for (const m of change.updated) listener(m, 'updated');
    });
  }

  /**
   * Hands in a change another replica made (the PostgreSQL notifier calls it): the rows are
   * already in the shared database, so only listeners are told.
   */
  emitRemote(change: Omit<ArticleChange, 'origin'>): void {
    this.emit({ ...change, origin: 'remote' });
  }

  async getFeedState(feedId: string): Promise<FeedState | undefined> {
    return (await this.getFeedStates([feedId]))[0];
  }

  async getFeedStates(feedIds: readonly string[]): Promise<(FeedState | undefined)[]> {
    const found = await this.run(`read the state of ${feedIds.length} feeds`, () => readFeedStates(this.db, feedIds));
    return feedIds.map((id) => found.get(id));
  }

  async putFeedState(state: FeedState): Promise<void> {
    const write = this.run(`store the state of feed ${state.feedId}`, () => writeFeedState(this.db, state));
    this.pendingFeedWrites.add(write);
    try {
      await write;
    } finally {
      this.pendingFeedWrites.delete(write);
    }
  }

  /** True when the database answers `SELECT 1` within a second. */
  async ping(): Promise<boolean> {
    if (this.closing) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        sql`SELECT 1`.execute(this.db).then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
        }),
      ]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits for the writes under way, then closes the database. Idempotent. */
  async close(): Promise<void> {
    this.closing ??= (async () => {
      await this.tail.catch(() => undefined);
      await Promise.allSettled([...this.pendingFeedWrites]);
      this.events.removeAllListeners();
      this.closed = true;
      await this.database.close();
    })();
    return this.closing;
  }

  /** contentHash per existing id, in one query. */
  private hashes(q: Kysely<Database> | Transaction<Database>, ids: readonly string[]): Promise<Map<string, string>> {
    return this.database.writer.hashes(q, ids);
  }

  /** Writes articles, bodies, postings and full text in bulk; `replaced` ids had postings before. */
  private async write(trx: Transaction<Database>, articles: readonly Article[], replaced: ReadonlySet<string>): Promise<void> {
    const expand = { regionAncestors: this.regionAncestors, ...(this.topicAncestors ? { topicAncestors: this.topicAncestors } : {}) };
    await this.database.writer.write(trx, articles.map((a) => articleRows(a, expand)), replaced);
  }

  /** The retention limits as of now. */
  private limits(): RetentionLimits {
    return { maxAgeDays: this.maxAgeDays, maxPerFeed: this.maxPerFeed, now: this.now() };
  }

  /** Runs one database call; failures become NewsgateErrors naming `what`. */
  private async run<T>(what: string, fn: () => Promise<T>): Promise<T> {
    if (this.closed) throw this.closedError();
    try {
      return await (this.trace ? this.trace(what, fn) : fn());
    } catch (cause) {
      throw databaseError(this.where, what, cause);
    }
  }

  /** Runs writes one after another; a failed one does not block the next. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(this.closedError());
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private closedError(): NewsgateError {
    return new NewsgateError(ErrorCode.STORE_UNAVAILABLE, `The store at ${this.where} is closed (newsgate is shutting down).`, {
      details: { url: this.where },
    });
  }

  private emitLocal(change: ArticleChange): void {
    if (!this.emit(change) || !this.notifier) return;
    Promise.resolve()
      .then(() => this.notifier?.publish(change))
      .catch((err: unknown) => this.logger.warn({ err: String(err) }, 'could not announce a change to other replicas'));
  }

  /** Tells listeners; false when there was nothing to tell. */
  private emit(change: ArticleChange): boolean {
    if (change.added.length + change.updated.length + change.removed.length === 0) return false;
    this.events.emit('change', change);
    return true;
  }
}

/** The metadata part of an article (every field but the long ones, including fields added later). */
function metaOf(article: Article): ArticleMeta {
  const { content: _c, contentHtml: _h, translatorNotes: _t, comments: _m, evidence: _e, ...meta } = article;
  return meta;
}

function isEmptyFilter(filter: ArticleFilter): boolean {
  return Object.values(filter).every((v) => v === undefined);
}

function positive(n: number | undefined): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0;
}
