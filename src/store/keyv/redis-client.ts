/**
 * Connecting to Redis the way newsgate needs: fail fast at start-up (an operator with a wrong
 * STORE_URL gets an error in seconds, not a silent hang), then reconnect forever with backoff once
 * running (a Redis restart must not kill the gateway; /health reports it meanwhile). Commands sent
 * while it is down fail at once rather than queue.
 */
import { createClient, type RedisClientType } from '@keyv/redis';
import { ErrorCode, NewsgateError } from '../../model/errors.ts';
import { redactStoreUrl } from '../store-url.ts';

/** What the Redis users of newsgate need from a client (store, locks, pub/sub). */
export type RedisClient = RedisClientType;

/** How long start-up waits for Redis before giving up. */
const CONNECT_TIMEOUT_MS = 3000;
/** Connection attempts at start-up before giving up. */
const STARTUP_ATTEMPTS = 3;

/** Something to report connection trouble to (a pino logger fits). */
export interface ErrorSink {
  warn(obj: object, msg?: string): void;
}

/**
 * Opens a connected client. Rejects with STORE_UNAVAILABLE naming the URL when Redis cannot be
 * reached at start-up; afterwards the client reconnects on its own (commands fail fast meanwhile).
 */
export async function connectRedis(url: string, sink?: ErrorSink): Promise<RedisClient> {
  let connectedOnce = false;
  let lastWarn = 0;
  const client = createClient({
    url,
    // While disconnected, commands fail at once instead of queueing without a timeout: callers
    // (the response cache, /health, queries) degrade instead of hanging until Redis returns.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries: number, cause: Error) => {
        if (!connectedOnce && retries >= STARTUP_ATTEMPTS - 1) return cause;
        return Math.min(100 * 2 ** retries, 2000);
      },
    },
  }) as RedisClient;
  client.on('error', (err: unknown) => {
    // Without a listener node-redis would crash the process; warn at most every 10 s.
    const now = Date.now();
    if (connectedOnce && sink && now - lastWarn > 10_000) {
      lastWarn = now;
      sink.warn({ err, url: redactStoreUrl(url) }, 'redis connection error; reconnecting');
    }
  });
  try {
    await client.connect();
    connectedOnce = true;
    return client;
  } catch (cause) {
    try {
      client.destroy();
    } catch {
      // already closed
    }
    throw unreachable(url, cause);
  }
}

/** The start-up error for a Redis that cannot be reached. */
export function unreachable(url: string, cause: unknown): NewsgateError {
  const why = cause instanceof Error ? cause.message || cause.name : String(cause);
  return new NewsgateError(
    ErrorCode.STORE_UNAVAILABLE,
    `Cannot reach the store at ${redactStoreUrl(url)} (${why}). Start Redis there, or fix STORE_URL ` +
      `(e.g. STORE_URL=redis://127.0.0.1:6379), or use the embedded store (STORE_URL=sqlite://data/newsgate.sqlite).`,
    { cause, details: { url: redactStoreUrl(url) } },
  );
}
