/**
 * Prometheus metrics, served on GET /metrics. One registry per process; the pipeline and the
 * server record into the instruments defined here, so every metric is named in one place.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  /** Fetches by feed and outcome (modified, not_modified, failed). */
  readonly feedFetches: Counter<'feed' | 'outcome'>;
  readonly fetchSeconds: Histogram<'feed'>;
  /** Articles written, by feed and kind (added, updated). */
  readonly articlesIngested: Counter<'feed' | 'kind'>;
  readonly articlesHeld: Gauge;
  readonly feedsFailing: Gauge;
  /** GraphQL operations by name (bounded, see operationLabel), type and outcome (ok, error, refused). */
  readonly graphqlOperations: Counter<'operation' | 'type' | 'outcome'>;
  readonly graphqlSeconds: Histogram<'operation' | 'type'>;
  /** HTTP requests by route (a fixed set), method and status class. */
  readonly httpRequests: Counter<'route' | 'method' | 'status'>;
  readonly httpSeconds: Histogram<'route' | 'method'>;
}

/** Latency buckets of requests (seconds): the 50 ms target sits between two of them. */
const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Creates a registry with Node's default metrics under their standard names
 * (`process_cpu_seconds_total`, `nodejs_eventloop_lag_seconds`, … — what stock dashboards query)
 * and newsgate's own, prefixed `newsgate_`.
 */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    feedFetches: new Counter({ name: 'newsgate_feed_fetches_total', help: 'Feed fetches by outcome', labelNames: ['feed', 'outcome'], registers: [registry] }),
    fetchSeconds: new Histogram({
      name: 'newsgate_feed_fetch_seconds',
      help: 'Time to fetch and process one feed',
      labelNames: ['feed'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    articlesIngested: new Counter({ name: 'newsgate_articles_ingested_total', help: 'Articles added or updated', labelNames: ['feed', 'kind'], registers: [registry] }),
    articlesHeld: new Gauge({ name: 'newsgate_articles', help: 'Articles held in the store', registers: [registry] }),
    feedsFailing: new Gauge({ name: 'newsgate_feeds_failing', help: 'Feeds whose last fetch failed', registers: [registry] }),
    graphqlOperations: new Counter({
      name: 'newsgate_graphql_operations_total',
      help: 'GraphQL operations by operation name, type and outcome (ok, error, refused)',
      labelNames: ['operation', 'type', 'outcome'],
      registers: [registry],
    }),
    graphqlSeconds: new Histogram({
      name: 'newsgate_graphql_operation_seconds',
      help: 'Time from request start to response, per GraphQL operation',
      labelNames: ['operation', 'type'],
      buckets: REQUEST_BUCKETS,
      registers: [registry],
    }),
    httpRequests: new Counter({ name: 'newsgate_http_requests_total', help: 'HTTP requests by route, method and status', labelNames: ['route', 'method', 'status'], registers: [registry] }),
    httpSeconds: new Histogram({
      name: 'newsgate_http_request_seconds',
      help: 'HTTP request duration by route and method',
      labelNames: ['route', 'method'],
      buckets: REQUEST_BUCKETS,
      registers: [registry],
    }),
  };
}
