/**
 * Wiring: config → dictionaries → store → pipeline → GraphQL → HTTP/WebSocket. `startGateway`
 * is what `npm start` runs and what the end-to-end tests start in-process; `stop()` is the
 * graceful shutdown (stop polling, finish writes, close the store).
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config, FeedsSettings } from '../config/config.types.ts';
import type { Logger } from '../observability/logger.ts';
import type { Tracing } from '../observability/tracing.ts';
import { createMetrics, type Metrics } from '../observability/metrics.ts';
import { withRequestContext } from '../observability/request-context.ts';
import type { FeedConfig } from '../model/feed.ts';
import { createDefaultTagger } from '../normalize/gazetteer/create-default-tagger.ts';
import { HostLimiter } from '../ingest/fetch/host-limiter.ts';
import { FeedScheduler } from '../pipeline/feed-scheduler.ts';
import { FirstRoundReport, roundOutcome } from '../pipeline/first-round-report.ts';
import { FullTextWorker } from '../pipeline/full-text-worker.ts';
import { ParseWorkerPool } from '../pipeline/parse-worker-pool.ts';
import type { Candidate } from '../normalize/gazetteer/tagger.types.ts';
import type { ArticleStore } from '../store/article-store.ts';
import { CandidateStore } from '../store/candidate-store.ts';
import { KeyvResponseCache } from '../store/response-cache-store.ts';
import { createChangeNotifier, openCoordination } from '../store/coordination/open-coordination.ts';
import { openStoreWithRetry } from './open-store.ts';
import { createStoryAssigner } from '../stories/assign-stories.ts';
import { ResilientCache } from '../store/resilient-cache.ts';
import { buildGatewaySchema, createApolloServer } from '../graphql/schema.ts';
import { createGraphqlHttpHandler } from '../graphql/http.ts';
import type { GatewayServices } from '../graphql/context.ts';
import { attachSubscriptions } from './subscriptions.ts';
import { withDeadline } from '../model/deadline.ts';
import { buildHealthReport, HEALTH_STORE_TIMEOUT_MS } from './health.ts';
import { createProbeHandler } from './probes.ts';
import { createCors } from './cors.ts';
import { watchFeedsFile } from './watch-feeds-file.ts';
import { assertFeedReferences } from '../config/check-references.ts';
import { startSearches } from './start-searches.ts';
import { VERSION } from './version.ts';

/** How often retention is enforced when no article arrives. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** How long requests under way may take to finish on shutdown (inside docker stop's 10 s). */
const DRAIN_GRACE_MS = 5_000;
/** How often a per-process response cache is emptied of entries no key can reach any more. */
const CACHE_SWEEP_MS = 10 * 60 * 1000;

export interface Gateway {
  /** e.g. http://127.0.0.1:4000 */
  readonly url: string;
  readonly port: number;
  readonly store: ArticleStore;
  readonly scheduler: FeedScheduler;
  readonly metrics: Metrics;
  /** Graceful: stops polling, waits for writes, closes connections and the store. */
  stop(): Promise<void>;
}

export interface GatewayOptions {
  readonly logger: Logger;
  /** Watch feeds.json for edits (default true). */
  readonly watchConfig?: boolean;
  /** Scheduler tick (tests use a short one). */
  readonly tickMs?: number;
}

