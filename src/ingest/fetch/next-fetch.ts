/**
 * When to fetch a feed next: a pure function of the last outcome, the feed's interval, what the
 * publisher asked for (Cache-Control max-age, Expires, RSS `<ttl>`, Retry-After) and the
 * operator's bounds. Polite by construction: never sooner than the interval or than the site
 * asked, backing off exponentially while a feed fails, and never giving up on it for good.
 * Jitter comes in as a number so the plan is deterministic in tests.
 */
import type { FreshnessHints } from './fetch.types.ts';

/** The operator's bounds on polling (same names as the `fetch` section of feeds.json). */
export interface FetchScheduleBounds {
  /** No feed is fetched more often than this, whatever its interval. Default 5. */
  readonly minIntervalMinutes: number;
  /** No feed waits longer than this, whatever the site asks or however long it failed. Default 1440 (24 h). */
  readonly maxIntervalMinutes: number;
  /** Backoff stops growing at this multiple of the interval. Default 24. */
  readonly maxBackoffFactor: number;
  /** Spread of the jitter, as a fraction of the delay (0.1 = ±10 %), so feeds do not fetch in lockstep. Default 0.1. */
  readonly jitterRatio: number;
}

/** The defaults of {@link FetchScheduleBounds}. */
export const DEFAULT_SCHEDULE_BOUNDS: FetchScheduleBounds = Object.freeze({
  minIntervalMinutes: 5,
  maxIntervalMinutes: 24 * 60,
  maxBackoffFactor: 24,
  jitterRatio: 0.1,
});

/** What the last fetch came to. */
export type FetchOutcome = 'ok' | 'notModified' | 'failed';

/** Inputs of {@link planNextFetch}. */
export interface NextFetchInput {
  readonly now: Date;
  readonly intervalMinutes: number;
  readonly outcome: FetchOutcome;
  /** Failures in a row, this one included (0 after a success). */
  readonly consecutiveFailures: number;
  readonly freshness?: FreshnessHints;
  /** RSS `<ttl>`, minutes. */
  readonly ttlMinutes?: number | null;
  readonly bounds?: Partial<FetchScheduleBounds>;
  /** A uniform number in [0, 1) (e.g. Math.random()), mapped to ±jitterRatio of the delay. */
  readonly random: number;
}

/** What decided the delay, for logs and the feed's status. */
export type NextFetchReason = 'interval' | 'ttl' | 'max-age' | 'expires' | 'retry-after' | 'backoff';

/** The plan: when, after how long, and why. */
export interface NextFetchPlan {
  readonly at: Date;
  readonly delayMs: number;
  readonly reason: NextFetchReason;
}

const MINUTE = 60_000;

/**
 * Plans the next fetch. Success (ok or notModified): the longest of the interval, `<ttl>`,
 * max-age and Expires. Failure: interval × 2^(failures−1), capped at maxBackoffFactor × interval.
 * Retry-After, when given, is a floor in both cases. Then ± jitter, then the bounds; the
 * Retry-After floor survives the jitter as long as it is within the bounds.
 */
export function planNextFetch(input: NextFetchInput): NextFetchPlan {
  const bounds = resolveBounds(input.bounds);
  const minMs = bounds.minIntervalMinutes * MINUTE;
  const maxMs = bounds.maxIntervalMinutes * MINUTE;
  const intervalMs = positive(input.intervalMinutes) * MINUTE || minMs;
  const now = input.now.getTime();
  const hints = input.freshness ?? {};

  const candidates: [NextFetchReason, number][] = [];
  if (input.outcome === 'failed') {
    const n = Math.max(1, Number.isFinite(input.consecutiveFailures) ? Math.floor(input.consecutiveFailures) : 1);
    const cap = intervalMs * Math.max(1, bounds.maxBackoffFactor);
    candidates.push([n === 1 ? 'interval' : 'backoff', Math.min(cap, intervalMs * 2 ** Math.min(n - 1, 52))]);
  } else {
    candidates.push(['interval', intervalMs]);
    if (positive(input.ttlMinutes)) candidates.push(['ttl', positive(input.ttlMinutes) * MINUTE]);
    if (positive(hints.maxAgeSeconds)) candidates.push(['max-age', positive(hints.maxAgeSeconds) * 1000]);
    const expires = hints.expiresAt === undefined ? NaN : Date.parse(hints.expiresAt) - now;
    if (expires > 0) candidates.push(['expires', expires]);
  }
  const retryAfterMs = positive(hints.retryAfterSeconds) * 1000;
  if (retryAfterMs > 0) candidates.push(['retry-after', retryAfterMs]);

  const [reason, chosen] = candidates.reduce((best, c) => (c[1] > best[1] ? c : best));
  let delay = chosen;
  const r = Number.isFinite(input.random) ? Math.min(Math.max(input.random, 0), 1) : 0.5;
  delay *= 1 + bounds.jitterRatio * (2 * r - 1);
  delay = clamp(delay, minMs, maxMs);
  if (retryAfterMs > 0 && delay < retryAfterMs) delay = Math.min(retryAfterMs, maxMs);
  delay = Math.round(delay);
  return { at: new Date(now + delay), delayMs: delay, reason };
}

/** The bounds over the defaults, with min ≤ max enforced. */
export function resolveBounds(partial: Partial<FetchScheduleBounds> | undefined): FetchScheduleBounds {
  const b = { ...DEFAULT_SCHEDULE_BOUNDS };
  for (const key of Object.keys(b) as (keyof FetchScheduleBounds)[]) {
    const value = partial?.[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) b[key] = value;
  }
  if (b.maxIntervalMinutes < b.minIntervalMinutes) b.maxIntervalMinutes = b.minIntervalMinutes;
  return b;
}

function positive(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
