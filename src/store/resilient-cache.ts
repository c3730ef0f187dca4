/**
 * The response cache is an optimisation: while its backend (Redis, a database) is gone, queries
 * must be answered without it, not wait for it. This wraps any Apollo KeyValueCache with a
 * deadline on every call and a circuit breaker: after a few failures or timeouts in a row the
 * cache is bypassed outright (a miss, a skipped write) for a cool-down, then one call probes
 * the backend again, and a success closes the circuit. Nothing to restart when it comes back.
 */
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { withDeadline } from '../model/deadline.ts';

/** Tuning of {@link ResilientCache}; the defaults suit a cache on the same network. */
export interface ResilientCacheOptions {
  /** Longest wait for one cache call. */
  readonly timeoutMs?: number;
  /** Failures (errors or timeouts) in a row that open the circuit. */
  readonly failuresToOpen?: number;
  /** How long the cache is bypassed before one call tries it again. */
  readonly coolDownMs?: number;
  /** Told when the circuit opens or closes (a pino logger fits). */
  readonly logger?: { warn(obj: object, msg?: string): void; info(obj: object, msg?: string): void };
  readonly now?: () => number;
}

/** Defaults of {@link ResilientCacheOptions}. */
export const RESILIENT_CACHE_DEFAULTS = Object.freeze({ timeoutMs: 150, failuresToOpen: 3, coolDownMs: 5_000 });

const TIMED_OUT = Symbol('timed out');

/** A KeyValueCache that never makes a caller wait longer than `timeoutMs`, and skips a dead backend. */
export class ResilientCache implements KeyValueCache<string> {
  private failures = 0;
  private openUntil = 0;
  private probing = false;
  private readonly timeoutMs: number;
  private readonly failuresToOpen: number;
  private readonly coolDownMs: number;
  private readonly now: () => number;

  constructor(
    private readonly inner: KeyValueCache<string>,
    private readonly options: ResilientCacheOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? RESILIENT_CACHE_DEFAULTS.timeoutMs;
    this.failuresToOpen = options.failuresToOpen ?? RESILIENT_CACHE_DEFAULTS.failuresToOpen;
    this.coolDownMs = options.coolDownMs ?? RESILIENT_CACHE_DEFAULTS.coolDownMs;
    this.now = options.now ?? Date.now;
  }

  /** True while the backend is being bypassed. */
  get open(): boolean {
    return this.openUntil > this.now();
  }

  async get(key: string): Promise<string | undefined> {
    return this.call(() => this.inner.get(key), undefined);
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    await this.call(() => this.inner.set(key, value, options), undefined);
  }

  async delete(key: string): Promise<boolean | void> {
    return this.call(() => this.inner.delete(key), false);
  }

  /** Runs one cache call within the deadline, or returns `fallback` at once while the circuit is open. */
  private async call<T>(run: () => Promise<T>, fallback: T): Promise<T> {
    if (this.openUntil > this.now()) return fallback;
    if (this.openUntil !== 0) {
      // Cool-down over: one probe at a time; the others keep bypassing until it answers.
      if (this.probing) return fallback;
      this.probing = true;
    }
    try {
      const result = await withDeadline<T | typeof TIMED_OUT>(run(), this.timeoutMs, () => TIMED_OUT);
      if (result === TIMED_OUT) {
        this.failed('timeout');
        return fallback;
      }
      this.succeeded();
      return result;
    } catch (err) {
      this.failed(err instanceof Error ? err.message : String(err));
      return fallback;
    } finally {
      this.probing = false;
    }
  }

  private failed(why: string): void {
    this.failures++;
    if (this.failures < this.failuresToOpen && this.openUntil === 0) return;
    const wasClosed = this.openUntil === 0;
    this.openUntil = this.now() + this.coolDownMs;
    if (wasClosed) this.options.logger?.warn({ why, coolDownMs: this.coolDownMs }, 'response cache unavailable; bypassing it');
  }

  private succeeded(): void {
    if (this.openUntil !== 0) this.options.logger?.info({}, 'response cache back; using it again');
    this.failures = 0;
    this.openUntil = 0;
  }
}
