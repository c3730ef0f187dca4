/**
 * When a failed webhook delivery is tried again: exponential backoff, `base · 2^(attempts−1)`,
 * capped, and given up after `maxAttempts` (the delivery then shows `FAILED` with its last
 * error). Pure.
 */

export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  readonly maxAttempts: number;
}

/** 10 s, 20 s, 40 s, … capped at an hour; 12 attempts span about 5 hours. */
export const DEFAULT_BACKOFF: BackoffPolicy = Object.freeze({ baseMs: 10_000, maxMs: 3_600_000, maxAttempts: 12 });

/** Delay before the next attempt after `attempts` failed ones, or undefined when it is time to give up. */
export function nextDelay(policy: BackoffPolicy, attempts: number): number | undefined {
  if (attempts >= policy.maxAttempts) return undefined;
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
}
