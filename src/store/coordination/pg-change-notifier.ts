/**
 * Changes to the articles, on every replica of one PostgreSQL database (LISTEN/NOTIFY), so that
 * `articleAdded` subscriptions fire and response caches move on whichever replica the client is
 * connected to, whichever replica wrote.
 *
 * - Publishing: every LOCAL change of the store (`onChange`, origin 'local') is announced as
 *   `pg_notify(channel, {from, kind, ids})`, chunked under the 8000-byte payload limit.
 * - Listening: one dedicated connection LISTENs (a pooled one would lose the LISTEN when given
 *   back); a message from another replica is turned back into an ArticleChange with origin
 *   'remote' by reading the articles by id from the database (`getMany`), in arrival order.
 * - Reconnecting: when the listening connection drops it reconnects by itself with backoff
 *   (100 ms doubling to 5 s), LISTENs again, and emits an empty remote change: notifications
 *   sent meanwhile are lost, so listeners that cache (the response cache) must start afresh.
 *
 * Notifications are sent after the write committed (from `onChange`), so a replica never
 * reads an article that is not there yet; a replica that dies between its commit and its
 * NOTIFY leaves that write unannounced (the article is served by all, only the push is missed).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ArticleMeta } from '../../model/article.ts';
import { decodeChange, encodeChanges, type ChangeKind, type ChangeMessage } from './pg-notify-payload.ts';

/** What changed, as the store's onChange reports it (the contract's ArticleChange). */
export interface ArticleChangeLike {
  readonly added: readonly ArticleMeta[];
  readonly updated: readonly ArticleMeta[];
  readonly removed: readonly string[];
  readonly origin: 'local' | 'remote';
}

/** What the notifier needs of the store: its local changes, and reads by id. */
export interface ChangeSource {
  onChange(listener: (change: ArticleChangeLike) => void): () => void;
  getMany(ids: readonly string[]): Promise<(ArticleMeta | undefined)[]>;
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

export class PgChangeNotifier {
  /** This replica's id in messages. */
  readonly id = randomUUID();
  private readonly url: string;
  private readonly channel: string;
  private readonly logger: NotifierLogger | undefined;
  private readonly pool: pg.Pool;
  private readonly ownsPool: boolean;
  private readonly source: ChangeSource;
  private readonly listeners = new Set<(change: ArticleChangeLike) => void>();
  private listener: pg.Client | undefined;
  private stopLocal: (() => void) | undefined;
  /** Remote messages are handled one after the other, in arrival order. */
  private queue: Promise<void> = Promise.resolve();
  private publishing: Promise<void> = Promise.resolve();
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private attempts = 0;

  private constructor(url: string, source: ChangeSource, options: PgChangeNotifierOptions) {
    this.url = url;
    this.source = source;
    this.channel = options.channel ?? DEFAULT_CHANNEL;
    if (!/^[a-z_][a-z0-9_]*$/.test(this.channel)) throw new Error(`invalid NOTIFY channel name "${this.channel}"`);
    this.logger = options.logger;
    this.ownsPool = options.pool === undefined;
    this.pool = options.pool ?? new pg.Pool({ connectionString: url, max: 2 });
    if (this.ownsPool) this.pool.on('error', () => undefined);
  }

  /** Starts listening (resolves once LISTEN is in place) and announcing the source's local changes. */
  static async open(url: string, source: ChangeSource, options: PgChangeNotifierOptions = {}): Promise<PgChangeNotifier> {
    const notifier = new PgChangeNotifier(url, source, options);
    try {
      await notifier.listen();
    } catch (err) {
      await notifier.close();
      throw err;
    }
    notifier.stopLocal = source.onChange((change) => {
      if (change.origin === 'local') notifier.announce(change);
    });
    return notifier;
  }

  /** Calls `listener` with every REMOTE change (another replica's write, or a reconnection). */
  onChange(listener: (change: ArticleChangeLike) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when the announcements made so far have been sent (tests, shutdown). */
  flush(): Promise<void> {
    return this.publishing;
  }

  private announce(change: ArticleChangeLike): void {
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
          // Whatever was announced meanwhile is lost: tell listeners something may have changed.
          this.emit({ added: [], updated: [], removed: [], origin: 'remote' });
        },
        () => this.reconnect(),
      );
    }, delay);
    this.retry.unref();
  }

  private async deliver(message: ChangeMessage): Promise<void> {
    if (message.kind === 'removed') {
      this.emit({ added: [], updated: [], removed: [...message.ids], origin: 'remote' });
      return;
    }
    const metas = (await this.source.getMany(message.ids)).filter((m): m is ArticleMeta => m !== undefined);
    if (metas.length === 0) return;
    this.emit(message.kind === 'added' ? { added: metas, updated: [], removed: [], origin: 'remote' } : { added: [], updated: metas, removed: [], origin: 'remote' });
  }

  private emit(change: ArticleChangeLike): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (err) {
        this.logger?.warn({ err: String(err) }, 'a change listener failed');
      }
    }
  }

  /** Stops announcing and listening; waits for the announcements under way. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopLocal?.();
    if (this.retry) clearTimeout(this.retry);
    await this.publishing;
    await this.queue;
    const client = this.listener;
    this.listener = undefined;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    }
    this.listeners.clear();
    if (this.ownsPool) await this.pool.end().catch(() => undefined);
  }
}

/**
 * Every change a gateway must react to: the store's own (local) and the other replicas'
 * (remote, through the notifier). Subscriptions and the response-cache generation listen here.
 */
export function allChanges(
  store: { onChange(listener: (change: ArticleChangeLike) => void): () => void },
  notifier: PgChangeNotifier | undefined,
): { onChange(listener: (change: ArticleChangeLike) => void): () => void } {
  return {
    onChange(listener) {
      const stops = [store.onChange(listener), ...(notifier ? [notifier.onChange(listener)] : [])];
      return () => stops.forEach((stop) => stop());
    },
  };
}
