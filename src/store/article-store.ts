/**
 * ArticleStore: the store of newsgate. Metadata and indexes in memory (ArticleIndex), everything
 * persisted through keyv in namespaces of one store URL: `articles` (metadata), `bodies` (long
 * texts and evidence, read only for the pages that ask), `feeds` (HTTP state and health).
 *
 * - `open()` restores every article before resolving, so a restarted gateway serves at once.
 *   The full-text index is built after it resolves, in steps that yield to the event loop
 *   (searches are answered correctly meanwhile, only slower); `whenSearchIndexed()` tells when.
 * - `upsert()` persists before it resolves (bodies, then metadata, each one batched write), then
 *   indexes; an article whose `contentHash` did not change is left alone. Writes are serialised,
 *   so two feeds finishing together cannot both "add" one article.
 * - Retention (max age, max per feed) runs on every upsert and on `prune()`; pruned articles are
 *   deleted from keyv as well.
 * - `onChange()` tells listeners (GraphQL subscriptions, the response cache, the replica bus)
 *   what was added, updated or removed; `refresh(ids)` pulls articles another replica wrote.
 */
import { EventEmitter } from 'node:events';
import type Keyv from 'keyv';
import { splitArticle, type Article, type ArticleBody, type ArticleMeta } from '../model/article.ts';
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import type { FeedState } from '../model/feed.ts';
import type {
  ArticleCursor,
  ArticleFilter,
  ArticlePage,
  ArticleStoreApi,
  CountKind,
  UpsertResult,
} from './article-store.types.ts';
import { ArticleIndex, type RegionAncestors } from './index/article-index.ts';
import { openKeyv, valuePages } from './open-keyv.ts';
import { redactStoreUrl } from './store-url.ts';

/** Retention limits; absent or 0 means no limit. Names follow `feeds.json`'s `retention`. */
export interface StoreRetention {
  readonly maxAgeDays?: number;
  readonly maxArticlesPerFeed?: number;
  /** Same as `maxArticlesPerFeed` (the name used in the store's brief). */
  readonly maxPerFeed?: number;
}

/** The logging the store does (a pino logger fits). */
export interface StoreLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface ArticleStoreOptions {
  /** STORE_URL: `sqlite://…`, `redis://…`, `memory://…`. */
  readonly url: string;
  /** Region → itself and its ancestors (EntityCatalog.regionAncestors); unknown ids may return []. */
  readonly regionAncestors: RegionAncestors;
  readonly retention?: StoreRetention;
  readonly logger?: StoreLogger;
  /** Clock for retention (tests). */
  readonly now?: () => number;
}

/**
 * What changed in one write. `origin` is `local` for this process's upserts and prunes, `remote`
 * for articles pulled in by `refresh` (written by another replica): the replica bus publishes
 * only local changes, subscriptions and caches react to both.
 */
export interface ArticleChange {
  readonly added: readonly ArticleMeta[];
  readonly updated: readonly ArticleMeta[];
  /** Ids pruned (retention) or found deleted by another replica. */
  readonly removed: readonly string[];
  readonly origin: 'local' | 'remote';
}

/** Listener of {@link ArticleStore.onChange}. */
export type ArticleChangeListener = (change: ArticleChange) => void;

const DAY_MS = 86_400_000;
/** Longest the full-text build holds the event loop in one step (a query waits at most this). */
const TEXT_STEP_MS = 8;
const PING_TIMEOUT_MS = 1000;
const PING_KEY = '__newsgate_ping__';

const noopLogger: StoreLogger = { debug() {}, info() {}, warn() {}, error() {} };

export class ArticleStore implements ArticleStoreApi {
  private readonly index: ArticleIndex;
  private readonly articles: Keyv<ArticleMeta>;
  private readonly bodies: Keyv<ArticleBody>;
  private readonly feeds: Keyv<FeedState>;
  private readonly url: string;
  private maxAgeDays: number;
  private maxPerFeed: number;
  private readonly logger: StoreLogger;
  private readonly now: () => number;
  private readonly events = new EventEmitter();
  /** Tail of the chain of mutations (upsert, prune, refresh): they run one at a time. */
  private tail: Promise<unknown> = Promise.resolve();
  private readonly pendingFeedWrites = new Set<Promise<unknown>>();
  private closing: Promise<void> | undefined;
  /** The next step of the background full-text build, while it runs. */
  private textStep: NodeJS.Immediate | undefined;
  /** Resolves `textIndexed` (the build ended, or the store closed before it did). */
  private endTextBuild: (() => void) | undefined;
  private textIndexed: Promise<void> = Promise.resolve();

