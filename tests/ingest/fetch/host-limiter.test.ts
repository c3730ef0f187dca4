import { describe, expect, it } from 'vitest';
import { HostLimiter, hostKey } from '../../../src/ingest/fetch/host-limiter.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs tasks of `ms` each, logging start/end with a time offset from t0. */
function recorder() {
  const t0 = Date.now();
  const log: { name: string; event: 'start' | 'end'; at: number }[] = [];
  const task = (name: string, ms: number) => async () => {
    log.push({ name, event: 'start', at: Date.now() - t0 });
    await sleep(ms);
    log.push({ name, event: 'end', at: Date.now() - t0 });
    return name;
  };
  const startOf = (name: string) => log.find((e) => e.name === name && e.event === 'start')!.at;
  const endOf = (name: string) => log.find((e) => e.name === name && e.event === 'end')!.at;
  return { log, task, startOf, endOf };
}

describe('hostKey', () => {
  it.each([
    ['https://Example.com/feed', 'example.com'],
    ['http://example.com:8080/a', 'example.com:8080'],
    ['file:///tmp/feed.xml', 'file:///tmp/feed.xml'],
    ['not a url', 'not a url'],
  ])('%s → %s', (url, key) => expect(hostKey(url)).toBe(key));
});

describe('HostLimiter', () => {
  it('runs one task per host at a time, in order, while other hosts proceed', async () => {
    const limiter = new HostLimiter({ concurrency: 4, perHostConcurrency: 1, perHostSpacingMs: 0 });
    const r = recorder();
    const results = await Promise.all([
      limiter.run('https://a.example/1', r.task('a1', 60)),
      limiter.run('https://a.example/2', r.task('a2', 10)),
      limiter.run('https://b.example/1', r.task('b1', 10)),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(r.startOf('a2')).toBeGreaterThanOrEqual(r.endOf('a1'));
    expect(r.startOf('b1')).toBeLessThan(r.endOf('a1'));
  });

  it('spaces the starts of requests to the same host', async () => {
    const limiter = new HostLimiter({ concurrency: 4, perHostConcurrency: 2, perHostSpacingMs: 80 });
    const r = recorder();
    await Promise.all([
      limiter.run('https://a.example/1', r.task('a1', 5)),
      limiter.run('https://a.example/2', r.task('a2', 5)),
      limiter.run('https://a.example/3', r.task('a3', 5)),
      limiter.run('https://b.example/1', r.task('b1', 5)),
    ]);
    expect(r.startOf('a2') - r.startOf('a1')).toBeGreaterThanOrEqual(75);
    expect(r.startOf('a3') - r.startOf('a2')).toBeGreaterThanOrEqual(75);
    expect(r.startOf('b1')).toBeLessThan(40);
  });

  it('caps global concurrency', async () => {
    const limiter = new HostLimiter({ concurrency: 2, perHostConcurrency: 2, perHostSpacingMs: 0 });
    let inFlight = 0;
    let peak = 0;
    const task = async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await sleep(20);
      inFlight -= 1;
    };
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((h) => limiter.run(`https://${h}.example/`, task)));
    expect(peak).toBe(2);
    expect(limiter.running).toBe(0);
    expect(limiter.waiting).toBe(0);
  });

  it('passes on a failing task and frees its slot', async () => {
    const limiter = new HostLimiter({ concurrency: 1, perHostSpacingMs: 0 });
    await expect(limiter.run('https://a.example/', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('https://a.example/', () => { throw new Error('sync boom'); })).rejects.toThrow('sync boom');
    await expect(limiter.run('https://a.example/', async () => 'ok')).resolves.toBe('ok');
  });
});
