/**
 * GET /health: is this replica fit to serve? 200 when the store answers, 503 when it does not,
 * with a summary of the feeds so an operator sees failing ones at a glance.
 */
import type { FeedConfig, FeedState } from '../model/feed.ts';
import { redactStoreUrl } from '../store/store-url.ts';

export interface HealthReport {
  status: 'ok' | 'degraded';
  store: { url: string; reachable: boolean };
  articles: number;
  feeds: { total: number; enabled: number; ok: number; failing: number; neverFetched: number };
  uptimeSeconds: number;
  version: string;
}


/** Builds the report from what the caller gathered (pure). */
export function buildHealthReport(input: {
  storeUrl: string;
  reachable: boolean;
  articles: number;
  feeds: readonly FeedConfig[];
  states: readonly (FeedState | undefined)[];
  startedAt: number;
  now: number;
  version: string;
}): HealthReport {
  let ok = 0;
  let failing = 0;
  let neverFetched = 0;
  input.feeds.forEach((feed, i) => {
    const state = input.states[i];
    if (!feed.enabled) return;
    if (!state?.lastFetchAt) neverFetched++;
    else if (state.consecutiveFailures > 0) failing++;
    else ok++;
  });
  return {
    status: input.reachable ? 'ok' : 'degraded',
    store: { url: redactStoreUrl(input.storeUrl), reachable: input.reachable },
    articles: input.articles,
    feeds: { total: input.feeds.length, enabled: input.feeds.filter((f) => f.enabled).length, ok, failing, neverFetched },
    uptimeSeconds: Math.round((input.now - input.startedAt) / 1000),
    version: input.version,
  };
}
