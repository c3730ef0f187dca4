/**
 * Tells the other replicas which articles this one wrote, so each can `refresh(ids)` its
 * in-memory indexes from the shared store within a second (and fire its subscriptions).
 * Only ids travel: the articles themselves are read from the store, which is the truth.
 *
 * Local: an in-process emitter (one gateway; also lets tests wire two stores together).
 * Redis: pub/sub on one channel; the subscriber needs its own connection (a subscribed Redis
 * connection can run no other command). A replica ignores its own messages. Pub/sub does not
 * keep messages for a replica that is disconnected at that moment, so the bus reports each
 * reconnection (`onReconnect`) and replicateStore answers it with a full resync of the store.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../keyv/redis-client.ts';

export type ArticleIdsHandler = (ids: string[]) => void;

export interface ArticleBus {
  /** Announces written (added, updated or removed) article ids to the other replicas. */
  publish(ids: readonly string[]): Promise<void>;
  /** Calls `handler` with the ids other replicas announce; resolves once listening. */
  subscribe(handler: ArticleIdsHandler): Promise<() => Promise<void>>;
  /**
   * Calls `handler` when the subscription came back after a lost connection: announcements made
   * meanwhile are gone, so the listener should resync (ArticleStore.resync). Returns a remover.
   */
  onReconnect(handler: () => void): () => void;
  close(): Promise<void>;
}

/** Ids per message: a big batch becomes several messages of bounded size. */
const MAX_IDS_PER_MESSAGE = 500;

interface BusMessage {
  /** The publishing bus instance. */
  readonly from: string;
  readonly ids: string[];
}

/**
 * In-process bus. `publish` reaches every other LocalArticleBus created on the same `hub`
 * (the default hub is per process), never the publisher itself, like the Redis one.
 */
export class LocalArticleBus implements ArticleBus {
  private static readonly defaultHub = new EventEmitter().setMaxListeners(0);
  private readonly id = randomUUID();
  private readonly hub: EventEmitter;
  private readonly listeners = new Set<(m: BusMessage) => void>();

  constructor(hub: EventEmitter = LocalArticleBus.defaultHub) {
    this.hub = hub;
  }

  async publish(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const message: BusMessage = { from: this.id, ids: [...ids] };
    // Asynchronous like a network hop: a publisher never runs subscribers inside its own write.
    queueMicrotask(() => this.hub.emit('ids', message));
  }

  async subscribe(handler: ArticleIdsHandler): Promise<() => Promise<void>> {
    const listener = (m: BusMessage) => {
      if (m.from !== this.id) handler(m.ids);
    };
    this.listeners.add(listener);
    this.hub.on('ids', listener);
    return async () => {
      this.hub.off('ids', listener);
      this.listeners.delete(listener);
    };
  }

  /** An in-process hub never disconnects. */
  onReconnect(): () => void {
    return () => {};
  }

  async close(): Promise<void> {
    for (const l of this.listeners) this.hub.off('ids', l);
    this.listeners.clear();
  }
}

/** Logger for malformed messages (a pino logger fits). */
export interface BusLogger {
  warn(obj: object, msg?: string): void;
}

/** Redis pub/sub bus: one publishing connection (given), one subscribing (duplicated from it). */
export class RedisArticleBus implements ArticleBus {
  private readonly id = randomUUID();
  /** CLIENT SETNAME of the subscriber connection, so operators can tell it apart in CLIENT LIST. */
  readonly connectionName = `newsgate-bus-${this.id.slice(0, 8)}`;
  private readonly publisher: RedisClient;
  private subscriber: RedisClient | undefined;
  private readonly channel: string;
  private readonly handlers = new Set<ArticleIdsHandler>();
  private readonly reconnectHandlers = new Set<() => void>();
  private readonly logger: BusLogger | undefined;
  private readonly ownsClient: boolean;

  /**
   * @param client a connected client (connectRedis), used to publish; closed by `close()` when `ownsClient`.
   * @param prefix the STORE_URL's `prefix`: replicas of one deployment share a channel, others don't.
   */
  constructor(client: RedisClient, prefix = '', options: { logger?: BusLogger; ownsClient?: boolean } = {}) {
    this.publisher = client;
    this.channel = `${prefix ? `${prefix}:` : ''}newsgate:articles`;
    this.logger = options.logger;
    this.ownsClient = options.ownsClient ?? true;
  }

  async publish(ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += MAX_IDS_PER_MESSAGE) {
      const message: BusMessage = { from: this.id, ids: ids.slice(i, i + MAX_IDS_PER_MESSAGE) };
      await this.publisher.publish(this.channel, JSON.stringify(message));
    }
  }

  async subscribe(handler: ArticleIdsHandler): Promise<() => Promise<void>> {
    this.handlers.add(handler);
    if (!this.subscriber) {
      const sub = this.publisher.duplicate({ name: this.connectionName }) as RedisClient;
      sub.on('error', (err: unknown) => this.logger?.warn({ err }, 'article bus subscriber connection error'));
      let firstReady = true;
      sub.on('ready', () => {
        // The first 'ready' is the initial connect; later ones follow a reconnection, after
        // which node-redis has resubscribed but whatever was published meanwhile is lost.
        if (firstReady) {
          firstReady = false;
          return;
        }
        for (const h of this.reconnectHandlers) h();
      });
      await sub.connect();
      await sub.subscribe(this.channel, (raw: string) => this.deliver(raw));
      this.subscriber = sub;
    }
    return async () => {
      this.handlers.delete(handler);
    };
  }

  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => this.reconnectHandlers.delete(handler);
  }

  private deliver(raw: string): void {
    let message: BusMessage;
    try {
      message = JSON.parse(raw) as BusMessage;
    } catch (err) {
      this.logger?.warn({ err }, 'article bus: message is not JSON; ignored');
      return;
    }
    if (message.from === this.id || !Array.isArray(message.ids)) return;
    const ids = message.ids.filter((id): id is string => typeof id === 'string');
    for (const handler of this.handlers) handler(ids);
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.reconnectHandlers.clear();
    const sub = this.subscriber;
    this.subscriber = undefined;
    if (sub?.isOpen) {
      await sub.unsubscribe(this.channel).catch(() => undefined);
      await sub.close();
    }
    if (this.ownsClient && this.publisher.isOpen) await this.publisher.close();
  }
}
