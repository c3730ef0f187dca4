/**
 * Picks the coordination for the store. Today every store gets the in-process lock and bus (one
 * gateway per SQLite file; on PostgreSQL each replica still fetches only what its own lock
 * allows). Replicas on PostgreSQL get a lock shared through the database (lease row / advisory
 * lock) and LISTEN/NOTIFY for change events in coordination/pg-*.ts; this is where they plug in.
 */
import { parseArticleStoreUrl } from '../store-url.ts';
import type { ErrorSink } from '../keyv/redis-client.ts';
import { LocalArticleBus, type ArticleBus } from './article-bus.ts';
import { LocalFeedLock, type FeedLock } from './feed-lock.ts';

export interface Coordination {
  readonly lock: FeedLock;
  readonly bus: ArticleBus;
  /** True when other processes may share the store (and the lock and bus reach them). */
  readonly shared: boolean;
  close(): Promise<void>;
}

/** Opens the lock and the bus for `storeUrl`. */
export async function openCoordination(storeUrl: string, _logger?: ErrorSink): Promise<Coordination> {
  parseArticleStoreUrl(storeUrl);
  const lock = new LocalFeedLock();
  const bus = new LocalArticleBus();
  return { lock, bus, shared: false, close: async () => void (await Promise.all([lock.close(), bus.close()])) };
}
