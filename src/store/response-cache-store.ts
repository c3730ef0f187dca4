/**
 * The `cache` namespace of the store as Apollo's KeyValueCache, so the response cache lives in
 * the same store as everything else: the SQLite file for one gateway, Redis shared by replicas.
 */
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type Keyv from 'keyv';
import { openKeyv, type OpenKeyvOptions } from './open-keyv.ts';

/** A KeyValueCache over one keyv namespace; `ttl` is in seconds, as Apollo gives it. */
export class KeyvResponseCache implements KeyValueCache<string> {
  private constructor(private readonly kv: Keyv<string>) {}

  /** Opens the `cache` namespace of `storeUrl`. */
  static async open(storeUrl: string, options: OpenKeyvOptions = {}): Promise<KeyvResponseCache> {
    return new KeyvResponseCache(await openKeyv<string>(storeUrl, 'cache', options));
  }

  async get(key: string): Promise<string | undefined> {
    // A cache that cannot be read is a miss, never a failed query.
    return (await this.kv.get(key).catch(() => undefined)) ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttlMs = options?.ttl ? options.ttl * 1000 : undefined;
    await this.kv.set(key, value, ttlMs).catch(() => undefined);
  }

  async delete(key: string): Promise<boolean | void> {
    return this.kv.delete(key).catch(() => false);
  }

  /** Drops every entry (the cache is best-effort: a miss only costs a recomputation). */
  async clear(): Promise<void> {
    await this.kv.clear();
  }

  async close(): Promise<void> {
    await this.kv.disconnect();
  }
}