  private constructor(
    options: ArticleStoreOptions,
    kv: { articles: Keyv<ArticleMeta>; bodies: Keyv<ArticleBody>; feeds: Keyv<FeedState> },
  ) {
    this.url = redactStoreUrl(options.url);
    this.index = new ArticleIndex(options.regionAncestors);
    this.articles = kv.articles;
    this.bodies = kv.bodies;
    this.feeds = kv.feeds;
    this.maxAgeDays = positive(options.retention?.maxAgeDays);
    this.maxPerFeed = positive(options.retention?.maxArticlesPerFeed ?? options.retention?.maxPerFeed);
    this.logger = options.logger ?? noopLogger;
    this.now = options.now ?? Date.now;
    this.events.setMaxListeners(0);
  }

  /**
   * Connects to the store and restores every article and its indexes before resolving, then
   * applies retention. Rejects with STORE_UNAVAILABLE / CONFIG_INVALID from {@link openKeyv}.
   */
  static async open(options: ArticleStoreOptions): Promise<ArticleStore> {
    const opened: Keyv[] = [];
    try {
      const open = async <T>(ns: string): Promise<Keyv<T>> => {
        const kv = await openKeyv<T>(options.url, ns, { logger: options.logger });
        opened.push(kv as Keyv);
        return kv;
      };
      const articles = await open<ArticleMeta>('articles');
      const bodies = await open<ArticleBody>('bodies');
      const feeds = await open<FeedState>('feeds');
      const store = new ArticleStore(options, { articles, bodies, feeds });
      await store.restore();
      store.buildSearchIndex();
      return store;
    } catch (err) {
      await Promise.allSettled(opened.map((kv) => kv.disconnect()));
      throw err;
    }
  }

  private async restore(): Promise<void> {
    const started = performance.now();
    const metas: ArticleMeta[] = [];
    let skipped = 0;
    try {
      for await (const page of valuePages(this.articles)) {
        for (const value of page) {
          if (isMeta(value)) metas.push(value);
          else skipped++;
        }
      }
    } catch (cause) {
      if (cause instanceof NewsgateError) throw cause;
      throw this.unavailable('restore the articles', cause);
    }
    this.index.load(metas, { deferText: true });
    const pruned = await this.enforceRetention();
    this.logger.info(
      { articles: this.index.size, pruned: pruned.length, skipped, ms: Math.round(performance.now() - started) },
      'store restored',
    );
    if (skipped > 0) this.logger.warn({ skipped }, 'store held article records that are not article metadata; ignored');
  }

  /**
   * Builds the full-text index of the restored articles in steps of TEXT_STEP_MS, one per turn
   * of the event loop, so queries are served during the build; `close()` stops it.
   */
  private buildSearchIndex(): void {
    if (this.index.textPendingCount === 0) return;
    const started = performance.now();
    const pending = this.index.textPendingCount;
    this.textIndexed = new Promise<void>((resolve) => {
      this.endTextBuild = () => {
        this.endTextBuild = undefined;
        if (this.textStep) clearImmediate(this.textStep);
        this.textStep = undefined;
        resolve();
      };
      const step = () => {
        this.textStep = undefined;
        if (this.closing) return this.endTextBuild?.();
        if (this.index.indexTextStep(TEXT_STEP_MS)) {
          this.logger.info({ articles: pending, ms: Math.round(performance.now() - started) }, 'full-text index built');
          return this.endTextBuild?.();
        }
        this.textStep = setImmediate(step);
      };
      this.textStep = setImmediate(step);
    });
  }

  /**
   * Resolves when the full-text index holds every restored article (searches are faster from
   * then on, not different), or when the store closes first. For tests, benchmarks and logs.
   */
  whenSearchIndexed(): Promise<void> {
    return this.textIndexed;
  }

  /** Restored articles not yet in the full-text index (0 once built); the build stops on close. */
  searchIndexPending(): number {
    return this.index.textPendingCount;
  }

