/**
 * Full text in the background. A refresh stores the feed's version of its new items at once and
 * hands them here; each item's page is fetched once (fulltext/full-text-article.ts, through the
 * feeds' host limiter) and, when it holds the article, the article is updated in the store with
 * the page's text (a new contentHash, so readers and subscriptions see the update). Pages that
 * fail or are walls leave the feed's text in place and are counted on the feed's state, with the
 * last error, so the operator sees which and how many.
 *
 * "Once": an article is queued only when the store added it or its feed version changed; an
 * unchanged item is skipped before it gets here (model/ids.ts sameFeedVersion), whether its page
 * worked or not. Articles queued but not done are kept in the state (`pending`) and resumed by
 * the feed's next refresh after a restart.
 *
 * The worker and the refresh both write the feed's state: their writes go through one queue per
 * feed here ({@link FullTextWorker.saveState}), and the refresh's write carries the worker's
 * latest counters, so neither loses the other's fields.
 */
import type { FetchSettings } from '../config/config.types.ts';
import type { Article } from '../model/article.ts';
import { emptyFeedState, type FeedConfig, type FeedState, type FullTextCounters } from '../model/feed.ts';
import { fullTextArticle } from '../fulltext/full-text-article.ts';
import type { PageLimiter } from '../fulltext/fetch/fetch-page.ts';
import type { Candidate, Tagger } from '../normalize/gazetteer/tagger.types.ts';
import type { Logger } from '../observability/logger.ts';
import type { ArticleStoreApi } from '../store/article-store.types.ts';
import type { ProxySettings } from '../ingest/fetch/proxy.ts';

/** Pending ids kept in the state at most (a feed's first fetch after enabling lists 20 to 100). */
export const MAX_PENDING = 500;
/** Counters are written to the state after this many pages even while more are queued. */
const PERSIST_EVERY = 20;

export interface FullTextWorkerOptions {
  readonly store: ArticleStoreApi;
  readonly tagger: Tagger;
  readonly fetch: FetchSettings;
  /** The feeds' limiter, so a site sees our page and feed requests under one per-host limit. */
  readonly limiter?: PageLimiter;
  /** The feeds' outbound proxy (HTTPS_PROXY…), used for pages too. */
  readonly proxy?: ProxySettings;
  readonly logger: Logger;
  readonly onCandidates?: (feedId: string, found: ReadonlyMap<string, readonly Candidate[]>) => void;
  readonly now?: () => Date;
}

/** The background fetcher of article pages for feeds with `fullText`. */
export class FullTextWorker {
  private readonly tallies = new Map<string, FullTextCounters>();
  /** Article ids queued or under way. */
  private readonly queued = new Set<string>();
  private readonly tasks = new Set<Promise<void>>();
  private readonly sinceSave = new Map<string, number>();
  private readonly stateWrites = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();
  constructor(private readonly opts: FullTextWorkerOptions) {}

  /**
   * Queues the pages of `articles` (just stored with the feed's text), and resumes the ids the
   * stored state lists as pending that nothing here is working on (a restart in between).
   */
  enqueue(feed: FeedConfig, articles: readonly Article[], stored?: FullTextCounters): void {
    if (!feed.fullText || this.abort.signal.aborted) return;
    const tally = this.tally(feed.id, stored);
    const fresh = articles.filter((a) => !this.queued.has(a.id));
    const resume = (tally.pending ?? []).filter((id) => !this.queued.has(id) && !fresh.some((a) => a.id === id));
    for (const article of fresh) this.start(feed, article.id, () => Promise.resolve(article));
    if (resume.length > 0) {
      const loading = this.load(resume);
      for (const id of resume) this.start(feed, id, async () => (await loading).get(id));
    }
    tally.pending = [...new Set([...(tally.pending ?? []), ...fresh.map((a) => a.id)])].slice(0, MAX_PENDING);
  }

  /** The feed's counters as this process knows them, else as stored. */
  counters(feedId: string, stored?: FullTextCounters): FullTextCounters | undefined {
    return this.tallies.get(feedId) ?? stored;
  }

  /**
   * Writes a feed's state (the refresh's write) with the worker's latest counters, after any
   * write of the worker's for the same feed. Never throws: a store failure is logged.
   */
  saveState(state: FeedState): Promise<void> {
    return this.serialise(state.feedId, async () => {
      const tally = this.tallies.get(state.feedId);
      await this.opts.store.putFeedState(tally ? { ...state, fullText: snapshot(tally) } : state);
    });
  }

  /** Resolves when nothing is queued (tests, `refetch-text`, shutdown). */
  async idle(): Promise<void> {
    while (this.tasks.size > 0) await Promise.allSettled([...this.tasks]);
    await Promise.allSettled([...this.stateWrites.values()]);
  }

