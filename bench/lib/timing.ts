/**
 * Timing helpers. Every figure in the table is a median over repeated runs after warm-up
 * (the suites interleave the runs of a figure and its baseline), because the first runs of
 * JavaScript code measure the JIT, not the code, and a shared 2-core machine disturbs single
 * runs.
 */
import { performance } from 'node:perf_hooks';
import { summarize, type Summary } from './stats.ts';

/** Milliseconds since an arbitrary origin, sub-millisecond resolution. */
export const now = (): number => performance.now();

/** Runs `fn` once and returns its duration in ms (and its result). */
export async function timeOnce<T>(fn: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const start = now();
  const result = await fn();
  return { ms: now() - start, result };
}

/**
 * Per-call latency of a synchronous `fn` for about `budgetMs` (at least `minCalls` calls),
 * after `warmup` calls: for in-process query latency where each call is microseconds.
 */
export function sampleLatency(fn: (i: number) => unknown, options: { warmup: number; budgetMs: number; minCalls: number; maxCalls?: number }): Summary {
  for (let i = 0; i < options.warmup; i++) fn(i);
  const max = options.maxCalls ?? 1_000_000;
  const samples = new Float64Array(max);
  const deadline = now() + options.budgetMs;
  let n = 0;
  while (n < max && (n < options.minCalls || now() < deadline)) {
    const start = now();
    fn(n);
    samples[n++] = now() - start;
  }
  return summarize(samples.subarray(0, n));
}

/** {@link sampleLatency} for an async `fn` (database queries): each call awaited before the next. */
export async function sampleLatencyAsync(fn: (i: number) => Promise<unknown>, options: { warmup: number; budgetMs: number; minCalls: number; maxCalls?: number }): Promise<Summary> {
  for (let i = 0; i < options.warmup; i++) await fn(i);
  const max = options.maxCalls ?? 1_000_000;
  const samples = new Float64Array(max);
  const deadline = now() + options.budgetMs;
  let n = 0;
  while (n < max && (n < options.minCalls || now() < deadline)) {
    const start = now();
    await fn(n);
    samples[n++] = now() - start;
  }
  return summarize(samples.subarray(0, n));
}

/** Runs `global.gc` when node was started with --expose-gc, so heap figures exclude garbage. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

/** Heap used and RSS in bytes, after a GC when possible. */
export function memory(): { heapUsed: number; rss: number } {
  collectGarbage();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, rss: m.rss };
}
