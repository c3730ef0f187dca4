/**
 * Picks the coordination for the store. SQLite and memory: the in-process lock (one gateway per
 * SQLite file). PostgreSQL: replicas share the database, so the feed lock is a lease row in it
 * (pg-feed-lock.ts) and changes reach every replica through LISTEN/NOTIFY
 * (pg-change-notifier.ts); Redis is not needed.
 *
 * Order at start (gateway.ts): `createChangeNotifier` (no I/O) → `ArticleStore.open({ notifier })`
 * (which may wait for the database) → `openCoordination(url, logger, { notifier, store })`.
 */
import { parseArticleStoreUrl } from '../store-url.ts';
import type { ErrorSink } from '../keyv/redis-client.ts';
import { LocalArticleBus, type ArticleBus } from './article-bus.ts';
import { LocalFeedLock, type FeedLock } from './feed-lock.ts';
import { PgChangeNotifier, type NotifierLogger, type RemoteChangeTarget } from './pg-change-notifier.ts';
import { PgFeedLock } from './pg-feed-lock.ts';

export interface Coordination {
  readonly lock: FeedLock;
  readonly bus: ArticleBus;
  /** True when other processes may share the store (and the lock and notifications reach them). */
  readonly shared: boolean;
  /**
   * Runs `handler` when changes made by other replicas may have been missed (the notification
   * connection came back): caches keyed on "what changed" must start afresh. Returns a remover.
   */
  onResync(handler: () => void): () => void;
  close(): Promise<void>;
}

/** The PostgreSQL change notifier for `storeUrl`, not yet connected; undefined for other stores. */
export function createChangeNotifier(storeUrl: string, logger?: NotifierLogger): PgChangeNotifier | undefined {
  const location = parseArticleStoreUrl(storeUrl);
  return location.kind === 'postgres' ? PgChangeNotifier.create(location.url, logger ? { logger } : {}) : undefined;
}

/**
 * Opens the lock (and starts the notifier, attached to the store) for `storeUrl`. The store
 * opened on the same URL a moment before, so the database is there.
 */
export async function openCoordination(
  storeUrl: string,
  _logger?: ErrorSink,
  changes?: { readonly notifier: PgChangeNotifier; readonly store: RemoteChangeTarget },
): Promise<Coordination> {
  const location = parseArticleStoreUrl(storeUrl);
  const bus = new LocalArticleBus();
  if (location.kind !== 'postgres') {
    const lock = new LocalFeedLock();
    return { lock, bus, shared: false, onResync: () => () => {}, close: async () => void (await Promise.all([lock.close(), bus.close()])) };
  }
  const lock = await PgFeedLock.open(location.url);
  const notifier = changes?.notifier;
  try {
    if (notifier && changes) {
      notifier.attach(changes.store);
      await notifier.start();
    }
  } catch (err) {
    await lock.close();
    throw err;
  }
  return {
    lock,
    bus,
    shared: true,
    onResync: (handler) => notifier?.onReconnect(handler) ?? (() => {}),
    close: async () => void (await Promise.allSettled([notifier?.close(), lock.close(), bus.close()])),
  };
}
