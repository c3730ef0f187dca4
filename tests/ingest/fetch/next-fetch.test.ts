import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE_BOUNDS, planNextFetch, resolveBounds, type NextFetchInput } from '../../../src/ingest/fetch/next-fetch.ts';

const NOW = new Date('2024-05-05T10:00:00Z');
const MIN = 60_000;
/** random = 0.5 is no jitter; 0 is −10 %, 1 is +10 %. */
const base: NextFetchInput = { now: NOW, intervalMinutes: 15, outcome: 'ok', consecutiveFailures: 0, random: 0.5 };

describe('planNextFetch', () => {
  it.each<[string, Partial<NextFetchInput>, number, string]>([
    ['success on the interval', {}, 15 * MIN, 'interval'],
    ['notModified on the interval', { outcome: 'notModified' }, 15 * MIN, 'interval'],
    ['RSS ttl longer than the interval', { ttlMinutes: 60 }, 60 * MIN, 'ttl'],
    ['RSS ttl shorter than the interval is not a reason to poll faster', { ttlMinutes: 5 }, 15 * MIN, 'interval'],
    ['max-age longer than the interval', { freshness: { maxAgeSeconds: 3600 } }, 60 * MIN, 'max-age'],
    ['max-age 0 (no-cache) keeps the interval', { freshness: { maxAgeSeconds: 0 } }, 15 * MIN, 'interval'],
    ['Expires', { freshness: { expiresAt: '2024-05-05T10:45:00Z' } }, 45 * MIN, 'expires'],
    ['Expires in the past is ignored', { freshness: { expiresAt: '2024-05-05T09:00:00Z' } }, 15 * MIN, 'interval'],
    ['max-age past the max bound is clamped', { freshness: { maxAgeSeconds: 7 * 86400 } }, 1440 * MIN, 'max-age'],
    ['interval below the min bound is raised', { intervalMinutes: 1 }, 5 * MIN, 'interval'],
    ['configured bounds', { intervalMinutes: 1, bounds: { minIntervalMinutes: 2 } }, 2 * MIN, 'interval'],
    ['first failure retries on the interval', { outcome: 'failed', consecutiveFailures: 1 }, 15 * MIN, 'interval'],
    ['second failure doubles', { outcome: 'failed', consecutiveFailures: 2 }, 30 * MIN, 'backoff'],
    ['fourth failure is 8x', { outcome: 'failed', consecutiveFailures: 4 }, 120 * MIN, 'backoff'],
    ['backoff is capped at 24x the interval', { outcome: 'failed', consecutiveFailures: 9, intervalMinutes: 10 }, 240 * MIN, 'backoff'],
    ['backoff is capped by the max bound', { outcome: 'failed', consecutiveFailures: 9, bounds: { maxIntervalMinutes: 120 } }, 120 * MIN, 'backoff'],
    ['backoff never gives up, even after 10000 failures', { outcome: 'failed', consecutiveFailures: 10_000 }, 360 * MIN, 'backoff'],
    ['Retry-After longer than the backoff', { outcome: 'failed', consecutiveFailures: 1, freshness: { retryAfterSeconds: 3600 } }, 60 * MIN, 'retry-after'],
    ['Retry-After shorter than the backoff keeps the backoff', { outcome: 'failed', consecutiveFailures: 3, freshness: { retryAfterSeconds: 60 } }, 60 * MIN, 'backoff'],
    ['Retry-After past the max bound is clamped', { outcome: 'failed', consecutiveFailures: 1, freshness: { retryAfterSeconds: 3 * 86400 } }, 1440 * MIN, 'retry-after'],
  ])('%s', (_name, patch, delayMs, reason) => {
    const plan = planNextFetch({ ...base, ...patch });
    expect(plan.delayMs).toBe(delayMs);
    expect(plan.reason).toBe(reason);
    expect(plan.at.getTime()).toBe(NOW.getTime() + delayMs);
  });

  it.each([
    [0, 13.5 * MIN],
    [0.25, 14.25 * MIN],
    [1, 16.5 * MIN],
  ])('jitter of random=%s spreads a 15 min interval to %i ms (±10 %%)', (random, delayMs) => {
    expect(planNextFetch({ ...base, random }).delayMs).toBe(delayMs);
  });

  it('jitter never takes the delay below the min bound or the Retry-After floor', () => {
    expect(planNextFetch({ ...base, intervalMinutes: 5, random: 0 }).delayMs).toBe(5 * MIN);
    const plan = planNextFetch({ ...base, outcome: 'failed', consecutiveFailures: 1, freshness: { retryAfterSeconds: 3600 }, random: 0 });
    expect(plan.delayMs).toBe(60 * MIN);
  });

  it('documents its defaults and keeps min ≤ max', () => {
    expect(DEFAULT_SCHEDULE_BOUNDS).toEqual({ minIntervalMinutes: 5, maxIntervalMinutes: 1440, maxBackoffFactor: 24, jitterRatio: 0.1 });
    expect(resolveBounds({ minIntervalMinutes: 30, maxIntervalMinutes: 10 })).toMatchObject({ minIntervalMinutes: 30, maxIntervalMinutes: 30 });
    expect(resolveBounds({ minIntervalMinutes: Number.NaN })).toMatchObject({ minIntervalMinutes: 5 });
  });
});
