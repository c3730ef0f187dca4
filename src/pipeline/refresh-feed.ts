/**
 * The refresh of one feed: conditional fetch, decode/parse/normalize, store, and the feed's
 * new state (validators, health, next fetch). Never throws: every failure is kept on the
 * feed's state, and articles already stored are never touched by a failing fetch.
 */
import type { FetchSettings } from '../config/config.types.ts';
import type { Resolver } from '../ingest/fetch/address-guard.ts';
import { fetchFeed } from '../ingest/fetch/fetch-feed.ts';
import { requestForFeed } from '../ingest/fetch/request-for-feed.ts';
import type { ProxySettings } from '../ingest/fetch/proxy.ts';
import type { FetchResult } from '../ingest/fetch/fetch.types.ts';
import { asNewsgateError, ErrorCode, type NewsgateError } from '../model/errors.ts';
import { redactUrlsIn } from '../model/redact-url.ts';
import { emptyFeedState, type FeedConfig, type FeedState } from '../model/feed.ts';
import type { Candidate, Tagger } from '../normalize/gazetteer/tagger.types.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { Article } from '../model/article.ts';
import type { ArticleStoreApi } from '../store/article-store.types.ts';
import { planNextFetch } from '../ingest/fetch/next-fetch.ts';
import { normalizeDocument, type NormalizeInput } from './process-document.ts';
import { upsertInBatches } from './write-in-batches.ts';
import { readDocument, type DocumentReader, type ReadDocument } from './read-document.ts';
import type { IsUnchanged } from '../normalize/normalize.types.ts';
import { sameFeedVersion } from '../model/ids.ts';
import type { FullTextWorker } from './full-text-worker.ts';

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
  /** Fetches the pages of new items of feeds with `fullText`, in the background. */
  readonly fullText?: FullTextWorker;
  /** Host name resolver for the address guard (tests map names to chosen addresses). */
  readonly resolver?: Resolver;
  /** The outbound proxy (HTTPS_PROXY / HTTP_PROXY / NO_PROXY); direct when absent. */
  readonly proxy?: ProxySettings;
  /** Decodes and parses fetched documents (the parse worker pool); on this thread when absent. */
  readonly readDocument?: DocumentReader;
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
  // The feed's own fetch settings (feeds[].fetch) over the top-level ones.
  const settings: FetchSettings = feed.fetch ? { ...deps.fetch, ...feed.fetch } : deps.fetch;
  const urlChanged = previous.lastFetchAt !== undefined && previous.feedUrl !== undefined && previous.feedUrl !== feed.url;
  const result: FetchResult = await fetchFeed(
    requestForFeed(feed.url, feed, deps.fetch, {
      ...(!urlChanged && previous.etag ? { etag: previous.etag } : {}),
      ...(!urlChanged && previous.lastModified ? { lastModified: previous.lastModified } : {}),
      ...(deps.resolver ? { resolver: deps.resolver } : {}),
      ...(deps.proxy ? { proxy: deps.proxy } : {}),
      ...(deps.signal ? { signal: deps.signal } : {}),
    }),
  );

  let outcome: Omit<RefreshOutcome, 'state'>;
  const state: FeedState = {
    ...previous,
    feedUrl: feed.url,
    lastFetchAt: started.toISOString(),
    redirects: result.redirects.filter((r) => r.permanent),
  };
  let ttlMinutes: number | null = null;
  /** Articles added or changed by this refresh, whose pages full text fetches. */
  let forFullText: Article[] = [];

  if (result.kind === 'modified') {
    try {
      const read = await (deps.readDocument ?? readDocument)({
        bytes: result.body,
        ...(result.contentType ? { contentType: result.contentType } : {}),
        url: result.finalUrl,
        maxBytes: settings.maxBodyBytes,
      });
      const input: NormalizeInput = { url: result.finalUrl, feed, fetchedAt: started, tagger: deps.tagger };
      const doc = await normalizeDocument(read, { ...input, isUnchanged: await knownHashes(read, input, deps.store) });
      const written = await upsertInBatches(deps.store, deps.assignStories ? await deps.assignStories(doc.articles) : doc.articles);
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
      const changed = new Set([...written.added, ...written.updated].map((a) => a.id));
      forFullText = doc.articles.filter((a) => changed.has(a.id));
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

  // Also resumes the pages a restart left pending, whatever this fetch brought.
  if (deps.fullText && feed.fullText) deps.fullText.enqueue(feed, forFullText, previous.fullText);

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
    bounds: { minIntervalMinutes: settings.minIntervalMinutes, maxIntervalMinutes: settings.maxIntervalMinutes },
    random: (deps.random ?? Math.random)(),
  }).at.toISOString();

  await (deps.fullText ? deps.fullText.saveState(state) : safePutState(deps, state));
  deps.metrics?.feedFetches.inc({ feed: feed.id, outcome: result.kind === 'failed' ? 'failed' : outcome.status });
  deps.metrics?.fetchSeconds.observe({ feed: feed.id }, (finished.getTime() - started.getTime()) / 1000);
  const log = { feed: feed.id, status: outcome.status, http: result.status, added: outcome.added, updated: outcome.updated, next: state.nextFetchAt };
  if (outcome.error) deps.logger.warn({ ...log, code: outcome.error.code, err: redactUrlsIn(outcome.error.message) }, 'feed refresh failed');
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
 * normalizeDocument wants: a first pass over the read document (clean — no tagging, as every
 * item reads as unchanged) collects the ids, then ONE query fetches their hashes, so unchanged
 * items are not tagged again and normalizing stays free of I/O.
 * A stored full text (fullText) came from the same feed version when its feed part matches.
 */
async function knownHashes(read: ReadDocument, input: NormalizeInput, store: ArticleStoreApi): Promise<IsUnchanged> {
  const ids: string[] = [];
  await normalizeDocument(read, { ...input, isUnchanged: (id) => (ids.push(id), true) });
  const hashes = ids.length > 0 ? await store.getContentHashes(ids) : new Map<string, string>();
  return (id, hash) => sameFeedVersion(hashes.get(id), hash);
}