  /** Stops fetching: requests under way are aborted; their articles stay pending for the next start. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.idle();
  }

  private tally(feedId: string, stored?: FullTextCounters): FullTextCounters {
    let tally = this.tallies.get(feedId);
    if (!tally) {
      tally = stored ? { ...stored, kept: { ...stored.kept }, pending: [...(stored.pending ?? [])] } : { fetched: 0, failed: 0, kept: {} };
      this.tallies.set(feedId, tally);
    }
    return tally;
  }

  private start(feed: FeedConfig, id: string, article: () => Promise<Article | undefined>): void {
    this.queued.add(id);
    const task = this.process(feed, id, article).finally(() => {
      this.queued.delete(id);
      this.tasks.delete(task);
    });
    this.tasks.add(task);
  }

  private async process(feed: FeedConfig, id: string, load: () => Promise<Article | undefined>): Promise<void> {
    const tally = this.tally(feed.id);
    const rule = feed.fullText;
    let article: Article | undefined;
    try {
      article = await load();
      if (!article || !rule) return void dropPending(tally, id);
      const outcome = await fullTextArticle(article, feed, rule, {
        fetch: this.opts.fetch,
        tagger: this.opts.tagger,
        ...(this.opts.limiter ? { limiter: this.opts.limiter } : {}),
        ...(this.opts.proxy ? { proxy: this.opts.proxy } : {}),
        signal: this.abort.signal,
      });
      if (this.abort.signal.aborted) return; // shutdown: stays pending
      if (outcome.kind === 'applied') {
        await this.opts.store.upsert([outcome.article]);
        tally.fetched += 1;
        if (outcome.candidates.length > 0) this.opts.onCandidates?.(feed.id, new Map([[id, outcome.candidates]]));
      } else {
        tally.failed += 1;
        tally.kept[outcome.reason] = (tally.kept[outcome.reason] ?? 0) + 1;
        tally.lastError = { code: outcome.error.code, message: outcome.error.message, at: this.now().toISOString() };
        this.opts.logger.info({ feed: feed.id, article: id, reason: outcome.reason, err: outcome.error.message }, 'full text not used');
      }
      dropPending(tally, id);
    } catch (err) {
      // The store failed: the article stays pending and is retried by the next refresh.
      this.opts.logger.warn({ feed: feed.id, article: id, err: (err as Error).message }, 'full text not stored');
    } finally {
      const done = (this.sinceSave.get(feed.id) ?? 0) + 1;
      this.sinceSave.set(feed.id, done);
      const feedIdle = ![...this.queued].some((q) => q !== id && (tally.pending ?? []).includes(q));
      if (done >= PERSIST_EVERY || feedIdle) {
        this.sinceSave.set(feed.id, 0);
        await this.persist(feed.id);
      }
    }
  }

  /** Writes the feed's counters into its stored state. */
  private persist(feedId: string): Promise<void> {
    return this.serialise(feedId, async () => {
      const state = (await this.opts.store.getFeedState(feedId)) ?? emptyFeedState(feedId);
      await this.opts.store.putFeedState({ ...state, fullText: snapshot(this.tally(feedId)) });
    });
  }

  private serialise(feedId: string, write: () => Promise<void>): Promise<void> {
    const previous = this.stateWrites.get(feedId) ?? Promise.resolve();
    const next = previous.then(write).catch((err: unknown) => {
      this.opts.logger.error({ feed: feedId, err: (err as Error).message }, 'feed state not saved');
    });
    this.stateWrites.set(feedId, next);
    void next.finally(() => {
      if (this.stateWrites.get(feedId) === next) this.stateWrites.delete(feedId);
    });
    return next;
  }

  /** Whole stored articles by id (the pending ones of a restart). */
  private async load(ids: readonly string[]): Promise<Map<string, Article>> {
    const [metas, bodies] = await Promise.all([this.opts.store.getMany(ids), this.opts.store.getBodies(ids)]);
    const out = new Map<string, Article>();
    ids.forEach((id, i) => {
      const meta = metas[i];
      const body = bodies[i];
      if (meta && body) out.set(id, { ...meta, ...body });
    });
    return out;
  }

  private now(): Date {
    return (this.opts.now ?? (() => new Date()))();
  }
}

function dropPending(tally: FullTextCounters, id: string): void {
  if (tally.pending?.includes(id)) tally.pending = tally.pending.filter((p) => p !== id);
}

function snapshot(tally: FullTextCounters): FullTextCounters {
  return {
    fetched: tally.fetched,
    failed: tally.failed,
    kept: { ...tally.kept },
    ...(tally.lastError ? { lastError: tally.lastError } : {}),
    ...(tally.pending && tally.pending.length > 0 ? { pending: [...tally.pending] } : {}),
  };
}
