/**
 * `openKeyv(STORE_URL, namespace)`: the one place that turns a store URL into keyv instances.
 * Every namespace of one URL (`articles`, `bodies`, `feeds`, `candidates`, `cache`) shares one
 * underlying connection (one SQLite handle, one Redis client); the connection closes when the
 * last namespace opened on it is disconnected (`keyv.disconnect()`).
 *
 * Keyv instances are created with `throwOnErrors`, so a failed write rejects instead of being
 * swallowed: the store must never acknowledge an article it did not persist.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import Keyv from 'keyv';
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import { parseStoreUrl, redactStoreUrl, type StoreLocation } from './store-url.ts';
import { SharedSqlite, SqliteNamespaceAdapter } from './keyv/sqlite-namespace.ts';
import { connectRedis, type ErrorSink, type RedisClient } from './keyv/redis-client.ts';
import { RedisNamespaceAdapter } from './keyv/redis-namespace.ts';

/** The namespaces newsgate uses, one per kind of record. */
export type StoreNamespace = 'articles' | 'bodies' | 'feeds' | 'candidates' | 'cache';

/** Optional logger for connection trouble (a pino logger fits). */
export interface OpenKeyvOptions {
  readonly logger?: ErrorSink;
}

interface Shared {
  refs: number;
  close(): Promise<void>;
}

/**
 * Plain JSON both ways. Keyv's default serializer walks values by hand and parses with a
 * reviver (to round-trip Buffers, which newsgate never stores): several times slower, and
 * restore parses every article.
 */
const JSON_CODEC = {
  serialize: (data: unknown) => JSON.stringify(data),
  deserialize: (text: string) => JSON.parse(text),
};

/** Open connections by backend identity; the promise lets concurrent opens share one. */
const sqliteConnections = new Map<string, Promise<SharedSqlite>>();
const redisConnections = new Map<string, Promise<Shared & { client: RedisClient }>>();
/** memory://name → namespace → map; lives as long as the process (like a server would). */
const memoryStores = new Map<string, Map<string, Map<string, unknown>>>();

/**
 * Opens one namespace of the store named by `storeUrl`. Rejects with CONFIG_INVALID for a URL
 * newsgate does not understand, STORE_UNAVAILABLE when the store cannot be reached or created.
 */
export async function openKeyv<T = unknown>(
  storeUrl: string,
  namespace: StoreNamespace | string,
  options: OpenKeyvOptions = {},
): Promise<Keyv<T>> {
  const location = parseStoreUrl(storeUrl);
  const keyv = await openLocation<T>(location, storeUrl, namespace, options);
  keyv.on('error', (err: unknown) => {
    options.logger?.warn({ err, namespace, url: redactStoreUrl(storeUrl) }, 'store operation failed');
  });
  return keyv;
}

async function openLocation<T>(
  location: StoreLocation,
  storeUrl: string,
  namespace: string,
  options: OpenKeyvOptions,
): Promise<Keyv<T>> {
  switch (location.kind) {
    case 'postgres':
      throw new NewsgateError(
        ErrorCode.CONFIG_INVALID,
        `${redactStoreUrl(storeUrl)} is a PostgreSQL URL; key-value namespaces (the response cache, 0.1 stores) live in memory://, sqlite:// or redis:// only.`,
        { details: { url: redactStoreUrl(storeUrl) } },
      );
    case 'memory': {
      let spaces = memoryStores.get(location.name);
      if (!spaces) memoryStores.set(location.name, (spaces = new Map()));
      let map = spaces.get(namespace);
      if (!map) spaces.set(namespace, (map = new Map()));
      return new Keyv<T>({ store: map, namespace, throwOnErrors: true, ...JSON_CODEC });
    }
    case 'sqlite': {
      const shared = await sqliteConnection(location.path, storeUrl, options);
      shared.acquire();
      const adapter = new SqliteNamespaceAdapter(shared, () => shared.release(() => sqliteConnections.delete(location.path)));
      return new Keyv<T>({ store: adapter, namespace, throwOnErrors: true, ...JSON_CODEC });
    }
    case 'redis': {
      const key = location.url;
      let pending = redisConnections.get(key);
      if (!pending) {
        pending = connectRedis(location.url, options.logger).then((client) => {
          client.setMaxListeners(100);
          const shared = {
            client,
            refs: 0,
            close: async () => {
              if (client.isOpen) await client.close();
            },
          };
          return shared;
        });
        redisConnections.set(key, pending);
        pending.catch(() => redisConnections.delete(key));
      }
      const shared = await pending;
      shared.refs += 1;
      const full = location.prefix ? `${location.prefix}:${namespace}` : namespace;
      // The client is shared: disconnecting one namespace only drops its reference.
      const adapter = new RedisNamespaceAdapter(shared.client, full, async () => {
        shared.refs -= 1;
        if (shared.refs === 0) {
          redisConnections.delete(key);
          await shared.close();
        }
      });
      // KeyvRedis prefixes keys itself (`ns::key`); Keyv must not add its own prefix too.
      return new Keyv<T>({ store: adapter, namespace: full, useKeyPrefix: false, throwOnErrors: true, ...JSON_CODEC });
    }
  }
}

