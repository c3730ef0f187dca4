/** Redis helpers for the store tests: a unique key prefix per run, and cleaning it up. */
import { randomUUID } from 'node:crypto';
import { connectRedis } from '../../src/store/keyv/redis-client.ts';

/** A prefix no other test run uses: `newsgate-test-<what>-<random>`. */
export function uniquePrefix(what: string): string {
  return `newsgate-test-${what}-${randomUUID().slice(0, 8)}`;
}

/** `redisUrl` with newsgate's `prefix` parameter set. */
export function withPrefix(redisUrl: string, prefix: string): string {
  return `${redisUrl}${redisUrl.includes('?') ? '&' : '?'}prefix=${prefix}`;
}

/** Deletes every key starting with `prefix` (the tests' data and lock keys). */
export async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const client = await connectRedis(redisUrl);
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) {
      if (keys.length > 0) await client.del(keys);
    }
  } finally {
    await client.close();
  }
}
