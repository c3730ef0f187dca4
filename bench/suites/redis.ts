/**
 * Redis (issue 6 item 6, issue 5 items 3-4), only when REDIS_URL is set: the same restore as the
 * SQLite figure (fresh process, open + first query) from a Redis store, and a replica's
 * catch-up: articles upserted on one store instance and announced on the coordination bus,
 * timed until every one is visible on a second instance (target: within a second).
 * Keys live under a prefix of their own and are deleted at the end.
 */
import { articleBatches } from '../corpus/build-articles.ts';
import { corpusIds } from '../lib/catalog-ids.ts';
import type { Suite } from '../lib/context.ts';
import { figure, skipped, type Figure } from '../lib/figures.ts';
import { benchFilters } from '../lib/filters.ts';
import { writeArticlesDirect } from '../lib/fill-store.ts';
import { importSrc } from '../lib/load-module.ts';
import { openStore, type BenchStore } from '../lib/newsgate.ts';
import { summarize } from '../lib/stats.ts';
import { now } from '../lib/timing.ts';
import { measureRestore } from './restore.ts';

/** Deletes every key under `prefix` (SCAN + UNLINK, never KEYS or FLUSHDB on a shared Redis). */
async function deletePrefix(redisUrl: string, prefix: string): Promise<number> {
  const { connectRedis } = await importSrc<typeof import('../../src/store/keyv/redis-client.ts')>('store/keyv/redis-client.ts');
  const client = await connectRedis(redisUrl);
  let deleted = 0;
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) {
      const list = (Array.isArray(keys) ? keys : [keys]) as string[];
      if (list.length > 0) deleted += await client.unlink(list);
    }
  } finally {
    client.destroy();
  }
  return deleted;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Two store instances on one Redis, wired as the gateway wires them (openCoordination +
 * replicateStore): A's upserts are announced on the bus, B pulls them in. Each round times one
 * batch from A's upsert call until every article of it is visible on B.
 */
async function catchUp(url: string, ids: Awaited<ReturnType<typeof corpusIds>>, rounds: number, perRound: number, seed: number): Promise<number[]> {
  const { openCoordination } = await importSrc<typeof import('../../src/store/coordination/open-coordination.ts')>('store/coordination/open-coordination.ts');
  const { replicateStore } = await importSrc<typeof import('../../src/store/coordination/replicate-store.ts')>('store/coordination/replicate-store.ts');
  type Replica = BenchStore & Parameters<typeof replicateStore>[0];
  const a = (await openStore({ url, regionAncestors: ids.regionAncestors })) as Replica;
  const b = (await openStore({ url, regionAncestors: ids.regionAncestors })) as Replica;
  const coordA = await openCoordination(url);
  const coordB = await openCoordination(url);
  const stopA = await replicateStore(a, coordA.bus);
  const stopB = await replicateStore(b, coordB.bus);
  const times: number[] = [];
  try {
    for (const batch of articleBatches({ seed, count: rounds * perRound, batchSize: perRound, ids: ids.ids, bodies: 'full', firstIndex: 60_000_000 })) {
      const start = now();
      await a.upsert(batch);
      const deadline = start + 5000;
      while (batch.some((x) => b.get(x.id) === undefined)) {
        if (now() > deadline) throw new Error(`replica B did not see ${perRound} articles announced by A within 5 s`);
        await sleep(1);
      }
      times.push(now() - start);
    }
  } finally {
    await stopA();
    await stopB();
    await coordA.close();
    await coordB.close();
    await a.close();
    await b.close();
  }
  return times;
}

export const redisSuite: Suite = {
  name: 'redis',
  description: 'restore from Redis + first query; replica catch-up over the bus (REDIS_URL only)',
  async run(ctx) {
    const redisUrl = process.env.REDIS_URL;
    if (!redisUrl) return [skipped('redis', 'restore and catch-up', 'REDIS_URL is not set (e.g. REDIS_URL=redis://127.0.0.1:6379 npm run bench -- --only redis)')];
    const prefix = `newsgate-bench-${process.pid}`;
    const url = `${redisUrl}${redisUrl.includes('?') ? '&' : '?'}prefix=${prefix}`;
    const ids = await corpusIds(ctx);
    const count = ctx.quick ? 20_000 : 100_000;
    const rows: Figure[] = [];
    try {
      // Written straight into the store's namespaces, like the SQLite corpus (lib/fill-store.ts).
      const { writeMs } = await writeArticlesDirect(url, articleBatches({ seed: ctx.seed + 3, count, bodies: 'full', batchSize: 1000, ids: ids.ids }), { bodies: true });
      ctx.log(`  redis: wrote ${count} articles in ${(writeMs / 1000).toFixed(1)} s of keyv writes`);
      const filter = benchFilters(ids.ids)[0];
      const report = await measureRestore(url, filter, ctx.quick ? 1 : 3);
      const k = report.size / 1000;
      rows.push(
        figure({
          suite: 'redis',
          name: `restore ${Math.round(k)}k from redis + first query`,
          value: report.openMs + report.firstQueryMs,
          unit: 'ms',
          target: { on: 'value', op: '<=', limit: ctx.quick ? 2000 * (report.size / 100_000) : 2000 },
          note: `open ${report.openMs.toFixed(0)} ms + first query ${report.firstQueryMs.toFixed(1)} ms; heap ${(report.heapDelta / k / 2 ** 20).toFixed(2)} MiB per 1,000`,
        }),
        figure({ suite: 'redis', name: 'redis write rate (keyv setMany, meta + body, batches of 1,000)', value: count / (writeMs / 1000), unit: 'articles/s' }),
      );
      const rounds = ctx.quick ? 10 : 30;
      const times = await catchUp(url, ids, rounds, 100, ctx.seed + 4);
      const s = summarize(times);
      rows.push(
        figure({ suite: 'redis', name: 'replica catch-up, 100 articles (p50, p99 in note)', value: s.p50, unit: 'ms', target: { on: 'value', op: '<=', limit: 1000 }, note: `${rounds} rounds on a store of ${count} articles: upsert on A (announced on the bus) → all visible on B; p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms` }),
      );
    } catch (err) {
      rows.push(skipped('redis', 'restore and catch-up', (err as Error).message));
    } finally {
      const deleted = await deletePrefix(redisUrl, prefix).catch((err: unknown) => {
        ctx.log(`  could not delete the bench keys under ${prefix}: ${(err as Error).message}`);
        return 0;
      });
      ctx.log(`  deleted ${deleted} bench keys under ${prefix}`);
    }
    return rows;
  },
};