async function sqliteConnection(path: string, storeUrl: string, options: OpenKeyvOptions): Promise<SharedSqlite> {
  let pending = sqliteConnections.get(path);
  if (!pending) {
    pending = (async () => {
      try {
        await mkdir(dirname(path), { recursive: true });
        return await SharedSqlite.open(path, (err) =>
          options.logger?.warn({ err, url: redactStoreUrl(storeUrl) }, 'sqlite error'),
        );
      } catch (cause) {
        throw new NewsgateError(
          ErrorCode.STORE_UNAVAILABLE,
          `Cannot open the SQLite store ${path} (from STORE_URL ${storeUrl}): ${cause instanceof Error ? cause.message : String(cause)}. ` +
            `Check that the folder is writable by this user, or point STORE_URL at another file (e.g. STORE_URL=sqlite://data/newsgate.sqlite).`,
          { cause, details: { url: storeUrl, path } },
        );
      }
    })();
    sqliteConnections.set(path, pending);
    pending.catch(() => sqliteConnections.delete(path));
  }
  return pending;
}

/** An adapter of ours that can hand over a namespace's serialised values a page at a time. */
interface PagedAdapter {
  readonly namespace?: string;
  rawValuePages(namespace?: string): AsyncGenerator<string[], void>;
}

/** Entries a page holds when the adapter has no paged read (memory://). */
const FALLBACK_PAGE = 1000;

/**
 * Every value of a namespace, parsed, a page at a time: the restore path. keyv's own iterator
 * awaits once per entry and splits every key to drop its prefix; over 100 000 articles that is
 * a visible part of a restart. Uses the SQLite and Redis adapters' paged reads, parses the
 * values with the same JSON codec keyv writes them with (`{ value, expires }`), and skips
 * expired ones as keyv would (without deleting them). Other stores go through keyv's iterator.
 */
export async function* valuePages<T>(kv: Keyv<T>): AsyncGenerator<T[], void> {
  const adapter = kv.store as Partial<PagedAdapter> | undefined;
  if (adapter && typeof adapter.rawValuePages === 'function') {
    const now = Date.now();
    for await (const raws of adapter.rawValuePages.call(adapter, adapter.namespace)) {
      const page: T[] = [];
      for (const raw of raws) {
        const data = JSON_CODEC.deserialize(raw) as { value?: T; expires?: number | null } | null;
        if (data === null || typeof data !== 'object') continue;
        if (typeof data.expires === 'number' && now > data.expires) continue;
        if (data.value !== undefined) page.push(data.value);
      }
      yield page;
    }
    return;
  }
  if (!kv.iterator) {
    throw new NewsgateError(ErrorCode.INTERNAL, `The store namespace "${kv.namespace ?? ''}" cannot list its keys.`);
  }
  let page: T[] = [];
  for await (const [, value] of kv.iterator(undefined)) {
    if (value === undefined) continue;
    page.push(value as T);
    if (page.length >= FALLBACK_PAGE) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}
