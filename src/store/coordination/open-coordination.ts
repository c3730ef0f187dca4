/**
 * Picks the coordination that fits the store: Redis lock and pub/sub when STORE_URL is Redis
 * (replicas share it), in-process ones otherwise (one gateway per SQLite file).
 */
import { parseStoreUrl } from '../store-url.ts';
import { connectRedis, type ErrorSink } from '../keyv/redis-client.ts';
import { LocalArticleBus, RedisArticleBus, type ArticleBus } from './article-bus.ts';
import { LocalFeedLock, RedisFeedLock, type FeedLock } from './feed-lock.ts';

export interface Coordination {
  readonly lock: FeedLock;
  readonly bus: ArticleBus;
  /** True when other processes may share the store (Redis). */
  readonly shared: boolean;
  close(): Promise<void>;
}

/** Opens the lock and the bus for `storeUrl`; Redis errors at start-up are STORE_UNAVAILABLE. */
export async function openCoordination(storeUrl: string, logger?: ErrorSink): Promise<Coordination> {
  const location = parseStoreUrl(storeUrl);
  if (location.kind !== 'redis') {
    const lock = new LocalFeedLock();
    const bus = new LocalArticleBus();
    return { lock, bus, shared: false, close: async () => void (await Promise.all([lock.close(), bus.close()])) };
  }
  const lockClient = await connectRedis(location.url, logger);
  let busClient;
  try {
    busClient = await connectRedis(location.url, logger);
  } catch (err) {
    await lockClient.close();
    throw err;
  }
  const lock = new RedisFeedLock(lockClient, location.prefix);
  const bus = new RedisArticleBus(busClient, location.prefix, { logger });
  return { lock, bus, shared: true, close: async () => void (await Promise.allSettled([lock.close(), bus.close()])) };
}
