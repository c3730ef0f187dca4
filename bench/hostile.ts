/**
 * Issue 12's check, by hand (never in `npm test`): a gateway is given a 100,000-level feed, a
 * 10,000-item feed, a 5 MB title with 1,000 categories and a redirect to an internal port, while
 * a SECOND PROCESS times a trivial query (`{ __typename }`) and `/health` every 20 ms. Prints the
 * latency percentiles seen first with nothing to ingest (the baseline of this run, on this
 * machine at this load) and then during ingestion, their ratio, the load average, what each feed
 * ended up as, and how fast the query bombs (fragment, alias, nested variables) are refused.
 *
 *   node --import tsx bench/hostile.ts            # target: trivial query p99 < 100 ms, /health < 1 s, bombs < 50 ms
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
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

/**
 * The second process: times queries in phases named on stdin ("ingest" when ingestion starts);
 * when stdin closes it times the query bombs (best of 5 each) and prints everything as JSON.
 */
const PROBE = `
const url = process.argv[1];
const samples = { quiet: { q: [], h: [] }, ingest: { q: [], h: [] } };
let phase = 'quiet', stop = false;
process.stdin.on('data', (d) => { if (String(d).includes('ingest')) phase = 'ingest'; });
process.stdin.on('end', () => { stop = true; }); process.stdin.resume();
const post = (body) => fetch(url + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
const FRAGMENT_BOMB = 'query { ...F0 }\\n' + Array.from({ length: 24 }, (_, i) => 'fragment F' + i + ' on Query { ...F' + (i + 1) + ' ...F' + (i + 1) + ' }').join('\\n') + '\\nfragment F24 on Query { feeds { id } }';
const ALIAS_BOMB = '{ ' + Array.from({ length: 1000 }, (_, i) => 'a' + i + ': articles(first: 100) { edges { node { id title contentHtml } } }').join(' ') + ' }';
const ALIASES_IN_TOKENS = '{ ' + Array.from({ length: 300 }, (_, i) => 'a' + i + ': articles(first: 100) { totalCount }').join(' ') + ' }';
const NESTED = '{"query":"query($f: ArticleFilter) { articles(filter: $f) { totalCount } }","variables":{"f":{"regions":' + '['.repeat(10000) + '"IQ"' + ']'.repeat(10000) + '}}}';
const BOMBS = { fragment: JSON.stringify({ query: FRAGMENT_BOMB }), alias: JSON.stringify({ query: ALIAS_BOMB }), aliasesInTokens: JSON.stringify({ query: ALIASES_IN_TOKENS }), nestedVariables: NESTED };
(async () => {
  while (!stop) {
    const s = samples[phase];
    let t = performance.now();
    await post('{"query":"{ __typename }"}').then((r) => r.text()).catch(() => {});
    s.q.push(performance.now() - t);
    t = performance.now();
    await fetch(url + '/health').then((r) => r.text()).catch(() => {});
    s.h.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  const bombs = {};
  for (const [name, body] of Object.entries(BOMBS)) {
    let best = Infinity, status = 0;
    for (let i = 0; i < 5; i++) { const t = performance.now(); const r = await post(body); await r.text(); status = r.status; best = Math.min(best, performance.now() - t); }
    bombs[name] = { status, ms: best };
  }
  console.log(JSON.stringify({ samples, bombs }));
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
  await new Promise((r) => setTimeout(r, 3000)); // the baseline: the same probe with nothing to ingest
  const loadBefore = loadavg();
  probe.stdin.write('ingest\n');
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
  const { samples, bombs } = JSON.parse(out) as { samples: Record<'quiet' | 'ingest', { q: number[]; h: number[] }>; bombs: Record<string, { status: number; ms: number }> };
  const loadAfter = loadavg();
  const { quiet, ingest } = samples;
  const line = (xs: number[]) => `p50 ${pct(xs, 0.5).toFixed(0)} ms, p99 ${pct(xs, 0.99).toFixed(0)} ms, max ${pct(xs, 1).toFixed(0)} ms (${xs.length})`;
  console.log(`load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before ingesting, ${loadAfter.map((l) => l.toFixed(2)).join(' ')} after (${availableParallelism()} cores)`);
  console.log(`ingested the four feeds in ${(ingestMs / 1000).toFixed(1)} s`);
  console.log(`trivial query, nothing to ingest: ${line(quiet.q)}`);
  console.log(`trivial query, while ingesting:   ${line(ingest.q)} (target p99 < 100 ms)`);
  console.log(`  p99 ratio ingesting / nothing to ingest: ${(pct(ingest.q, 0.99) / Math.max(1, pct(quiet.q, 0.99))).toFixed(2)}`);
  console.log(`/health, while ingesting: ${line(ingest.h)} (target < 1000 ms)`);
  console.log(`internal service hits: ${internalHits} (target 0)`);
  for (const [name, b] of Object.entries(bombs)) console.log(`${name} bomb: HTTP ${b.status} in ${b.ms.toFixed(1)} ms (best of 5; target 400 in < 50 ms)`);
  for (const id of ids) {
    const s = await gateway.store.getFeedState(id);
    console.log(`  ${id}: ${s?.lastError ? `${s.lastError.code}` : 'ok'}; ${s?.warnings.slice(0, 3).join(' | ') ?? ''}`);
  }
  await gateway.stop();
  for (const s of [internal, publisher]) s.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
