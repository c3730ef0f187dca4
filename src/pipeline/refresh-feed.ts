/**
 * The refresh of one feed: conditional fetch, decode/parse/normalize, store, and the feed's
 * new state (validators, health, next fetch). Never throws: every failure is kept on the
 * feed's state, and articles already stored are never touched by a failing fetch.
 */
import type { FetchSettings } from '../config/config.types.ts';
import { fetchFeed } from '../ingest/fetch/fetch-feed.ts';
import type { FetchResult } from '../ingest/fetch/fetch.types.ts';
import { asNewsgateError, ErrorCode, type NewsgateError } from '../model/errors.ts';
import { emptyFeedState, type FeedConfig, type FeedState } from '../model/feed.ts';
import type { Article } from '../model/article.ts';
import type { Candidate, Tagger } from '../normalize/gazetteer/tagger.types.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { ArticleStoreApi } from '../store/article-store.types.ts';
import { planNextFetch } from '../ingest/fetch/next-fetch.ts';
import { processDocument } from './process-document.ts';
import type { IsUnchanged } from '../normalize/normalize.types.ts';

/** What a refresh needs; all injected so tests can run it against a local server and memory store. */
export interface RefreshDeps {
  readonly store: ArticleStoreApi;
  readonly tagger: Tagger;
  readonly fetch: FetchSettings;
  readonly logger: Logger;
  readonly metrics?: Metrics;
  /** Receives the unknown names found in ADDED articles (per article id), for discovery. */
  readonly onCandidates?: (feedId: string, found: ReadonlyMap<string, readonly Candidate[]>) => void;
  readonly now?: () => Date;
  /** 0..1, for jitter; Math.random by default. */
  readonly random?: () => number;
  readonly signal?: AbortSignal;
  /** Clusters new articles into stories across feeds (src/stories/); absent: normalize's exact key. */
  readonly assignStories?: (articles: readonly Article[]) => Promise<Article[]>;
}

export type RefreshStatus = 'ok' | 'not_modified' | 'failed';

export interface RefreshOutcome {
  readonly feedId: string;
  readonly status: RefreshStatus;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly error?: NewsgateError;
  readonly state: FeedState;
}

/**
 * Fetches and ingests one feed now. `knownState` is the state the caller just read (the
 * scheduler's claim), to save a second read; without it the state is read from the store.
 */
