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
 */
import { EventEmitter } from 'node:events';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Article, ArticleBody, ArticleMeta } from '../model/article.ts';
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import type { FeedState } from '../model/feed.ts';
import { queryTerms } from '../normalize/gazetteer/search-terms.ts';
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
import { ENTITY_FIELDS, filterCondition, filterInstant, type FilterPlan } from './sql/filter-sql.ts';
import { openDatabase, type StoreDatabase, type StoreTimeouts } from './sql/open-database.ts';
import type { Database } from './sql/schema.ts';
import { databaseError } from './sql/store-errors.ts';

export type { ArticleChange, ArticleChangeListener, StoreRetention } from './article-store.types.ts';

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
}

const DAY_MS = 86_400_000;
const PING_TIMEOUT_MS = 1000;
/** Ids per IN list. */
const ID_CHUNK = 500;
/** Largest page `query` serves. */
const MAX_PAGE = 1000;
/**
 * `countMatches` counts exactly up to this many matches; past it, it answers this number with
 * `exact: false` ("at least"), so a count never costs more than walking this many index entries.
 */
export const COUNT_EXACT_LIMIT = 200_000;
/** Entities with more articles than this are probed, not driven, in page queries (see planPage). */
export const PROBE_FROM = 2000;

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
      const cutoff = this.maxAgeDays > 0 ? this.now() - this.maxAgeDays * DAY_MS : undefined;
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
          const removed = await this.retentionVictims(trx, new Set(writes.map((a) => a.feedId)));
          await this.deleteIds(trx, removed);
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
    const column = page.order === 'FETCHED_DESC' ? 'articles.fetched_ms' : 'articles.published_ms';
    const after = page.after;
    const afterMs = after ? filterInstant(after.at, 'after') : undefined;
    // Ids first, metadata second: the sort (when the plan needs one) then moves ids, not JSON.
    const rows = await this.run('read a page of articles', async () => {
      const plan = await this.planPage(filter);
      return this.db
        .selectFrom('articles')
        .select('articles.id')
        .where((eb) => filterCondition(eb, filter, this.dialect, plan))
        .$if(after !== undefined, (q) =>
          q.where((eb) => eb(eb.refTuple(column, 'articles.id'), '<', eb.tuple(afterMs as number, (after as { id: string }).id))),
        )
        .orderBy(column, 'desc')
        .orderBy('articles.id', 'desc')
        .limit(first + 1)
        .execute();
    });
    const pageIds = rows.slice(0, first).map((r) => r.id);
    const metas = await this.getMany(pageIds);
    // An article deleted between the two reads (retention) is left out of the page.
    const items = metas.filter((m): m is ArticleMeta => m !== undefined);
    return { items, hasNextPage: rows.length > first };
  }

  /**
   * Picks, per entity field of a page query, whether its postings drive the query or are probed
   * per article walked in page order (see filter-sql.ts `EntityPlan`): an entity with more than
   * {@link PROBE_FROM} articles is probed, so a page of `IQ` reads about a page of rows instead of
   * sorting every match. Counting those postings stops at PROBE_FROM + 1 (one short index range).
   */
  private async planPage(filter: ArticleFilter): Promise<FilterPlan> {
    const plan: { -readonly [K in keyof FilterPlan]: FilterPlan[K] } = {};
    for (const [field, kind] of ENTITY_FIELDS) {
      const ids = filter[field];
      if (ids === undefined || ids.length === 0) continue;
      const row = await this.db
        .selectFrom((db) =>
          db
            .selectFrom('article_entities')
            .select(sql<number>`1`.as('one'))
            .where('kind', '=', kind)
            .where('entity_id', 'in', [...new Set(ids)])
            .limit(this.probeFrom + 1)
            .as('postings'),
        )
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      plan[field] = Number(row.n) > this.probeFrom ? 'probe' : 'drive';
    }
    const terms = filter.search !== undefined ? queryTerms(filter.search) : [];
    if (terms.length > 0) {
      plan.search = (await this.dialect.countSearchUpTo(this.db, terms, this.probeFrom + 1)) > this.probeFrom ? 'probe' : 'drive';
    }
    return plan;
  }

  async countMatches(filter: ArticleFilter): Promise<ArticleCount> {
    if (isEmptyFilter(filter)) return { count: await this.size(), exact: true };
    const limit = this.countExactLimit;
    const row = await this.run('count articles', () =>
      this.db
        .selectFrom((db) =>
          db
            .selectFrom('articles')
            .select(sql<number>`1`.as('one'))
            .where((eb) => filterCondition(eb, filter, this.dialect))
            .limit(limit + 1)
            .as('matches'),
        )
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    const n = Number(row.n);
    return n > limit ? { count: limit, exact: false } : { count: n, exact: true };
  }

  async getMany(ids: readonly string[]): Promise<(ArticleMeta | undefined)[]> {
    const found = new Map<string, ArticleMeta>();
    await this.run(`read ${ids.length} articles`, async () => {
      for (const chunk of chunks(unique(ids), ID_CHUNK)) {
        const rows = await this.db.selectFrom('articles').select(['id', 'meta']).where('id', 'in', chunk).execute();
        for (const r of rows) found.set(r.id, JSON.parse(r.meta) as ArticleMeta);
      }
    });
    return ids.map((id) => found.get(id));
  }

  async getBodies(ids: readonly string[]): Promise<(ArticleBody | undefined)[]> {
    const found = new Map<string, ArticleBody>();
    await this.run(`read ${ids.length} article bodies`, async () => {
      for (const chunk of chunks(unique(ids), ID_CHUNK)) {
        const rows = await this.db.selectFrom('article_bodies').select(['id', 'body']).where('id', 'in', chunk).execute();
        for (const r of rows) found.set(r.id, JSON.parse(r.body) as ArticleBody);
      }
    });
    return ids.map((id) => found.get(id));
  }

  async getContentHashes(ids: readonly string[]): Promise<Map<string, string>> {
    return this.run(`read ${ids.length} content hashes`, () => this.hashes(this.db, ids));
  }

  async countBy(kind: CountKind, ids: readonly string[]): Promise<number[]> {
    const counts = new Map<string, number>();
    await this.run(`count articles by ${kind}`, async () => {
      for (const chunk of chunks(unique(ids), ID_CHUNK)) {
        const rows =
          kind === 'sources'
            ? await this.db
                .selectFrom('articles')
                .select((eb) => ['feed_id as id', eb.fn.countAll<number>().as('n')])
                .where('feed_id', 'in', chunk)
                .groupBy('feed_id')
                .execute()
            : await this.db
                .selectFrom('article_entities')
                .select((eb) => ['entity_id as id', eb.fn.countAll<number>().as('n')])
                .where('kind', '=', ENTITY_KIND[kind])
                .where('entity_id', 'in', chunk)
                .groupBy('entity_id')
                .execute();
        for (const r of rows) counts.set(r.id, Number(r.n));
      }
    });
    return ids.map((id) => counts.get(id) ?? 0);
  }

  async size(): Promise<number> {
    const row = await this.run('count the articles', () =>
      this.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    );
    return Number(row.n);
  }

  async *iterate(filter: ArticleFilter, batchSize = 500): AsyncIterable<Article[]> {
    const size = Math.max(1, Math.min(5000, Math.floor(batchSize)));
    let after: { ms: number; id: string } | undefined;
    for (;;) {
      const position = after;
      const rows = await this.run('read articles', () =>
        this.db
          .selectFrom('articles')
          .leftJoin('article_bodies', 'article_bodies.id', 'articles.id')
          .select(['articles.id', 'articles.published_ms', 'articles.meta', 'article_bodies.body'])
          .where((eb) => filterCondition(eb, filter, this.dialect))
          .$if(position !== undefined, (q) =>
            q.where((eb) => eb(eb.refTuple('articles.published_ms', 'articles.id'), '<', eb.tuple(position!.ms, position!.id))),
          )
          .orderBy('articles.published_ms', 'desc')
          .orderBy('articles.id', 'desc')
          .limit(size)
          .execute(),
      );
      if (rows.length === 0) return;
      yield rows.map((r) => ({ ...(JSON.parse(r.meta) as ArticleMeta), ...(r.body ? (JSON.parse(r.body) as ArticleBody) : EMPTY) }) as Article);
      const last = rows[rows.length - 1]!;
      after = { ms: Number(last.published_ms), id: last.id };
      if (rows.length < size) return;
    }
  }

  async prune(): Promise<number> {
    return this.exclusive(async () => {
      const removed = await this.run('apply retention', () =>
        this.db.transaction().execute(async (trx) => {
          const victims = await this.retentionVictims(trx);
          await this.deleteIds(trx, victims);
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
    const found = new Map<string, FeedState>();
    await this.run(`read the state of ${feedIds.length} feeds`, async () => {
      for (const chunk of chunks(unique(feedIds), ID_CHUNK)) {
        const rows = await this.db.selectFrom('feed_state').select(['feed_id', 'state']).where('feed_id', 'in', chunk).execute();
        for (const r of rows) found.set(r.feed_id, JSON.parse(r.state) as FeedState);
      }
    });
    return feedIds.map((id) => found.get(id));
  }

  async putFeedState(state: FeedState): Promise<void> {
    const write = this.run(`store the state of feed ${state.feedId}`, () =>
      this.db
        .insertInto('feed_state')
        .values({ feed_id: state.feedId, state: JSON.stringify(state) })
        .onConflict((oc) => oc.column('feed_id').doUpdateSet((eb) => ({ state: eb.ref('excluded.state') })))
        .execute(),
    );
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

  /** Ids retention removes: older than max age; beyond max per feed (for `feedIds`, or every feed). */
  private async retentionVictims(trx: Transaction<Database>, feedIds?: ReadonlySet<string>): Promise<string[]> {
    const victims = new Set<string>();
    if (this.maxAgeDays > 0) {
      const cutoff = this.now() - this.maxAgeDays * DAY_MS;
      const rows = await trx.selectFrom('articles').select('id').where('published_ms', '<', cutoff).execute();
      for (const r of rows) victims.add(r.id);
    }
    if (this.maxPerFeed > 0) {
      const feeds = feedIds ?? new Set((await trx.selectFrom('articles').select('feed_id').distinct().execute()).map((r) => r.feed_id));
      for (const feedId of feeds) {
        const rows = await trx
          .selectFrom('articles')
          .select('id')
          .where('feed_id', '=', feedId)
          .orderBy('published_ms', 'desc')
          .orderBy('id', 'desc')
          .limit(1_000_000_000)
          .offset(this.maxPerFeed)
          .execute();
        for (const r of rows) victims.add(r.id);
      }
    }
    return [...victims];
  }

  /** Deletes articles with their postings, bodies and full text. */
  private async deleteIds(trx: Transaction<Database>, ids: readonly string[]): Promise<void> {
    for (const chunk of chunks(ids, ID_CHUNK)) {
      await this.dialect.deleteSearch(trx, chunk);
      await trx.deleteFrom('article_entities').where('article_id', 'in', chunk).execute();
      await trx.deleteFrom('article_bodies').where('id', 'in', chunk).execute();
      await trx.deleteFrom('articles').where('id', 'in', chunk).execute();
    }
  }

  /** Runs one database call; failures become NewsgateErrors naming `what`. */
  private async run<T>(what: string, fn: () => Promise<T>): Promise<T> {
    if (this.closed) throw this.closedError();
    try {
      return await fn();
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

const ENTITY_KIND = { actors: 'actor', regions: 'region', topics: 'topic' } as const;

const EMPTY: ArticleBody = { content: '', contentHtml: '', translatorNotes: [], comments: [], evidence: { actors: {}, regions: {}, topics: {} } };

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

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
