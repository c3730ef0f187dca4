/**
 * Cooperative time slicing for CPU work on the event loop (parsing and normalizing a large feed
 * document): the work calls `tick()` between units, and every SLICE_MS it waits for one turn of
 * the event loop, so queries, health checks and other feeds get in. No threads, no behaviour
 * change: the same units run in the same order.
 */

/** How long one slice may hold the event loop. */
export const SLICE_MS = 10;

/** Work waiting for its turn (see yieldToLoop), oldest first. */
const waiting: (() => void)[] = [];
let pumping = false;

/** Lets ONE waiting piece of work go on per turn of the event loop. */
function pump(): void {
  waiting.shift()?.();
  if (waiting.length > 0) setImmediate(pump);
  else pumping = false;
}

/**
 * Resolves on a later turn of the event loop, after pending I/O and timers. Work that yields at
 * the same time (several feeds ingested at once) goes on one piece per turn, in the order it
 * yielded: with a plain setImmediate, every piece queued for the same turn would run back to
 * back, and three 10 ms slices would hold the loop for 30 ms.
 */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!pumping) {
      pumping = true;
      setImmediate(pump);
    }
  });
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