export async function refreshFeed(feed: FeedConfig, deps: RefreshDeps, knownState?: FeedState): Promise<RefreshOutcome> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const previous = knownState ?? (await safeGetState(deps, feed.id)) ?? emptyFeedState(feed.id);
  const headers = { ...(deps.fetch.userAgent ? { 'User-Agent': deps.fetch.userAgent } : {}), ...feed.headers };
  const urlChanged = previous.lastFetchAt !== undefined && previous.feedUrl !== undefined && previous.feedUrl !== feed.url;
  const result: FetchResult = await fetchFeed({
    url: feed.url,
    ...(!urlChanged && previous.etag ? { etag: previous.etag } : {}),
    ...(!urlChanged && previous.lastModified ? { lastModified: previous.lastModified } : {}),
    headers,
    allowFile: feed.allowFile,
    limits: {
      connectTimeoutMs: deps.fetch.connectTimeoutMs,
      headersTimeoutMs: deps.fetch.headersTimeoutMs,
      totalTimeoutMs: deps.fetch.totalTimeoutMs,
      maxBodyBytes: deps.fetch.maxBodyBytes,
      maxRedirects: deps.fetch.maxRedirects,
    },
    ...(deps.signal ? { signal: deps.signal } : {}),
  });

  let outcome: Omit<RefreshOutcome, 'state'>;
  const state: FeedState = {
    ...previous,
    feedUrl: feed.url,
    lastFetchAt: started.toISOString(),
    redirects: result.redirects.filter((r) => r.permanent),
  };
  let ttlMinutes: number | null = null;

  if (result.kind === 'modified') {
    try {
      const input = {
        bytes: result.body,
        ...(result.contentType ? { contentType: result.contentType } : {}),
        url: result.finalUrl,
        feed,
        fetchedAt: started,
        tagger: deps.tagger,
        maxBytes: deps.fetch.maxBodyBytes,
      };
      const doc = await processDocument({ ...input, isUnchanged: await knownHashes(input, deps.store) });
      const written = await deps.store.upsert(deps.assignStories ? await deps.assignStories(doc.articles) : doc.articles);
      ttlMinutes = doc.parsed.ttlMinutes;
      Object.assign(state, {
        etag: result.etag,
        lastModified: result.lastModified,
        title: doc.parsed.title ?? undefined,
        siteUrl: doc.parsed.link ?? undefined,
        language: doc.parsed.language ?? undefined,
        format: doc.parsed.format,
        encoding: doc.encoding,
        warnings: doc.warnings.slice(0, 50),
      });
      if (deps.onCandidates && written.added.length > 0) {
        const added = new Set(written.added.map((a) => a.id));
        deps.onCandidates(feed.id, new Map([...doc.candidatesByArticle].filter(([id]) => added.has(id))));
      }
      deps.metrics?.articlesIngested.inc({ feed: feed.id, kind: 'added' }, written.added.length);
      deps.metrics?.articlesIngested.inc({ feed: feed.id, kind: 'updated' }, written.updated.length);
      outcome = { feedId: feed.id, status: 'ok', added: written.added.length, updated: written.updated.length, unchanged: written.unchanged + doc.unchanged };
    } catch (err) {
      outcome = failedOutcome(feed.id, asNewsgateError(err, ErrorCode.PARSE_MALFORMED));
    }
  } else if (result.kind === 'notModified') {
    Object.assign(state, { etag: result.etag ?? previous.etag, lastModified: result.lastModified ?? previous.lastModified });
    outcome = { feedId: feed.id, status: 'not_modified', added: 0, updated: 0, unchanged: 0 };
  } else if (result.error.details.aborted === true) {
    // Cancelled by newsgate (shutdown): not the feed's fault, so its state is left as it was.
    return { ...failedOutcome(feed.id, result.error), state: previous };
  } else {
    outcome = failedOutcome(feed.id, result.error);
  }

  const finished = now();
  state.lastStatus = result.status;
  if (outcome.status === 'failed') {
    state.consecutiveFailures = previous.consecutiveFailures + 1;
    state.lastError = { code: outcome.error!.code, message: outcome.error!.message, at: finished.toISOString() };
  } else {
    state.consecutiveFailures = 0;
    state.lastSuccessAt = finished.toISOString();
    delete state.lastError;
  }
  state.nextFetchAt = planNextFetch({
    now: finished,
    intervalMinutes: feed.intervalMinutes,
    outcome: outcome.status === 'failed' ? 'failed' : outcome.status === 'ok' ? 'ok' : 'notModified',
    consecutiveFailures: state.consecutiveFailures,
    freshness: result.freshness,
    ttlMinutes,
    bounds: { minIntervalMinutes: deps.fetch.minIntervalMinutes, maxIntervalMinutes: deps.fetch.maxIntervalMinutes },
    random: (deps.random ?? Math.random)(),
  }).at.toISOString();

  await safePutState(deps, state);
  deps.metrics?.feedFetches.inc({ feed: feed.id, outcome: result.kind === 'failed' ? 'failed' : outcome.status });
  deps.metrics?.fetchSeconds.observe({ feed: feed.id }, (finished.getTime() - started.getTime()) / 1000);
  const log = { feed: feed.id, status: outcome.status, http: result.status, added: outcome.added, updated: outcome.updated, next: state.nextFetchAt };
  if (outcome.error) deps.logger.warn({ ...log, code: outcome.error.code, err: outcome.error.message }, 'feed refresh failed');
  else deps.logger.info(log, 'feed refreshed');
  return { ...outcome, state };
}

function failedOutcome(feedId: string, error: NewsgateError): Omit<RefreshOutcome, 'state'> {
  return { feedId, status: 'failed', added: 0, updated: 0, unchanged: 0, error };
}

async function safeGetState(deps: RefreshDeps, feedId: string): Promise<FeedState | undefined> {
  try {
    return await deps.store.getFeedState(feedId);
  } catch (err) {
    deps.logger.warn({ feed: feedId, err: (err as Error).message }, 'feed state unreadable; fetching unconditionally');
    return undefined;
  }
}

async function safePutState(deps: RefreshDeps, state: FeedState): Promise<void> {
  try {
    await deps.store.putFeedState(state);
  } catch (err) {
    deps.logger.error({ feed: state.feedId, err: (err as Error).message }, 'feed state not saved');
  }
}

/**
 * The store's content hashes for the document's items, as the synchronous `isUnchanged` that
 * processDocument wants: a first pass over the document (decode, parse, clean — no tagging, as
 * every item reads as unchanged) collects the ids, then ONE query fetches their hashes, so
 * unchanged items are not tagged again and processDocument stays free of I/O.
 */
async function knownHashes(input: Parameters<typeof processDocument>[0], store: ArticleStoreApi): Promise<IsUnchanged> {
  const ids: string[] = [];
  await processDocument({ ...input, isUnchanged: (id) => (ids.push(id), true) });
  const hashes = ids.length > 0 ? await store.getContentHashes(ids) : new Map<string, string>();
  return (id, hash) => hashes.get(id) === hash;
}
