/**
 * Wires a store to a bus: this replica's own writes are announced, other replicas'
 * announcements are pulled in with `refresh(ids)`, and after the bus lost its connection (when
 * announcements may have been missed) the whole store is re-read with `resync()`. Kept apart from both so that each stays
 * testable alone and a single gateway simply does not call it.
 */
import type { ArticleChange } from '../article-store.ts';
import type { ArticleBus } from './article-bus.ts';

/** What replication needs of the store (ArticleStore has it). */
export interface ReplicatedStore {
  onChange(listener: (change: ArticleChange) => void): () => void;
  refresh(ids: readonly string[]): Promise<unknown>;
  resync(): Promise<unknown>;
}

export interface ReplicationLogger {
  warn(obj: object, msg?: string): void;
}

/** Starts replication; resolves once subscribed, to a function that stops it. */
export async function replicateStore(
  store: ReplicatedStore,
  bus: ArticleBus,
  logger?: ReplicationLogger,
): Promise<() => Promise<void>> {
  const unsubscribe = await bus.subscribe((ids) => {
    store.refresh(ids).catch((err: unknown) => logger?.warn({ err, count: ids.length }, 'could not refresh articles announced by another replica'));
  });
  const stopReconnect = bus.onReconnect(() => {
    store.resync().catch((err: unknown) => logger?.warn({ err }, 'could not resync the store after the bus reconnected'));
  });
  const stopListening = store.onChange((change) => {
    if (change.origin !== 'local') return;
    const ids = [...change.added.map((m) => m.id), ...change.updated.map((m) => m.id), ...change.removed];
    bus.publish(ids).catch((err: unknown) => logger?.warn({ err, count: ids.length }, 'could not announce articles to other replicas'));
  });
  return async () => {
    stopListening();
    stopReconnect();
    await unsubscribe();
  };
}
