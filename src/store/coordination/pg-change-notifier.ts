/**
 * Changes to the articles, on every replica of one PostgreSQL database (LISTEN/NOTIFY), so that
 * `articleAdded` subscriptions fire and response caches move on whichever replica the client is
 * connected to, whichever replica wrote. It is the store's `ChangeNotifier` (article-store.ts):
 *
 * - Publishing: the store calls `publish(change)` after each LOCAL commit; the ids are announced
 *   as `pg_notify(channel, {from, kind, ids})`, chunked under the 8000-byte payload limit.
 *   Sent after the commit, so no replica is told of an article it cannot read yet; a replica that
 *   dies between its commit and its NOTIFY leaves that write unannounced (the article is served
 *   by all replicas all the same; only the push to subscribers is missed).
 * - Listening: one dedicated connection LISTENs (a pooled one would lose the LISTEN when given
 *   back); another replica's message is turned back into a change by reading the articles by id
 *   from the database (`getMany`) and handed to the store's `emitRemote`, in arrival order, so
 *   the store's `onChange` listeners (subscriptions, the response-cache generation) hear it.
 * - Reconnecting: when the listening connection drops it reconnects by itself with backoff
 *   (100 ms doubling to 5 s) and LISTENs again; notifications sent meanwhile are lost, so
 *   `onReconnect` handlers run (the gateway starts a new response-cache generation).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ArticleMeta } from '../../model/article.ts';
import type { ArticleChange } from '../article-store.types.ts';
import type { ChangeNotifier } from '../article-store.ts';
import { decodeChange, encodeChanges, type ChangeKind, type ChangeMessage } from './pg-notify-payload.ts';

/** Where remote changes go: the store (it reads the articles and tells its listeners). */
export interface RemoteChangeTarget {
  getMany(ids: readonly string[]): Promise<(ArticleMeta | undefined)[]>;
  emitRemote(change: Omit<ArticleChange, 'origin'>): void;
}

export interface NotifierLogger {
  warn(obj: object, msg?: string): void;
  info?(obj: object, msg?: string): void;
}

export interface PgChangeNotifierOptions {
  /** NOTIFY channel (default `newsgate_articles`); replicas of one database share it. */
  readonly channel?: string;
  readonly logger?: NotifierLogger;
  /** Pool to NOTIFY through (default: a small pool of its own). */
  readonly pool?: pg.Pool;
}

const DEFAULT_CHANNEL = 'newsgate_articles';
const MAX_BACKOFF_MS = 5000;
/** application_name of the LISTEN connection, so operators (and tests) can tell it apart in pg_stat_activity. */
export const LISTENER_NAME = 'newsgate-changes';

export class PgChangeNotifier implements ChangeNotifier {
  /** This replica's id in messages. */
  readonly id = randomUUID();
  private readonly url: string;
  private readonly channel: string;
  private readonly logger: NotifierLogger | undefined;
  private readonly pool: pg.Pool;
  private readonly ownsPool: boolean;
  private target: RemoteChangeTarget | undefined;
  private readonly reconnectHandlers = new Set<() => void>();
  private listener: pg.Client | undefined;
  /** Remote messages are handled one after the other, in arrival order. */
  private queue: Promise<void> = Promise.resolve();
  private publishing: Promise<void> = Promise.resolve();
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private attempts = 0;

  private constructor(url: string, options: PgChangeNotifierOptions) {
    this.url = url;
    this.channel = options.channel ?? DEFAULT_CHANNEL;
    if (!/^[a-z_][a-z0-9_]*$/.test(this.channel)) throw new Error(`invalid NOTIFY channel name "${this.channel}"`);
    this.logger = options.logger;
    this.ownsPool = options.pool === undefined;
    this.pool = options.pool ?? new pg.Pool({ connectionString: url, max: 2 });
    if (this.ownsPool) this.pool.on('error', () => undefined);
  }

  /**
   * A notifier that does nothing yet (no connection): pass it to `ArticleStore.open` as
   * `notifier` (the store may wait for its database first), then `attach` the store and `start`.
   */
  static create(url: string, options: PgChangeNotifierOptions = {}): PgChangeNotifier {
    return new PgChangeNotifier(url, options);
  }

