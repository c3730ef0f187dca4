/**
 * Cooperative time slicing for CPU work on the event loop (parsing and normalizing a large feed
 * document): the work calls `tick()` between units, and every SLICE_MS it waits for one turn of
 * the event loop, so queries, health checks and other feeds get in. No threads, no behaviour
 * change: the same units run in the same order.
 */

/** How long one slice may hold the event loop. */
export const SLICE_MS = 10;

/** Resolves on the next turn of the event loop, after pending I/O. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Counts time since the last yield; `tick()` yields once the slice is used up. */
export class TimeSlicer {
  private sliceStart = performance.now();

  constructor(private readonly sliceMs: number = SLICE_MS) {}

  /** Yields when the current slice is over; otherwise returns at once (no await cost worth noting). */
  async tick(): Promise<void> {
    if (performance.now() - this.sliceStart <= this.sliceMs) return;
    await yieldToLoop();
    this.sliceStart = performance.now();
  }
}

/** Maps `items` in order, yielding between slices. */
export async function mapInSlices<T, U>(items: readonly T[], fn: (item: T, index: number) => U, slicer = new TimeSlicer()): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) {
    await slicer.tick();
    out.push(fn(items[i] as T, i));
  }
  return out;
}
