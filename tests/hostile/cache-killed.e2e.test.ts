/**
 * Issue 12, "a backend that vanishes", at gateway level: a real gateway process
 * (NODE_ENV=production) with its response cache on a redis-server this test starts. Under a
 * steady load of queries the redis-server is killed (SIGKILL): /health, /healthz and /readyz
 * still answer within a second, every query still answers (the cache bypassed: no cached
 * answer, no error); redis is restarted on the same port and the cache is used again (a repeated
 * query is answered from it, with an Age header), with no restart of the gateway.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnGateway, type SpawnedGateway } from '../e2e/spawn-gateway.ts';
import { startLoad } from './query-load.ts';
import { freePort, hasRedisServer, startRedis } from '../store/redis-server.ts';

if (!hasRedisServer) console.warn('[cache-killed] redis-server is not installed: the gateway-level kill test is skipped.');

const QUERY = JSON.stringify({ query: '{ articles(first: 5) { totalCount } }' });
const PROBES = ['/health', '/healthz', '/readyz'] as const;

interface Answer {
  readonly at: number;
  readonly ms: number;
  readonly status: number | 'error';
  readonly cached: boolean;
  readonly data: boolean;
}

let redis: ChildProcess | undefined;
let gateway: SpawnedGateway | undefined;
afterAll(async () => {
  redis?.kill('SIGKILL');
  if (gateway && gateway.child.exitCode === null) {
    gateway.child.kill('SIGTERM');
    await gateway.exited;
  }
});

async function query(base: string): Promise<Answer> {
  const at = performance.now();
  try {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY, signal: AbortSignal.timeout(10_000) });
    const body = (await res.json()) as { data?: { articles?: { totalCount?: number } }; errors?: unknown };
    return { at, ms: performance.now() - at, status: res.status, cached: res.headers.get('age') !== null, data: typeof body.data?.articles?.totalCount === 'number' && body.errors === undefined };
  } catch {
    return { at, ms: performance.now() - at, status: 'error', cached: false, data: false };
  }
}

/** Asks until an answer comes from the cache (the cache is written after a response is sent). */
async function untilCached(base: string, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if ((await query(base)).cached) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe.skipIf(!hasRedisServer)('the cache backend killed under load, at gateway level', () => {
  it('keeps /health, /healthz, /readyz within a second and every query answering; uses the cache again once redis is back', async () => {
    const port = await freePort();
    redis = await startRedis(port);
    gateway = spawnGateway({ env: { CACHE_URL: `redis://127.0.0.1:${port}` } });
    const base = await gateway.ready();
    expect(await untilCached(base, 15_000), 'the cache answers before the kill').toBe(true);

    // Load: four clients asking in a loop for the whole test.
    const load = startLoad(4, () => query(base));
    const { answers } = load;
    await new Promise((r) => setTimeout(r, 500));

    redis.kill('SIGKILL');
    await new Promise((r) => redis!.once('exit', r));
    const killedAt = performance.now();
    const probes: { path: string; status: number | 'error'; ms: number }[] = [];
    while (performance.now() - killedAt < 4_000) {
      for (const path of PROBES) {
        const started = performance.now();
        const status = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.status, () => 'error' as const);
        probes.push({ path, status, ms: performance.now() - started });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const down = answers.filter((a) => a.at >= killedAt);

    redis = await startRedis(port);
    // The breaker lets one call through after its cool-down (5 s); the next queries fill and hit the cache again.
    const back = await untilCached(base, 30_000);
    await load.stop();

    expect(probes.filter((p) => p.status !== 200), 'probes that did not answer 200 while redis was down').toEqual([]);
    expect(Math.max(...probes.map((p) => p.ms)), 'slowest probe (ms) while redis was down').toBeLessThan(1000);
    expect(down.length, 'queries answered while redis was down').toBeGreaterThan(20);
    expect(down.filter((a) => a.status !== 200 || !a.data), 'queries that failed while redis was down').toEqual([]);
    // Past the first deadline nothing can come from the dead cache.
    expect(down.filter((a) => a.at > killedAt + 1_000 && a.cached)).toEqual([]);
    expect(back, 'the cache answers again after redis restarted').toBe(true);
    expect(gateway.child.exitCode, 'the gateway was never restarted').toBeNull();
  }, 240_000);
});
