/**
 * GET /health: is this replica fit to serve? 200 when the store answers, 503 when it does not,
 * with a summary of the feeds so an operator sees failing ones at a glance.
 */
import type { FeedConfig, FeedState } from '../model/feed.ts';

export interface HealthReport {
  status: 'ok' | 'degraded';
  /** The engine only (sqlite, postgres, redis, memory): never a file path, host or credentials. */
  store: { engine: string; reachable: boolean };
  articles: number;
  feeds: { total: number; enabled: number; ok: number; failing: number; neverFetched: number };
  uptimeSeconds: number;
  version: string;
}


/** How long /health waits for the store before it reports it unreachable (the answer comes within a second). */
export const HEALTH_STORE_TIMEOUT_MS = 400;

/** The scheme of a store URL, without the rest (a path or host is nobody's business on a public endpoint). */
function storeEngine(storeUrl: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(storeUrl)?.[1]?.toLowerCase() ?? 'unknown';
  return scheme === 'rediss' ? 'redis' : scheme === 'postgresql' ? 'postgres' : scheme;
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
    store: { engine: storeEngine(input.storeUrl), reachable: input.reachable },
    articles: input.articles,
    feeds: { total: input.feeds.length, enabled: input.feeds.filter((f) => f.enabled).length, ok, failing, neverFetched },
    uptimeSeconds: Math.round((input.now - input.startedAt) / 1000),
    version: input.version,
  };
}
