/**
 * The article bus, and two stores kept in step through it: in-process always; through Redis
 * pub/sub when REDIS_URL is set.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalArticleBus, RedisArticleBus, type ArticleBus } from '../../../src/store/coordination/article-bus.ts';
import { replicateStore } from '../../../src/store/coordination/replicate-store.ts';
import { ArticleStore, type ArticleChange } from '../../../src/store/article-store.ts';
import { connectRedis } from '../../../src/store/keyv/redis-client.ts';
import { makeArticle, regionAncestors } from '../article-factory.ts';
import { deleteKeys, uniquePrefix, withPrefix } from '../redis-test-helpers.ts';

/** Resolves when `check` holds, polling every 10 ms, failing after `ms`. */
async function eventually(check: () => boolean, ms = 1000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

type Backend = { name: string; storeUrl: () => string; buses: () => Promise<[ArticleBus, ArticleBus]> };
const backends: Backend[] = [
  {
    name: 'local',
    storeUrl: () => `memory://bus-${randomUUID()}`,
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
    storeUrl: () => withPrefix(redisUrl, `${prefix}-${randomUUID().slice(0, 6)}`),
    buses: async () => [new RedisArticleBus(await connectRedis(redisUrl), prefix), new RedisArticleBus(await connectRedis(redisUrl), prefix)],
  });
  afterAll(() => deleteKeys(redisUrl, prefix));
} else {
  console.warn('REDIS_URL is not set: the Redis article bus tests are SKIPPED.');
}

describe.each(backends)('article bus: $name', ({ storeUrl, buses }) => {
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

  it('keeps two replicas of the store in step within a second', async () => {
    const url = storeUrl();
    const [busA, busB] = await buses();
    const replicaA = await ArticleStore.open({ url, regionAncestors });
    const replicaB = await ArticleStore.open({ url, regionAncestors });
    const stopA = await replicateStore(replicaA, busA);
    const stopB = await replicateStore(replicaB, busB);
    const seenByB: ArticleChange[] = [];
    replicaB.onChange((c) => seenByB.push(c));

    await replicaA.upsert([
      makeArticle({ id: 'rep-1', regions: ['IQ/baghdad'], actors: ['kataib-hizbullah'] }),
      makeArticle({ id: 'rep-2', regions: ['SY'] }),
    ]);
    await eventually(() => replicaB.size() === 2);
    expect(replicaB.query({ regions: ['IQ'], actors: ['kataib-hizbullah'] }, 10).items.map((m) => m.id)).toEqual(['rep-1']);
    expect(seenByB[0]).toMatchObject({ origin: 'remote' });
    expect(seenByB[0]?.added.map((m) => m.id).sort()).toEqual(['rep-1', 'rep-2']);

    await replicaB.upsert([makeArticle({ id: 'rep-1', title: 'Updated on B', regions: ['IQ/baghdad'] })]);
    await eventually(() => replicaA.get('rep-1')?.title === 'Updated on B');
    expect(replicaA.size()).toBe(2);

    await stopA();
    await stopB();
    await Promise.all([busA.close(), busB.close(), replicaA.close(), replicaB.close()]);
  });
});

describe.skipIf(!redisUrl)('article bus: redis reconnection', () => {
  it('a replica whose subscription dropped resyncs when it comes back', async () => {
    const url = withPrefix(redisUrl!, `${prefix}-reconnect`);
    const busB = new RedisArticleBus(await connectRedis(redisUrl!), prefix);
    const writer = await ArticleStore.open({ url, regionAncestors }); // not replicated: B hears nothing from it
    const replicaB = await ArticleStore.open({ url, regionAncestors });
    const stopB = await replicateStore(replicaB, busB);
    let reconnects = 0;
    busB.onReconnect(() => reconnects++);
    await writer.upsert([makeArticle({ id: 'missed-1', regions: ['IQ'] })]);
    expect(replicaB.size()).toBe(0);
    // Drop B's subscriber connection (only that one) from the server side.
    const admin = await connectRedis(redisUrl!);
    const list = String(await admin.sendCommand(['CLIENT', 'LIST', 'TYPE', 'pubsub']));
    const line = list.split('\n').find((l) => l.includes(`name=${busB.connectionName} `));
    const subscriberId = /\bid=(\d+)/.exec(line ?? '')?.[1];
    expect(subscriberId).toBeDefined();
    await admin.sendCommand(['CLIENT', 'KILL', 'ID', subscriberId!]);
    await admin.close();
    await eventually(() => replicaB.get('missed-1') !== undefined, 3000);
    expect(reconnects).toBe(1);
    await stopB();
    await Promise.all([busB.close(), writer.close(), replicaB.close()]);
  });
});