  async upsert(input: readonly Article[]): Promise<UpsertResult> {
    return this.exclusive(async () => {
      const latest = new Map<string, Article>();
      for (const a of input) latest.set(a.id, a);
      const cutoff = this.maxAgeDays > 0 ? this.now() - this.maxAgeDays * DAY_MS : undefined;
      const writes: { meta: ArticleMeta; body: ArticleBody }[] = [];
      let unchanged = 0;
      let tooOld = 0;
      for (const article of latest.values()) {
        if (Number.isNaN(Date.parse(article.publishedAt))) {
          // normalize always sets a date; an article without one cannot be placed in the order.
          this.logger.warn({ articleId: article.id, feedId: article.feedId, publishedAt: article.publishedAt }, 'article without a valid publishedAt not stored');
          continue;
        }
        if (cutoff !== undefined && Date.parse(article.publishedAt) < cutoff) {
          tooOld++;
          continue;
        }
        if (this.index.get(article.id)?.contentHash === article.contentHash) {
          unchanged++;
          continue;
        }
        writes.push(splitArticle(article));
      }
      if (tooOld > 0) this.logger.debug({ tooOld, maxAgeDays: this.maxAgeDays }, 'articles older than retention not stored');
      if (writes.length === 0) return { added: [], updated: [], unchanged };

      try {
        // Bodies first: a crash in between leaves an unreferenced body, never a listed article without one.
        await this.bodies.setMany(writes.map((w) => ({ key: w.meta.id, value: w.body })));
        await this.articles.setMany(writes.map((w) => ({ key: w.meta.id, value: w.meta })));
      } catch (cause) {
        throw this.unavailable(`store ${writes.length} articles`, cause);
      }

      let added: ArticleMeta[] = [];
      let updated: ArticleMeta[] = [];
      const feedIds = new Set<string>();
      for (const { meta } of writes) {
        const outcome = this.index.put(meta);
        if (outcome === 'added') added.push(meta);
        else if (outcome === 'updated') updated.push(meta);
        else unchanged++;
        feedIds.add(meta.feedId);
      }
      const removed = await this.enforceRetention(feedIds);
      if (removed.length > 0) {
        const gone = new Set(removed);
        added = added.filter((m) => !gone.has(m.id));
        updated = updated.filter((m) => !gone.has(m.id));
      }
      this.emit({ added, updated, removed, origin: 'local' });
      return { added, updated, unchanged };
    });
  }

  query(filter: ArticleFilter, first: number, after?: ArticleCursor): ArticlePage {
    return this.index.query(filter, first, after);
  }

  get(id: string): ArticleMeta | undefined {
    return this.index.get(id);
  }

  /** One `getMany` on the `bodies` namespace, answered in the order of `ids`. */
  async getBodies(ids: readonly string[]): Promise<(ArticleBody | undefined)[]> {
    if (ids.length === 0) return [];
    try {
      const values = await this.bodies.getMany([...ids]);
      return values.map((v) => v ?? undefined);
    } catch (cause) {
      throw this.unavailable(`read ${ids.length} article bodies`, cause);
    }
  }

  count(kind: CountKind, id: string): number {
    return this.index.count(kind, id);
  }

  /** Ids with at least one article for `kind` (e.g. every region id that has articles). */
  countedIds(kind: CountKind): string[] {
    return this.index.keys(kind);
  }

  size(): number {
    return this.index.size;
  }

  async getFeedState(feedId: string): Promise<FeedState | undefined> {
    try {
      return (await this.feeds.get(feedId)) ?? undefined;
    } catch (cause) {
      throw this.unavailable(`read the state of feed ${feedId}`, cause);
    }
  }

  /** States of many feeds in one round trip (start-up, the `feeds` query). */
  async getFeedStates(feedIds: readonly string[]): Promise<(FeedState | undefined)[]> {
    if (feedIds.length === 0) return [];
    try {
      return (await this.feeds.getMany([...feedIds])).map((v) => v ?? undefined);
    } catch (cause) {
      throw this.unavailable(`read the state of ${feedIds.length} feeds`, cause);
    }
  }

  async putFeedState(state: FeedState): Promise<void> {
    const write = this.feeds.set(state.feedId, state);
    this.pendingFeedWrites.add(write);
    try {
      await write;
    } catch (cause) {
      throw this.unavailable(`store the state of feed ${state.feedId}`, cause);
    } finally {
      this.pendingFeedWrites.delete(write);
    }
  }

  /**
   * Changes the retention limits (feeds.json was reloaded); they apply from the next upsert or
   * `prune()`, which the caller may run at once.
   */
  setRetention(retention: StoreRetention): void {
    this.maxAgeDays = positive(retention.maxAgeDays);
    this.maxPerFeed = positive(retention.maxArticlesPerFeed ?? retention.maxPerFeed);
  }

  /** Applies retention to every feed now; returns the ids removed. */
  async prune(): Promise<string[]> {
    return this.exclusive(async () => {
      const removed = await this.enforceRetention();
      this.emit({ added: [], updated: [], removed, origin: 'local' });
      return removed;
    });
  }

  /**
   * Reloads the given ids from the backing store: new or changed ones are indexed, ids no longer
   * stored are dropped. Used when another replica announces writes; ids this process wrote
   * itself come back unchanged and emit nothing.
   */
  async refresh(ids: readonly string[]): Promise<ArticleChange> {
    return this.exclusive(async () => {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return { added: [], updated: [], removed: [], origin: 'remote' as const };
      let values: (ArticleMeta | undefined)[];
      try {
        values = await this.articles.getMany(unique);
      } catch (cause) {
        throw this.unavailable(`refresh ${unique.length} articles`, cause);
      }
      const added: ArticleMeta[] = [];
      const updated: ArticleMeta[] = [];
      const removed: string[] = [];
      unique.forEach((id, i) => {
        const meta = values[i];
        if (isMeta(meta)) {
          const outcome = this.index.put(meta);
          if (outcome === 'added') added.push(meta);
          else if (outcome === 'updated') updated.push(meta);
        } else if (this.index.remove(id)) {
          removed.push(id);
        }
      });
      const change: ArticleChange = { added, updated, removed, origin: 'remote' };
      this.emit(change);
      return change;
    });
  }

