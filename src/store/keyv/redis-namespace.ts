/**
 * The keyv adapter of one namespace over a Redis client shared by all namespaces of a URL.
 * Two changes to @keyv/redis: `disconnect()` releases this namespace's hold on the shared
 * client instead of closing it for everyone, and iteration scans 1 000 keys per round trip
 * (the adapter asks SCAN for its default of 10: 10 000 round trips to restore 100 000 articles).
 */
import KeyvRedis from '@keyv/redis';
import type { RedisClient } from './redis-client.ts';

/** Keys asked of each SCAN step during iteration (restore). */
const SCAN_COUNT = 1000;

export class RedisNamespaceAdapter extends KeyvRedis<string> {
  private readonly shared: RedisClient;
  private readonly onRelease: () => Promise<void>;
  private released = false;

  constructor(client: RedisClient, namespace: string, onRelease: () => Promise<void>) {
    super(client, { namespace, throwOnErrors: true, throwOnConnectError: true });
    this.shared = client;
    this.onRelease = onRelease;
  }

  override async *iterator<U = string>(namespace?: string): AsyncGenerator<[string, U | undefined], void, unknown> {
    const ns = namespace ?? this.namespace;
    const separator = this.keyPrefixSeparator;
    const match = ns ? `${ns}${separator}*` : '*';
    let cursor = '0';
    do {
      const step = await this.shared.scan(cursor, { MATCH: match, COUNT: SCAN_COUNT, TYPE: 'string' });
      cursor = String(step.cursor);
      if (step.keys.length === 0) continue;
      const values = await this.shared.mGet(step.keys);
      for (let i = 0; i < step.keys.length; i++) {
        const key = step.keys[i] as string;
        yield [ns ? key.slice(ns.length + separator.length) : key, (values[i] ?? undefined) as U | undefined];
      }
    } while (cursor !== '0');
  }

  /**
   * The stored (serialised) values of the namespace, one page per SCAN step: what a restore
   * reads, without an await per entry (see `valuePages` in open-keyv.ts).
   */
  async *rawValuePages(namespace?: string): AsyncGenerator<string[], void> {
    const ns = namespace ?? this.namespace;
    const match = ns ? `${ns}${this.keyPrefixSeparator}*` : '*';
    let cursor = '0';
    do {
      const step = await this.shared.scan(cursor, { MATCH: match, COUNT: SCAN_COUNT, TYPE: 'string' });
      cursor = String(step.cursor);
      if (step.keys.length === 0) continue;
      const values = await this.shared.mGet(step.keys);
      const page: string[] = [];
      for (const value of values) if (typeof value === 'string') page.push(value);
      yield page;
    } while (cursor !== '0');
  }

  /** Releases this namespace's hold on the shared client (idempotent); the last one closes it. */
  override async disconnect(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.onRelease();
  }
}
