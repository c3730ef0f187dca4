/**
 * Runs fetches under three politeness limits at once: a global concurrency limit (the machine
 * and its network), a per-host concurrency limit (one site never sees more than N requests of
 * ours in flight, however many of its feeds we poll), and a minimum spacing between the starts
 * of requests to the same host. Tasks start in the order they were queued, except that a task
 * waiting on a busy host never holds back a task for another host.
 */

/** Limits of a {@link HostLimiter}. */
export interface HostLimiterOptions {
  /** Tasks in flight over all hosts. Default 4. */
  readonly concurrency?: number;
  /** Tasks in flight per host. Default 1. */
  readonly perHostConcurrency?: number;
  /** Minimum time between the starts of two tasks for the same host, ms. Default 1000. */
  readonly perHostSpacingMs?: number;
  /** Clock, for tests. Default Date.now. */
  readonly now?: () => number;
}

interface Pending {
  readonly host: string;
  readonly start: () => void;
}

interface HostState {
  active: number;
  /** Epoch ms before which no task for this host may start. */
  notBefore: number;
}

/** The key requests are grouped under: host and port, lower case; the raw string if it is not a URL. */
export function hostKey(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host.toLowerCase() || parsed.href;
  } catch {
    return url;
  }
}

/** Global and per-host concurrency with per-host spacing. Implements the scheduler's TaskLimiter. */
export class HostLimiter {
  private readonly concurrency: number;
  private readonly perHost: number;
  private readonly spacingMs: number;
  private readonly now: () => number;
  private readonly queue: Pending[] = [];
  private readonly hosts = new Map<string, HostState>();
  private active = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;

  constructor(options: HostLimiterOptions = {}) {
    this.concurrency = atLeastOne(options.concurrency, 4);
    this.perHost = atLeastOne(options.perHostConcurrency, 1);
    this.spacingMs = Math.max(0, options.perHostSpacingMs ?? 1000);
    this.now = options.now ?? Date.now;
  }

  /** Tasks running now. */
  get running(): number {
    return this.active;
  }

  /** Tasks waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Runs `task` when the limits allow a request to `url`'s host; settles as the task does. */
  run<T>(url: string, task: () => Promise<T>): Promise<T> {
    const host = hostKey(url);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        host,
        start: () => {
          let result: Promise<T>;
          try {
            result = task();
          } catch (err) {
            result = Promise.reject(err);
          }
          result.then(resolve, reject).finally(() => this.release(host));
        },
      });
      this.pump();
    });
  }

  private release(host: string): void {
    this.active -= 1;
    const state = this.hosts.get(host);
    if (state) {
      state.active -= 1;
      if (state.active === 0 && state.notBefore <= this.now() && !this.queue.some((p) => p.host === host)) this.hosts.delete(host);
    }
    this.pump();
  }

  private pump(): void {
    const now = this.now();
    let wakeAt = Infinity;
    for (let i = 0; i < this.queue.length && this.active < this.concurrency; ) {
      const pending = this.queue[i]!;
      const state = this.hosts.get(pending.host) ?? { active: 0, notBefore: 0 };
      if (state.active >= this.perHost) {
        i += 1;
        continue;
      }
      if (state.notBefore > now) {
        wakeAt = Math.min(wakeAt, state.notBefore);
        i += 1;
        continue;
      }
      this.queue.splice(i, 1);
      state.active += 1;
      state.notBefore = now + this.spacingMs;
      this.hosts.set(pending.host, state);
      this.active += 1;
      pending.start();
    }
    this.schedule(wakeAt);
  }

  private schedule(at: number): void {
    if (at === Infinity || at >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.pump();
    }, Math.max(0, at - this.now()));
  }
}

function atLeastOne(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}
