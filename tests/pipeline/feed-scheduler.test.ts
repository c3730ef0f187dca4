/**
 * The scheduler: due feeds are fetched, a failing feed never stops the others, a claimed feed
 * is not fetched twice, and stop() waits for writes under way.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FETCH } from '../../src/config/feeds-file.ts';
import { HostLimiter } from '../../src/ingest/fetch/host-limiter.ts';
import type { FeedConfig } from '../../src/model/feed.ts';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { FeedScheduler } from '../../src/pipeline/feed-scheduler.ts';
import { ArticleStore } from '../../src/store/article-store.ts';
import { LocalFeedLock } from '../../src/store/coordination/feed-lock.ts';
import { waitFor } from '../e2e/feed-server.ts';

const WIRE = readFileSync(path.resolve(import.meta.dirname, '../fixtures/feeds/rss2-wire.xml'));
const hits = new Map<string, number>();
const server = http.createServer((req, res) => {
  hits.set(req.url!, (hits.get(req.url!) ?? 0) + 1);
  if (req.url === '/broken') res.writeHead(503).end();
  else res.writeHead(200).end(WIRE);
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const feed = (id: string, p: string, extra: Partial<FeedConfig> = {}): FeedConfig => ({
  id, url: `${base}${p}`, tags: [], regions: [], intervalMinutes: 15, enabled: true, headers: {}, allowFile: false, ...extra,
});

describe('FeedScheduler', () => {
  it('fetches every enabled feed once, isolates a failing one, skips disabled ones', async () => {
    const store = await ArticleStore.open({ url: 'memory://scheduler', regionAncestors: (id) => [id] });
    const { tagger } = await createDefaultTagger({ discovery: false });
    const scheduler = new FeedScheduler({
      refresh: { store, tagger, logger: silentLogger, fetch: { ...DEFAULT_FETCH, perHostSpacingMs: 0 } },
      limiter: new HostLimiter({ concurrency: 2, perHostConcurrency: 2, perHostSpacingMs: 0 }),
      lock: new LocalFeedLock(),
      logger: silentLogger,
      tickMs: 20,
    });
    scheduler.setFeeds([feed('good', '/good'), feed('broken', '/broken'), feed('off', '/off', { enabled: false })]);
    await scheduler.start();
    await waitFor(async () => (await store.getFeedState('good'))?.lastSuccessAt !== undefined && (await store.getFeedState('broken'))?.lastError !== undefined, 5000, 'both feeds tried');
    await new Promise((r) => setTimeout(r, 200)); // several more ticks: nothing is due again
    await scheduler.stop();
    expect(hits.get('/good')).toBe(1);
    expect(hits.get('/broken')).toBe(1);
    expect(hits.get('/off')).toBeUndefined();
    expect(await store.size()).toBe(5);
    expect((await store.getFeedState('broken'))?.lastError?.code).toBe('FETCH_HTTP_STATUS');
    await store.close();
  });

  it('does not fetch a feed whose lock another replica holds', async () => {
    const store = await ArticleStore.open({ url: 'memory://scheduler-locked', regionAncestors: (id) => [id] });
    const { tagger } = await createDefaultTagger({ discovery: false });
    const lock = new LocalFeedLock();
    await lock.tryAcquire('held', 60_000); // "another replica"
    const scheduler = new FeedScheduler({
      refresh: { store, tagger, logger: silentLogger, fetch: DEFAULT_FETCH },
      limiter: new HostLimiter({ perHostSpacingMs: 0 }),
      lock,
      logger: silentLogger,
      tickMs: 20,
    });
    scheduler.setFeeds([feed('held', '/held')]);
    await scheduler.start();
    await new Promise((r) => setTimeout(r, 200));
    await scheduler.stop();
    expect(hits.get('/held')).toBeUndefined();
    await store.close();
  });
});
