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
}

/** Creates a registry with Node's default metrics and newsgate's own. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'newsgate_' });
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
  };
}