  /**
   * Re-reads every article of the backing store and brings memory in line: new and changed ones
   * indexed, ones no longer stored dropped. For a replica that may have missed announcements
   * (its pub/sub connection dropped while others wrote); costs about a restore.
   */
  async resync(): Promise<ArticleChange> {
    return this.exclusive(async () => {
      const added: ArticleMeta[] = [];
      const updated: ArticleMeta[] = [];
      const seen = new Set<string>();
      try {
        for await (const [, value] of this.articles.iterator!(undefined)) {
          if (!isMeta(value)) continue;
          seen.add(value.id);
          const outcome = this.index.put(value);
          if (outcome === 'added') added.push(value);
          else if (outcome === 'updated') updated.push(value);
        }
      } catch (cause) {
        throw this.unavailable('re-read the articles', cause);
      }
      const gone = this.index.allIds().filter((id) => !seen.has(id));
      this.index.removeMany(gone);
      const change: ArticleChange = { added, updated, removed: gone, origin: 'remote' };
      this.emit(change);
      return change;
    });
  }

  /** Listens to every change; returns the function that stops listening. */
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

  /** True when the backing store answers a read within a second. */
  async ping(): Promise<boolean> {
    if (this.closing) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.feeds.get(PING_KEY).then(() => true),
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

  /** Waits for the writes under way, then closes the backing store. Idempotent. */
  async close(): Promise<void> {
    this.closing ??= (async () => {
      this.endTextBuild?.();
      await this.tail.catch(() => undefined);
      await Promise.allSettled([...this.pendingFeedWrites]);
      this.events.removeAllListeners();
      await Promise.allSettled([this.articles.disconnect(), this.bodies.disconnect(), this.feeds.disconnect()]);
    })();
    return this.closing;
  }

  /** Runs mutations one after another; a failed one does not block the next. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closing) {
      return Promise.reject(
        new NewsgateError(ErrorCode.STORE_UNAVAILABLE, `The store at ${this.url} is closed (newsgate is shutting down).`),
      );
    }
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Removes what retention excludes (in memory and in keyv); returns the removed ids. */
  private async enforceRetention(feedIds?: Iterable<string>): Promise<string[]> {
    const victims = new Set<string>();
    if (this.maxAgeDays > 0) {
      for (const id of this.index.idsPublishedBefore(this.now() - this.maxAgeDays * DAY_MS)) victims.add(id);
    }
    if (this.maxPerFeed > 0) {
      for (const feedId of feedIds ?? this.index.keys('sources')) {
        for (const id of this.index.idsBeyond(feedId, this.maxPerFeed)) victims.add(id);
      }
    }
    if (victims.size === 0) return [];
    const ids = [...victims];
    this.index.removeMany(ids);
    try {
      await this.articles.delete(ids);
      await this.bodies.delete(ids);
    } catch (err) {
      // Not fatal: the next restore applies retention again and deletes them then.
      this.logger.warn({ err, count: ids.length }, 'could not delete pruned articles from the store');
    }
    this.logger.debug({ count: ids.length }, 'retention pruned articles');
    return ids;
  }

  private emit(change: ArticleChange): void {
    if (change.added.length + change.updated.length + change.removed.length === 0) return;
    this.events.emit('change', change);
  }

  private unavailable(what: string, cause: unknown): NewsgateError {
    const why = cause instanceof Error ? cause.message : String(cause);
    return new NewsgateError(
      ErrorCode.STORE_UNAVAILABLE,
      `Could not ${what} in the store at ${this.url}: ${why}. Check that the store is reachable (GET /health); the operation can be retried.`,
      { cause, details: { url: this.url } },
    );
  }
}

function positive(n: number | undefined): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0;
}

/** Enough of an ArticleMeta to index it; anything else in the namespace is ignored. */
function isMeta(value: unknown): value is ArticleMeta {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<ArticleMeta>;
  return (
    typeof v.id === 'string' &&
    typeof v.feedId === 'string' &&
    typeof v.publishedAt === 'string' &&
    !Number.isNaN(Date.parse(v.publishedAt)) &&
    Array.isArray(v.topics) &&
    Array.isArray(v.actors) &&
    Array.isArray(v.regions) &&
    Array.isArray(v.tags)
  );
}