  /** `create` then `start`: listening once it resolves. */
  static async open(url: string, options: PgChangeNotifierOptions = {}): Promise<PgChangeNotifier> {
    const notifier = new PgChangeNotifier(url, options);
    await notifier.start();
    return notifier;
  }

  /** LISTENs; resolves once listening (rejects, closed, when the database cannot be reached). */
  async start(): Promise<void> {
    try {
      await this.listen();
    } catch (err) {
      await this.close();
      throw err;
    }
  }

  /** Where other replicas' changes go from now on. */
  attach(target: RemoteChangeTarget): void {
    this.target = target;
  }

  /** Runs `handler` after each reconnection of the listening connection (changes may have been missed). */
  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => this.reconnectHandlers.delete(handler);
  }

  /** Announces a local change to the other replicas (the store calls it after each commit). */
  publish(change: ArticleChange): Promise<void> {
    if (change.origin === 'local') this.announce(change);
    return this.publishing;
  }

  /** Resolves when the announcements made so far have been sent (tests, shutdown). */
  flush(): Promise<void> {
    return this.publishing;
  }

  private announce(change: ArticleChange): void {
    const parts: Array<[ChangeKind, readonly string[]]> = [
      ['added', change.added.map((m) => m.id)],
      ['updated', change.updated.map((m) => m.id)],
      ['removed', change.removed],
    ];
    const payloads = parts.flatMap(([kind, ids]) => (ids.length > 0 ? encodeChanges(this.id, kind, ids) : []));
    if (payloads.length === 0) return;
    this.publishing = this.publishing.then(async () => {
      for (const payload of payloads) {
        await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, payload]).catch((err: unknown) => {
          this.logger?.warn({ err: String(err) }, 'could not announce a change to the other replicas');
        });
      }
    });
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, keepAlive: true, application_name: LISTENER_NAME });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    client.on('notification', (n) => {
      if (n.channel !== this.channel) return;
      const message = decodeChange(n.payload);
      if (!message || message.from === this.id) return;
      this.queue = this.queue.then(() => this.deliver(message)).catch((err: unknown) => {
        this.logger?.warn({ err: String(err), ids: message.ids.length }, 'could not read the articles another replica announced');
      });
    });
    await client.connect();
    await client.query(`LISTEN ${this.channel}`);
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
  }

  private lost(client: pg.Client, err: unknown): void {
    if (this.closed || this.listener !== client) return;
    this.listener = undefined;
    client.removeAllListeners('end');
    void client.end().catch(() => undefined);
    this.logger?.warn({ err: String(err) }, 'change notifications: connection lost; reconnecting');
    this.reconnect();
  }

  private reconnect(): void {
    if (this.closed) return;
    const delay = Math.min(100 * 2 ** this.attempts, MAX_BACKOFF_MS);
    this.attempts += 1;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.listen().then(
        () => {
          this.attempts = 0;
          this.logger?.info?.({}, 'change notifications: listening again');
          for (const handler of this.reconnectHandlers) {
            try {
              handler();
            } catch (err) {
              this.logger?.warn({ err: String(err) }, 'a reconnection handler failed');
            }
          }
        },
        () => this.reconnect(),
      );
    }, delay);
    this.retry.unref();
  }

  private async deliver(message: ChangeMessage): Promise<void> {
    const target = this.target;
    if (!target) return;
    if (message.kind === 'removed') {
      target.emitRemote({ added: [], updated: [], removed: [...message.ids] });
      return;
    }
    // An article removed again before this replica read it is simply not reported.
    const metas = (await target.getMany(message.ids)).filter((m): m is ArticleMeta => m !== undefined);
    if (metas.length === 0) return;
    target.emitRemote(message.kind === 'added' ? { added: metas, updated: [], removed: [] } : { added: [], updated: metas, removed: [] });
  }

  /** Stops announcing and listening; waits for the announcements under way. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.publishing;
    await this.queue;
    const client = this.listener;
    this.listener = undefined;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    }
    this.reconnectHandlers.clear();
    this.target = undefined;
    if (this.ownsPool) await this.pool.end().catch(() => undefined);
  }
}
