/**
 * Bridges the services' event listener to the AsyncIterator graphql-js subscriptions consume:
 * events are filtered as they arrive, queued (bounded: a stalled client loses the oldest
 * events rather than growing memory), and the listener is removed when the client leaves.
 */

/** Events kept for a client that is not reading; older ones are dropped. */
export const MAX_QUEUED_EVENTS = 1000;

export interface EventSource<T> {
  subscribe(listener: (event: T) => void): () => void;
}

/**
 * An async iterator over the events of `source` that `accept` keeps; `beforeEach` runs before
 * each event is handed out (e.g. to clear per-request loader caches).
 */
export function filteredEventStream<T>(
  source: EventSource<T>,
  accept: (event: T) => boolean,
  beforeEach: () => void = () => {},
  limit = MAX_QUEUED_EVENTS,
): AsyncIterableIterator<T> {
  const queue: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | undefined;
  let done = false;
  const unsubscribe = source.subscribe((event) => {
    if (done || !accept(event)) return;
    if (waiting !== undefined) {
      const resolve = waiting;
      waiting = undefined;
      beforeEach();
      resolve({ value: event, done: false });
      return;
    }
    queue.push(event);
    if (queue.length > limit) queue.shift();
  });
  const finish = (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      unsubscribe();
      queue.length = 0;
      waiting?.({ value: undefined, done: true });
      waiting = undefined;
    }
    return Promise.resolve({ value: undefined, done: true });
  };
  return {
    next(): Promise<IteratorResult<T>> {
      if (queue.length > 0) {
        beforeEach();
        return Promise.resolve({ value: queue.shift() as T, done: false });
      }
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    return: finish,
    throw(error?: unknown) {
      void finish();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
