/**
 * The response cache over a real Redis that this test starts, kills under load and restarts:
 * every call answers within its deadline while Redis is gone (the cache is bypassed, a miss),
 * and the cache works again once Redis is back, without reopening anything.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { ResilientCache } from '../../src/store/resilient-cache.ts';
import { KeyvResponseCache } from '../../src/store/response-cache-store.ts';
import { freePort, hasRedisServer as hasRedis, startRedis } from './redis-server.ts';

if (!hasRedis) console.warn('[resilient-cache] redis-server is not installed: the kill-and-restart test is skipped.');

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

describe.skipIf(!hasRedis)('ResilientCache over a Redis that dies and comes back', () => {
  it('bypasses the cache within its deadline while Redis is down, and uses it again when it returns', async () => {
    const port = await freePort();
    children.push(await startRedis(port));
    const kv = await KeyvResponseCache.open(`redis://127.0.0.1:${port}`);
    const cache = new ResilientCache(kv, { timeoutMs: 150, failuresToOpen: 3, coolDownMs: 300 });
    await cache.set('q1', 'answer');
    expect(await cache.get('q1')).toBe('answer');

    // Load: 20 callers reading in a loop; Redis is killed in the middle.
    let stop = false;
    let slowest = 0;
    let calls = 0;
    const load = Array.from({ length: 20 }, async () => {
      while (!stop) {
        const started = performance.now();
        await cache.get('q1');
        await cache.set('q2', 'x');
        slowest = Math.max(slowest, performance.now() - started);
        calls++;
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    await new Promise((r) => setTimeout(r, 200));
    children.pop()!.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 1500));
    const down = { slowest, calls, miss: await cache.get("q1") };
    stop = true;
    await Promise.all(load);
    // Two calls per iteration, each bounded by the 150 ms deadline (plus a busy machine's slack).
    expect(down.slowest).toBeLessThan(1000);
    expect(down.calls).toBeGreaterThan(100);
    expect(down.miss).toBeUndefined();

    children.push(await startRedis(port));
    const deadline = Date.now() + 15_000;
    let back: string | undefined;
    while (Date.now() < deadline && back !== 'again') {
      await cache.set('q3', 'again');
      back = await cache.get('q3');
      if (back !== 'again') await new Promise((r) => setTimeout(r, 200));
    }
    expect(back).toBe('again');
    expect(cache.open).toBe(false);
    await kv.close();
  }, 30_000);
});
