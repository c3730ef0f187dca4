/**
 * Opens the article store at start, waiting for the database instead of crash-looping: while it
 * is unreachable (STORE_UNAVAILABLE), one line per attempt names the URL (password hidden) and
 * the next try, with exponential backoff up to 30 s. Anything else (a bad URL, a 0.1 file, a
 * schema from a newer newsgate) is not going to fix itself and is thrown at once.
 */
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import { ArticleStore, type ArticleStoreOptions } from '../store/article-store.ts';
import { redactStoreUrl } from '../store/store-url.ts';

export interface OpenStoreRetry {
  /** First wait (ms), doubled per attempt (default 1000). */
  readonly initialDelayMs?: number;
  /** Longest wait (ms) (default 30 000). */
  readonly maxDelayMs?: number;
  /** Stops waiting (shutdown while the database is down). */
  readonly signal?: AbortSignal;
}

/** The delay before attempt `n` (1-based), pure. */
export function backoffDelay(attempt: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
}

/** ArticleStore.open, retried while the database is unreachable. */
export async function openStoreWithRetry(options: ArticleStoreOptions, retry: OpenStoreRetry = {}): Promise<ArticleStore> {
  const initial = retry.initialDelayMs ?? 1000;
  const max = retry.maxDelayMs ?? 30_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await ArticleStore.open(options);
    } catch (err) {
      if (!(err instanceof NewsgateError) || err.code !== ErrorCode.STORE_UNAVAILABLE) throw err;
      if (retry.signal?.aborted) throw err;
      const delay = backoffDelay(attempt, initial, max);
      options.logger?.error(
        { store: redactStoreUrl(options.url), attempt, retryInMs: delay },
        `store unreachable at ${redactStoreUrl(options.url)} (${causeOf(err)}); retrying in ${Math.round(delay / 1000)} s`,
      );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        retry.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        }, { once: true });
      });
      if (retry.signal?.aborted) throw err;
    }
  }
}

function causeOf(err: NewsgateError): string {
  const cause = err.cause;
  return cause instanceof Error ? cause.message || cause.name : err.message;
}
