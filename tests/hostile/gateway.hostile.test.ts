/**
 * The hostile suite of issue 12, against a running gateway: one publisher serves a feed with
 * an item nested 100,000 levels deep, a 10,000-item feed, a 5 MB title with 1,000 categories, and
 * a redirect to an internal service on another port, while a client times a trivial query the
 * whole time. The gateway keeps answering, stores nothing from the internal port, and says on
 * each feed what it dropped, cut or refused. (The 100 ms p99 target itself is measured in
 * bench/, not asserted here: this machine is shared.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { MAX_NESTING_DEPTH } from '../../src/ingest/parse/repair-xml.ts';
import { ITEM_BOUNDS } from '../../src/normalize/bound-item.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { startGateway, type Gateway } from '../../src/server/gateway.ts';
import { graphql, waitFor } from '../e2e/feed-server.ts';

const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>${items}</channel></rss>`;
const item = (i: number, extra = '') => `<item><title>Item ${i} from Baghdad</title><link>https://hostile.example/${i}</link>${extra}</item>`;
const BIG_ITEMS = 10_000;

const BODIES: Record<string, string> = {
  '/deep': rss(item(1) + `<item><title>deep</title><description>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</description></item>` + item(2)),
  '/big': rss(Array.from({ length: BIG_ITEMS }, (_, i) => item(i, `<description>Kataib Hezbollah and Iraqi forces, report ${i}.</description>`)).join('')),
  '/huge-fields': rss(`<item><title>${'Mosul '.repeat(900_000)}</title><link>https://hostile.example/t</link>${Array.from({ length: 1000 }, (_, i) => `<category>c${i}</category>`).join('')}</item>`),
};

let internalHits = 0;
const internal = http.createServer((_req, res) => {
  internalHits++;
  res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('<item><title>INTERNAL SECRET</title><link>https://internal.example/x</link></item>'));
});
const publisher = http.createServer((req, res) => {
  if (req.url === '/redirect') return void res.writeHead(302, { location: `http://127.0.0.1:${(internal.address() as AddressInfo).port}/admin` }).end();
  const body = BODIES[req.url ?? ''];
  if (body === undefined) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
});

let dir = '';
let gateway: Gateway | undefined;
/** Latencies of a trivial query sent every 25 ms during ingestion, and failures. */
const latencies: number[] = [];
const failures: string[] = [];
let healthSlowest = 0;

beforeAll(async () => {
  await new Promise<void>((r) => internal.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => publisher.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(publisher.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(tmpdir(), 'newsgate-hostile-'));
  writeFileSync(path.join(dir, 'feeds.json'), JSON.stringify({
    fetch: { perHostSpacingSeconds: 0, perHostConcurrency: 4, timeoutSeconds: 120 },
    feeds: ['deep', 'big', 'huge-fields', 'redirect'].map((id) => ({ id, url: `${base}/${id}`, intervalMinutes: 60 })),
  }));
  const config = loadConfig({ FEEDS_FILE: 'feeds.json', STORE_URL: `sqlite://${dir}/store.sqlite`, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }, dir);
  gateway = await startGateway(config, { logger: silentLogger, tickMs: 50, watchConfig: false });
  let done = false;
  const prober = (async () => {
    while (!done) {
      const started = performance.now();
      try {
        const res = await graphql(gateway!.url, '{ __typename }');
        if (res.errors) failures.push(res.errors[0]!.message);
      } catch (err) {
        failures.push(`${String(err)} ${String((err as { cause?: unknown }).cause ?? "")}`);
      }
      latencies.push(performance.now() - started);
      const h = performance.now();
      await fetch(`${gateway!.url}/health`).then((r) => r.text()).catch((err) => failures.push(`health: ${String(err)}`));
      healthSlowest = Math.max(healthSlowest, performance.now() - h);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  await waitFor(
    async () => (await Promise.all(['deep', 'big', 'huge-fields', 'redirect'].map((id) => gateway!.store.getFeedState(id)))).every((s) => s?.lastFetchAt),
    150_000,
    'all four hostile feeds fetched',
  );
  done = true;
  await prober;
}, 180_000);

afterAll(async () => {
  await gateway?.stop();
  for (const s of [internal, publisher]) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const FEEDS = '{ feeds { id status articleCount lastError { code message } } }';

describe('a gateway fed hostile feeds', () => {
  it('kept answering a trivial query and /health the whole time', () => {
    const sorted = [...latencies].sort((a, b) => a - b);
    const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
    console.info(`[hostile] ${latencies.length} trivial queries during ingestion: p50 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms; slowest /health ${healthSlowest.toFixed(0)} ms`);
    expect(failures).toEqual([]);
    expect(latencies.length).toBeGreaterThan(10);
    // Generous, for a shared CI machine (the 100 ms p99 target is bench/hostile.ts's): before issue 12
    // one query waited 5 s (10,000 items), 9 s (5 MB title) or 7 minutes (deep nesting).
    expect(sorted.at(-1) ?? 0).toBeLessThan(10_000);
    expect(healthSlowest).toBeLessThan(10_000);
  });

  it('dropped the 100,000-level item, kept the others, and says so', async () => {
    const state = await gateway!.store.getFeedState('deep');
    expect(state?.consecutiveFailures).toBe(0);
    expect(state?.warnings).toContain(`1 item nested deeper than ${MAX_NESTING_DEPTH} elements (the nesting limit) dropped`);
    const res = await graphql(gateway!.url, FEEDS);
    expect(res.data.feeds.find((f: any) => f.id === 'deep')).toMatchObject({ status: 'OK', articleCount: 2 });
  });

  it('ingested the 10,000-item feed', async () => {
    const res = await graphql(gateway!.url, FEEDS);
    expect(res.data.feeds.find((f: any) => f.id === 'big')).toMatchObject({ status: 'OK', articleCount: BIG_ITEMS });
  });

  it('cut the 5 MB title and the 1,000 categories, and says so', async () => {
    const res = await graphql(gateway!.url, '{ articles(filter: { sources: ["huge-fields"] }) { edges { node { title tags } } } }');
    const [node] = res.data.articles.edges.map((e: any) => e.node);
    expect(node.title.length).toBeLessThanOrEqual(ITEM_BOUNDS.titleChars);
    expect(node.tags).toHaveLength(ITEM_BOUNDS.tags);
    expect((await gateway!.store.getFeedState('huge-fields'))?.warnings).toEqual(expect.arrayContaining([
      expect.stringContaining('title longer than'),
      expect.stringContaining(`more than ${ITEM_BOUNDS.tags} categories`),
    ]));
  });

  it('refused the redirect to the internal port, stored nothing from it, and says what it refused', async () => {
    expect(internalHits).toBe(0);
    const res = await graphql(gateway!.url, FEEDS);
    const feed = res.data.feeds.find((f: any) => f.id === 'redirect');
    expect(feed).toMatchObject({ status: 'FAILING', articleCount: 0, lastError: { code: 'FETCH_FORBIDDEN_ADDRESS' } });
    expect(feed.lastError.message).toContain('allowPrivateAddresses');
    const search = await graphql(gateway!.url, '{ articles(filter: { search: "INTERNAL SECRET" }) { totalCount } }');
    expect(search.data.articles.totalCount).toBe(0);
  });
});
