/**
 * Issue 12's check, by hand (never in `npm test`): a gateway is given a 100,000-level feed, a
 * 10,000-item feed, a 5 MB title with 1,000 categories and a redirect to an internal port, while
 * a SECOND PROCESS times a trivial query (`{ __typename }`) and `/health` every 20 ms. Prints the
 * latency percentiles seen during ingestion, and what each feed ended up as.
 *
 *   node --import tsx bench/hostile.ts            # target: trivial query p99 < 100 ms, /health < 1 s
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/load-config.ts';
import { silentLogger } from '../src/observability/logger.ts';
import { startGateway } from '../src/server/gateway.ts';

const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>${items}</channel></rss>`;
const item = (i: number, extra = '') => `<item><title>Item ${i} from Baghdad</title><link>https://hostile.example/${i}</link>${extra}</item>`;
const BODIES: Record<string, string> = {
  '/deep': rss(item(1) + `<item><title>deep</title><description>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</description></item>` + item(2)),
  '/big': rss(Array.from({ length: 10_000 }, (_, i) => item(i, `<description>Kataib Hezbollah and Iraqi forces, report ${i}.</description>`)).join('')),
  '/huge-fields': rss(`<item><title>${'Mosul '.repeat(900_000)}</title><link>https://hostile.example/t</link>${Array.from({ length: 1000 }, (_, i) => `<category>c${i}</category>`).join('')}</item>`),
};

/** The second process: times queries until stdin closes, then prints the latencies as JSON. */
const PROBE = `
const url = process.argv[1];
const q = [], h = [];
let stop = false;
process.stdin.on('end', () => { stop = true; }); process.stdin.resume();
(async () => {
  while (!stop) {
    let t = performance.now();
    await fetch(url + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }).then((r) => r.text()).catch(() => {});
    q.push(performance.now() - t);
    t = performance.now();
    await fetch(url + '/health').then((r) => r.text()).catch(() => {});
    h.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  console.log(JSON.stringify({ q, h }));
})();`;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

async function main(): Promise<void> {
  let internalHits = 0;
  const internal = http.createServer((_req, res) => void (internalHits++, res.end(rss(item(0)))));
  const publisher = http.createServer((req, res) => {
    if (req.url === '/redirect') return void res.writeHead(302, { location: `http://127.0.0.1:${(internal.address() as AddressInfo).port}/` }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(BODIES[req.url ?? ''] ?? '');
  });
  await new Promise<void>((r) => internal.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => publisher.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(publisher.address() as AddressInfo).port}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'newsgate-bench-hostile-'));
  const ids = ['deep', 'big', 'huge-fields', 'redirect'];
  writeFileSync(path.join(dir, 'feeds.json'), JSON.stringify({
    fetch: { perHostSpacingSeconds: 0, perHostConcurrency: 4, timeoutSeconds: 120 },
    feeds: ids.map((id) => ({ id, url: `${base}/${id}`, intervalMinutes: 60, enabled: false })),
  }));
  const config = loadConfig({ FEEDS_FILE: 'feeds.json', STORE_URL: `sqlite://${dir}/store.sqlite`, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }, dir);
  const gateway = await startGateway(config, { logger: silentLogger, tickMs: 50, watchConfig: false });

  const probe = spawn(process.execPath, ['-e', PROBE, gateway.url], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  probe.stdout.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise((r) => setTimeout(r, 1000)); // a quiet baseline first
  const started = performance.now();
  writeFileSync(path.join(dir, 'feeds.json'), JSON.stringify({
    fetch: { perHostSpacingSeconds: 0, perHostConcurrency: 4, timeoutSeconds: 120 },
    feeds: ids.map((id) => ({ id, url: `${base}/${id}`, intervalMinutes: 60 })),
  }));
  gateway.scheduler.setFeeds(loadConfig({ FEEDS_FILE: 'feeds.json', STORE_URL: 'memory://unused', LOG_LEVEL: 'silent' }, dir).feeds.feeds);
  for (;;) {
    const states = await Promise.all(ids.map((id) => gateway.store.getFeedState(id)));
    if (states.every((s) => s?.lastFetchAt)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const ingestMs = performance.now() - started;
  probe.stdin.end();
  await new Promise((r) => probe.on('exit', r));
  const { q, h } = JSON.parse(out) as { q: number[]; h: number[] };
  console.log(`ingested the four feeds in ${(ingestMs / 1000).toFixed(1)} s`);
  console.log(`trivial query (${q.length}): p50 ${pct(q, 0.5).toFixed(0)} ms, p99 ${pct(q, 0.99).toFixed(0)} ms, max ${pct(q, 1).toFixed(0)} ms (target p99 < 100 ms)`);
  console.log(`/health (${h.length}): p99 ${pct(h, 0.99).toFixed(0)} ms, max ${pct(h, 1).toFixed(0)} ms (target < 1000 ms)`);
  console.log(`internal service hits: ${internalHits} (target 0)`);
  for (const id of ids) {
    const s = await gateway.store.getFeedState(id);
    console.log(`  ${id}: ${s?.lastError ? `${s.lastError.code}` : 'ok'}; ${s?.warnings.slice(0, 3).join(' | ') ?? ''}`);
  }
  await gateway.stop();
  for (const s of [internal, publisher]) s.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
