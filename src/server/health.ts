/**
 * GET /health: the detailed view for people (the probes are /healthz and /readyz). 200 when
 * the store answers, 503 when it does not, with a summary of the feeds so an operator sees
 * failing ones at a glance. "degraded" (still 200: the stored articles are served) when every
 * feed that has been fetched is failing — the gateway is up but nothing new comes in.
 */
import type { FeedConfig, FeedState } from '../model/feed.ts';

export interface HealthReport {
  status: 'ok' | 'degraded';
  /** Why the status is "degraded" (empty when "ok"). */
  reasons: string[];
  /** The engine only (sqlite, postgres, memory): never a file path, host or credentials. */
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
  const reasons: string[] = [];
  if (!input.reachable) reasons.push('the store does not answer');
  if (failing > 0 && ok === 0) reasons.push(`every feed fetched is failing (${failing} of ${failing + neverFetched} enabled)`);
  return {
    status: reasons.length === 0 ? 'ok' : 'degraded',
    reasons,
    store: { engine: storeEngine(input.storeUrl), reachable: input.reachable },
    articles: input.articles,
    feeds: { total: input.feeds.length, enabled: input.feeds.filter((f) => f.enabled).length, ok, failing, neverFetched },
    uptimeSeconds: Math.round((input.now - input.startedAt) / 1000),
    version: input.version,
  };
}