/** Starts everything; resolves once the port listens and the store has been restored. */
export async function startGateway(config: Config, opts: GatewayOptions): Promise<Gateway> {
  const { logger } = opts;
  const startedAt = Date.now();
  // OpenTelemetry only when asked for: the SDK is imported then, before the HTTP server exists.
  let storeEngine: string | undefined;
  const tracing: Tracing | undefined = config.otelEndpoint
    ? (await import('../observability/tracing.ts')).startTracing({
        endpoint: config.otelEndpoint,
        serviceName: config.otelServiceName ?? 'newsgate',
        version: VERSION,
        dbSystem: () => (storeEngine === 'postgres' ? 'postgresql' : storeEngine),
      })
    : undefined;
  if (tracing) logger.info({ endpoint: config.otelEndpoint }, 'OpenTelemetry traces on');
  const metrics = createMetrics();
  const { tagger, catalog } = await createDefaultTagger({ extraFiles: [...config.feeds.dictionaries] });
  logger.info({ actors: catalog.actors.length, regions: catalog.regions.length, topics: catalog.topics.length }, 'dictionaries loaded');
  assertFeedReferences(config.feeds, catalog);

  // PostgreSQL: other replicas' changes arrive through LISTEN/NOTIFY (connected once the store is open).
  const notifier = createChangeNotifier(config.storeUrl, logger);
  // Nothing to restore: the database answers every query. An unreachable one is waited for.
  const store = await openStoreWithRetry({
    ...(notifier ? { notifier } : {}),
    url: config.storeUrl,
    regionAncestors: (id: string) => catalog.regionAncestors(id),
    topicAncestors: (id: string) => catalog.topicAncestors(id),
    retention: config.feeds.retention,
    logger,
    ...(tracing ? { trace: tracing.traceDatabase } : {}),
  });
  storeEngine = store.database.engine;
  logger.info({ store: store.database.where, engine: store.database.engine, ms: Date.now() - startedAt }, 'store open');
  const candidates = await CandidateStore.open({ db: store.db, where: store.database.where, logger });
  const coordination = await openCoordination(config.storeUrl, logger, notifier ? { notifier, store } : undefined);

  let feeds: FeedsSettings = config.feeds;
  const limiter = new HostLimiter({
    concurrency: feeds.fetch.concurrency,
    perHostConcurrency: feeds.fetch.perHostConcurrency,
    perHostSpacingMs: feeds.fetch.perHostSpacingMs,
  });
  const onCandidates = (_feedId: string, found: ReadonlyMap<string, readonly Candidate[]>): void => {
    for (const [articleId, list] of found) candidates.record(articleId, list);
  };
  // Article pages (fullText) share the feeds' limiter: one site, one per-host limit.
  const fullText = new FullTextWorker({ store, tagger, fetch: feeds.fetch, limiter, logger, onCandidates, ...(config.proxy ? { proxy: config.proxy } : {}) });
  // One line when nothing at all is reachable after the first round (offline first run).
  const firstRound = new FirstRoundReport(
    feeds.feeds.filter((f) => f.enabled).map((f) => f.id),
    (summary) => logger.warn({ event: 'no-feed-reachable' }, summary),
  );
  // Large feed documents are decoded and parsed in a worker thread, off the event loop.
  const parsePool = new ParseWorkerPool({ logger });
  const scheduler = new FeedScheduler({
    refresh: {
      store,
      tagger,
      readDocument: parsePool.read,
      assignStories: createStoryAssigner(store, (id) => catalog.regionAncestors(id)),
      fetch: feeds.fetch,
      ...(config.proxy ? { proxy: config.proxy } : {}),
      logger,
      metrics,
      onCandidates,
      fullText,
    },
    limiter,
    lock: coordination.lock,
    logger,
    ...(opts.tickMs ? { tickMs: opts.tickMs } : {}),
    onOutcome: (outcome) => firstRound.record(roundOutcome(outcome)),
  });
  scheduler.setFeeds(feeds.feeds);

  // Saved searches: their feeds, exports, webhooks and API (src/server/start-searches.ts).
  const searches = startSearches({ store, catalog, feeds: () => feeds.feeds, searches: feeds.searches ?? [], allowPrivateAddresses: () => feeds.fetch.allowPrivateAddresses, ...(config.webhookSecret ? { webhookSecret: config.webhookSecret } : {}), logger });
  const services: GatewayServices = {
    searches: searches.api,
    store,
    sql: { db: store.db, dialect: store.database.dialect },
    catalog,
    feeds: (): readonly FeedConfig[] => feeds.feeds,
    refreshFeed: async (id: string) => {
      const outcome = await scheduler.refreshNow(id);
      if (!outcome) {
        return {
          status: 'skipped',
          added: 0,
          updated: 0,
          error: 'not refreshed: another replica holds this feed, the store could not be reached, or newsgate is shutting down; see the logs and try again',
        };
      }
      return {
        status: outcome.status,
        added: outcome.added,
        updated: outcome.updated,
        ...(outcome.error ? { error: `${outcome.error.code}: ${outcome.error.message}` } : {}),
      };
    },
    ...(config.adminToken ? { adminToken: config.adminToken } : {}),
    candidates: {
      top: async (n, minMentions) =>
        (await candidates.top(n, minMentions)).map((c) => ({
          name: c.name,
          kind: c.kind,
          mentions: c.mentions,
          articleCount: c.articles,
          articleIds: c.sampleArticleIds,
          lastSeenAt: c.lastSeen,
        })),
    },
    events: { subscribe: (listener) => store.onArticle((article) => listener(article)) },
  };
  // Any change to the articles moves the generation, which is part of every response cache key.
  let generation = 0;
  const bootId = randomUUID();
  // Remote changes included (the notifier hands them to the store); after a lost notification
  // connection, changes may have been missed: start a new generation then too.
  const stopGeneration = store.onChange(() => void generation++);
  const stopResync = coordination.onResync(() => void generation++);
  // Per process by default (memory://); CACHE_URL=redis://… shares it across replicas.
  const responseCache = config.responseCache ? await KeyvResponseCache.open(config.cacheUrl, { logger }) : undefined;
  // Redis expires cache entries itself; memory only drops an expired entry when it is read, and
  // entries of past generations are never read again, so that cache is emptied now and then.
  const cacheSweep =
    responseCache && !/^rediss?:/i.test(config.cacheUrl)
      ? setInterval(() => void responseCache.clear().catch(() => undefined), CACHE_SWEEP_MS)
      : undefined;
  cacheSweep?.unref();
  const apollo = createApolloServer(services, {
    logger,
    metrics,
    ...(config.queryLimits ? { queryLimits: config.queryLimits } : {}),
    ...(tracing ? { tracing } : {}),
    // Bypassed (never waited on) while its backend is down: see src/store/resilient-cache.ts.
    ...(responseCache ? { responseCache: { cache: new ResilientCache(responseCache, { logger }), generation: () => `${bootId}:${generation}` } } : {}),
  });
  await apollo.start();
  const graphqlHandler = createGraphqlHttpHandler(apollo, services, config.queryLimits ? { maxBatch: config.queryLimits.maxBatch } : {});

  const cors = createCors(config.corsOrigins ?? []);
  let serving = false;
  const probes = createProbeHandler({ ping: () => store.ping(), started: () => serving });
  const server = http.createServer(withRequestContext({ logger, metrics }, (req, res) => {
    void route(req, res).catch((err: unknown) => {
      logger.error({ err: String(err), url: req.url }, 'request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'internal error' }));
    });
  }));
  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (cors(req, res)) return;
    if (await probes(req, res)) return;
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      // Bounded waits: a database that hangs is reported, not waited on.
      const reachable = await withDeadline(store.ping().catch(() => false), HEALTH_STORE_TIMEOUT_MS, () => false);
      const [states, articles] = reachable
        ? await Promise.all([
            withDeadline(store.getFeedStates(feeds.feeds.map((f) => f.id)).catch(() => []), HEALTH_STORE_TIMEOUT_MS, () => []),
            withDeadline(store.size().catch(() => 0), HEALTH_STORE_TIMEOUT_MS, () => 0),
          ])
        : [[], 0];
      const report = buildHealthReport({ storeUrl: config.storeUrl, reachable, articles, feeds: feeds.feeds, states, startedAt, now: Date.now(), version: VERSION });
      metrics.feedsFailing.set(report.feeds.failing);
      res.writeHead(reachable ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(report));
      return;
    }
    if (path === '/metrics' && req.method === 'GET') {
      const held = await store.size().catch(() => undefined);
      if (held !== undefined) metrics.articlesHeld.set(held);
      const states = await store.getFeedStates(feeds.feeds.map((f) => f.id)).catch(() => []);
      metrics.feedsFailing.set(states.filter((st) => (st?.consecutiveFailures ?? 0) > 0).length);
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(await metrics.registry.metrics());
      return;
    }
    if (path === '/') {
      res.writeHead(302, { location: '/graphql' });
      res.end();
      return;
    }
    if (await graphqlHandler(req, res)) return;
    if (await searches.route(req, res)) return;
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: `no route for ${req.method} ${path}; the API is at /graphql, health at /health (probes /healthz, /readyz), metrics at /metrics` }));
  }

  const subscriptions = attachSubscriptions(server, await buildGatewaySchema(), services, logger);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host}:${port}`;
  logger.info({ url: `${url}/graphql`, port }, 'newsgate listening');

  const watcher =
    opts.watchConfig === false
      ? undefined
      : watchFeedsFile(config.feedsFile, (next) => {
          try {
            assertFeedReferences(next, catalog);
          } catch (err) {
            logger.error({ err: String((err as Error).message) }, 'feeds.json not reloaded: fix it and save again; the previous version stays in force');
            return;
          }
          // Feeds and retention apply at once; `fetch` limits and `dictionaries` at the next start.
          feeds = next;
          scheduler.setFeeds(next.feeds);
          searches.setConfig(next.searches ?? []);
          store.setRetention(next.retention);
          void store.prune().catch((err: unknown) => logger.warn({ err: String(err) }, 'retention prune failed'));
        }, logger, config.feeds);
  // Retention also runs on every write; this catches articles ageing out while nothing arrives.
  const pruneTimer = setInterval(() => {
    store.prune().catch((err: unknown) => logger.warn({ err: String(err) }, 'retention prune failed'));
  }, PRUNE_EVERY_MS);
  pruneTimer.unref();
  if (config.poll) await scheduler.start();
  else logger.info('POLL=false: serving stored articles without fetching');
  serving = true;

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    store,
    scheduler,
    metrics,
    stop() {
      stopping ??= (async () => {
        logger.info('shutting down: stopping polling and finishing writes');
        serving = false;
        watcher?.close();
        clearInterval(pruneTimer);
        if (cacheSweep) clearInterval(cacheSweep);
        // No new requests (and so no new refreshFeed) first; then let the fetches under way finish.
        const httpClosed = new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        // Requests under way get DRAIN_GRACE_MS to finish; keep-alive sockets still open then are cut.
        const drainCut = setTimeout(() => server.closeAllConnections(), DRAIN_GRACE_MS);
        void httpClosed.then(() => clearTimeout(drainCut));
        await subscriptions.close();
        await scheduler.stop();
        await parsePool.close();
        await fullText.stop();
        await httpClosed;
        await apollo.stop();
        stopGeneration();
        stopResync();
        await responseCache?.close();
        await coordination.close();
        await candidates.close();
        await searches.stop();
        await store.close();
        // The spans still buffered go out before the process ends.
        await tracing?.shutdown().catch((err: unknown) => logger.warn({ err: String(err) }, 'OpenTelemetry: last spans not sent'));
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}
