/**
 * A bound on how long newsgate waits for a backend (a store ping, a cache read): past the
 * deadline the caller goes on with a fallback and the late answer is ignored. This is what
 * keeps /health and queries answering while Redis or a database is gone and its client queues
 * commands until it comes back.
 */

/** Resolves with `promise`'s value, or with `fallback()` once `ms` have passed (whichever is first). */
export function withDeadline<T>(promise: Promise<T>, ms: number, fallback: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => resolve(fallback()), ms);
    timer.unref?.();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
