/**
 * The article bus (ids announced between processes): in-process always; through Redis pub/sub
 * when REDIS_URL is set. Replicas of the SQL store share the database itself; how their change
 * events travel is the store's ChangeNotifier hook (tests/store/article-store.suite.ts).
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalArticleBus, RedisArticleBus, type ArticleBus } from '../../../src/store/coordination/article-bus.ts';
import { connectRedis } from '../../../src/store/keyv/redis-client.ts';
import { deleteKeys, uniquePrefix, withPrefix } from '../redis-test-helpers.ts';

/** Resolves when `check` holds, polling every 10 ms, failing after `ms`. */
async function eventually(check: () => boolean, ms = 1000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

type Backend = { name: string; buses: () => Promise<[ArticleBus, ArticleBus]> };
const backends: Backend[] = [
  {
    name: 'local',
    buses: async () => {
      const hub = new EventEmitter();
      return [new LocalArticleBus(hub), new LocalArticleBus(hub)];
    },
  },
];
const redisUrl = process.env.REDIS_URL;
const prefix = uniquePrefix('bus');
if (redisUrl) {
  backends.push({
    name: 'redis',
    buses: async () => [new RedisArticleBus(await connectRedis(redisUrl), prefix), new RedisArticleBus(await connectRedis(redisUrl), prefix)],
  });
  afterAll(() => deleteKeys(redisUrl, prefix));
} else {
  console.warn('REDIS_URL is not set: the Redis article bus tests are SKIPPED.');
}

describe.each(backends)('article bus: $name', ({ buses }) => {
  it('a message from one bus reaches the other, not itself', async () => {
    const [a, b] = await buses();
    const toA: string[][] = [];
    const toB: string[][] = [];
    await a.subscribe((ids) => toA.push(ids));
    const stopB = await b.subscribe((ids) => toB.push(ids));
    await a.publish(['a1', 'a2']);
    await eventually(() => toB.length === 1);
    expect(toB).toEqual([['a1', 'a2']]);
    await stopB();
    await a.publish(['a3']);
    await b.publish(['b1']);
    await eventually(() => toA.length === 1);
    expect(toA).toEqual([['b1']]);
    expect(toB).toHaveLength(1);
    await Promise.all([a.close(), b.close()]);
  });
});
