/**
 * Queries over HTTP (issue 6 item 3, issue 11 item 9): autocannon, 50 connections, against a
 * real newsgate (child process) holding the corpus, at 10k articles and at the corpus size
 * (100k; 20k with --quick):
 *   - the filtered query: articles(filter: {actors, regions, from, to}, first: 20) with nested
 *     actors, regions and source, rotating over filters, with the response cache off and each
 *     request unique (the figure is the query path, not a cache);
 *   - `{ __typename }` on the same server (GraphQL over HTTP with no work behind it): the
 *     target is a ratio to it (>= 0.5), with p99 <= 50 ms;
 *   - what a user would write instead (bench/children/plain-apollo-child.ts): a plain Apollo
 *     Server whose resolvers scan an array of the same articles; target >= 1x;
 *   - once, at the corpus size: the response cache on (the default) with the filters
 *     repeating, and a bare node:http server answering a body of the filtered response's size.
 * The machine may be shared: each pair (filtered, trivial) runs in `rounds` alternating rounds
 * and the table gives medians (the ratio is the median of the rounds' ratios), with the load
 * average at the start and end of each size in the note. Loopback only; autocannon runs in
 * this process (a second process to the server), sharing the 2 cores with it: the same for
 * every row.
 */
import autocannon from 'autocannon';
import { corpusIds } from '../lib/catalog-ids.ts';
import { startChildServer, stopChild } from '../lib/child.ts';
import type { Suite, SuiteContext } from '../lib/context.ts';
import { figure, ratio, skipped, type Figure } from '../lib/figures.ts';
import { benchFilters, type BenchFilter } from '../lib/filters.ts';
import { ensureSqliteCorpus, sqliteCorpusOf } from '../lib/sqlite-corpus.ts';
import { loadavg } from 'node:os';
import { processCpuMs } from '../lib/process-cpu.ts';

export const FILTERED_QUERY = `query Filtered($filter: ArticleFilter) {
  articles(filter: $filter, first: 20) {
    edges { cursor node { id title url publishedAt source { id title }
      actors { actor { id name kind } mentions salience }
      regions { region { id name kind } mentions } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface LoadResult {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  readonly failures: number;
  /** The server process's CPU (user + system) per answered request, ms; NaN when not measured. */
  readonly cpuMsPerRequest: number;
}

/**
 * One autocannon run; `bodyFor(i)` gives the i-th request body. With `serverPid`, the server's
 * CPU over the run is read from /proc and divided by the requests answered.
 */
export async function load(url: string, bodyFor: (i: number) => string, seconds: number, serverPid?: number): Promise<LoadResult> {
  let i = 0;
  const cpuBefore = processCpuMs(serverPid);
  const result = await autocannon({
    url,
    connections: 50,
    duration: seconds,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: bodyFor(i++) }) }],
  });
  const cpuAfter = processCpuMs(serverPid);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
    cpuMsPerRequest: cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0 ? (cpuAfter - cpuBefore) / result.requests.total : Number.NaN,
  };
}

/**
 * Bodies of the filtered query over the rotation of filters. `unique`: the `to` bound moves by
 * one millisecond per round, so no two requests are equal and no response cache can answer.
 */
export function filteredBody(filters: readonly BenchFilter[], unique: boolean): (i: number) => string {
  return (i) => {
    const f = filters[i % filters.length] as BenchFilter;
    const to = unique ? new Date(Date.parse(f.to) - (Math.floor(i / filters.length) % 86_400_000)).toISOString() : f.to;
    return JSON.stringify({ query: FILTERED_QUERY, variables: { filter: { ...f, to } } });
  };
}

async function firstResponse(url: string, body: string): Promise<{ bytes: number; json: { data?: unknown; errors?: { message: string }[] } }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  return { bytes: Buffer.byteLength(text), json: JSON.parse(text) as { data?: unknown; errors?: { message: string }[] } };
}

/** The 1-minute load average, to print next to a figure (the machine may be shared). */
export const load1 = (): string => loadavg()[0]!.toFixed(1);

/** Median of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Medians over rounds of load runs. */
export function medianResult(runs: readonly LoadResult[]): LoadResult {
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    failures: runs.reduce((sum, r) => sum + r.failures, 0),
    cpuMsPerRequest: median(runs.map((r) => r.cpuMsPerRequest)),
  };
}

/** What one size measured: newsgate's filtered and trivial queries, and the plain Apollo baseline. */
export interface SizeResult {
  readonly articles: number;
  readonly filtered: LoadResult;
  readonly trivial: LoadResult;
  /** Median of the rounds' filtered/trivial ratios. */
  readonly ratio: number;
  /** Median of the rounds' trivial/filtered server CPU per request. */
  readonly cpuRatio: number;
  readonly plain: LoadResult;
  readonly bytes: number;
  readonly loadBefore: string;
  readonly loadAfter: string;
}

/**
 * `rounds` alternating runs of `first` then `second` against a warmed server; the medians and
 * the median of the per-round ratios first/second.
 */
export async function alternate(endpoint: string, first: (i: number) => string, second: (i: number) => string, rounds: number, seconds: number, serverPid?: number) {
  await load(endpoint, first, 1); // warm-up: V8's JIT, graphql-jit's compiles, first reads
  await load(endpoint, second, 1);
  const a: LoadResult[] = [];
  const b: LoadResult[] = [];
  for (let r = 0; r < rounds; r++) {
    a.push(await load(endpoint, first, seconds, serverPid));
    b.push(await load(endpoint, second, seconds, serverPid));
  }
  return {
    first: medianResult(a),
    second: medianResult(b),
    ratio: median(a.map((x, i) => ratio(x.rps, b[i]!.rps))),
    /** second's CPU per request / first's: the req/s ratio the server would reach were it alone on its cores. */
    cpuRatio: median(a.map((x, i) => ratio(b[i]!.cpuMsPerRequest, x.cpuMsPerRequest))),
  };
}

function row(name: string, r: LoadResult, extra: Partial<Figure> = {}): Figure {
  return figure({ suite: 'http', name, value: r.rps, unit: `req/s (p50 ${r.p50} ms, p99 ${r.p99} ms)`, ...extra });
}

async function startGateway(ctx: SuiteContext, storeUrl: string, cache: 'on' | 'off') {
  return startChildServer<{ url: string; articles: number }>('children/gateway-child.ts', [storeUrl, ctx.tmpDir, '40', cache]);
}

/** newsgate (cache off) and the plain Apollo baseline on `count` articles. */
async function measureSize(ctx: SuiteContext, count: number, filters: readonly BenchFilter[], rounds: number, seconds: number): Promise<SizeResult> {
  const corpus = count === (ctx.quick ? 20_000 : 100_000) ? await ensureSqliteCorpus(ctx) : await sqliteCorpusOf(ctx, count);
  const uniqueBody = filteredBody(filters, true);
  const trivialBody = JSON.stringify({ query: '{ __typename }' });
  const loadBefore = load1();
  const gateway = await startGateway(ctx, corpus.url, 'off');
  let pair;
  let bytes;
  try {
    const endpoint = `${gateway.info.url}/graphql`;
    const probe = await firstResponse(endpoint, uniqueBody(0));
    if (probe.json.errors?.length) throw new Error(`the filtered query failed: ${probe.json.errors.map((e) => e.message).join('; ')}`);
    const page = (probe.json.data as { articles?: { edges?: unknown[] } } | undefined)?.articles;
    ctx.log(`http: newsgate holds ${gateway.info.articles} articles; filtered response ${probe.bytes} bytes, ${page?.edges?.length ?? 0} edges`);
    bytes = probe.bytes;
    pair = await alternate(endpoint, uniqueBody, () => trivialBody, rounds, seconds, gateway.child.pid);
  } finally {
    await stopChild(gateway.child);
  }
  const baseline = await startChildServer<{ url: string; articles: number }>('children/plain-apollo-child.ts', [String(count), String(ctx.seed)]);
  const plainRuns: LoadResult[] = [];
  try {
    const endpoint = `${baseline.info.url}/graphql`;
    const first = await firstResponse(endpoint, uniqueBody(0));
    if (first.json.errors?.length) throw new Error(`the plain Apollo baseline failed: ${first.json.errors.map((e) => e.message).join('; ')}`);
    await load(endpoint, uniqueBody, 1);
    for (let r = 0; r < rounds; r++) plainRuns.push(await load(endpoint, uniqueBody, seconds, baseline.child.pid));
  } finally {
    await stopChild(baseline.child);
  }
  const result = { articles: count, filtered: pair.first, trivial: pair.second, ratio: pair.ratio, cpuRatio: pair.cpuRatio, plain: medianResult(plainRuns), bytes, loadBefore, loadAfter: load1() };
  ctx.log(
    `  ${count} articles: filtered ${result.filtered.rps} req/s (p99 ${result.filtered.p99} ms, ${result.filtered.cpuMsPerRequest.toFixed(3)} ms CPU/req), ` +
      `trivial ${result.trivial.rps} req/s (${result.trivial.cpuMsPerRequest.toFixed(3)} ms CPU/req), ratio ${result.ratio.toFixed(3)} (by CPU ${result.cpuRatio.toFixed(3)}); ` +
      `plain Apollo ${result.plain.rps} req/s (p99 ${result.plain.p99} ms, ${result.plain.cpuMsPerRequest.toFixed(3)} ms CPU/req); load ${loadBefore} → ${result.loadAfter}`,
  );
  return result;
}

function sizeRows(r: SizeResult, filters: number, rounds: number, seconds: number): Figure[] {
  const load = `load average ${r.loadBefore} → ${r.loadAfter}`;
  const failures = r.filtered.failures + r.trivial.failures;
  return [
    row(`articles(filter, first: 20), cache off, ${r.articles} articles`, r.filtered, {
      baseline: { name: '{ __typename }', value: r.trivial.rps, unit: `req/s (p99 ${r.trivial.p99} ms)` },
      ratio: r.ratio,
      target: { on: 'ratio', op: '>=', limit: 0.5 },
      note: `${filters} filters rotated, every request unique; response ${r.bytes} bytes; 50 connections; median of ${rounds} alternating rounds of ${seconds} s; ${load}${failures ? `; ${failures} requests failed` : ''}`,
    }),
    figure({ suite: 'http', name: `filtered query p99, cache off, ${r.articles} articles`, value: r.filtered.p99, unit: 'ms', target: { on: 'value', op: '<=', limit: 50 }, note: load }),
    row(`newsgate vs plain Apollo array scan, ${r.articles} articles`, r.filtered, {
      baseline: { name: 'plain Apollo Server, resolvers scan an array', value: r.plain.rps, unit: `req/s (p99 ${r.plain.p99} ms)` },
      ratio: ratio(r.filtered.rps, r.plain.rps),
      target: { on: 'ratio', op: '>=', limit: 1 },
      note: load,
    }),
    figure({
      suite: 'http',
      name: `server CPU per filtered request, ${r.articles} articles`,
      value: r.filtered.cpuMsPerRequest,
      unit: 'ms',
      baseline: { name: 'per { __typename } request', value: r.trivial.cpuMsPerRequest, unit: `ms; plain Apollo ${r.plain.cpuMsPerRequest.toFixed(3)} ms per filtered request` },
      ratio: r.cpuRatio,
      note: `ratio = trivial CPU / filtered CPU (median of rounds): the req/s ratio of a server alone on its cores; newsgate/plain Apollo by CPU ${ratio(r.plain.cpuMsPerRequest, r.filtered.cpuMsPerRequest).toFixed(2)}x; ${load}`,
    }),
  ];
}

export const httpSuite: Suite = {
  name: 'http',
  description: 'autocannon at 50 connections: filtered articles query vs { __typename }, vs a plain Apollo array scan, at 10k and 100k articles',
  async run(ctx: SuiteContext) {
    const seconds = ctx.quick ? 3 : 5;
    const rounds = ctx.quick ? 1 : 3;
    const { ids } = await corpusIds(ctx);
    const filters = benchFilters(ids);
    const rows: Figure[] = [];
    try {
      const sizes = [10_000, ctx.quick ? 20_000 : 100_000];
      const results: SizeResult[] = [];
      for (const size of sizes) results.push(await measureSize(ctx, size, filters, rounds, seconds));
      for (const r of results) rows.push(...sizeRows(r, filters.length, rounds, seconds));
      const main = results.at(-1) as SizeResult;
      // Response cache on (the default), the same filters repeating: what a dashboard sees.
      const corpus = await ensureSqliteCorpus(ctx);
      const trivialBody = JSON.stringify({ query: '{ __typename }' });
      const cached = await startGateway(ctx, corpus.url, 'on');
      let cachedResult;
      try {
        const endpoint = `${cached.info.url}/graphql`;
        await load(endpoint, filteredBody(filters, false), 1);
        cachedResult = await load(endpoint, filteredBody(filters, false), seconds);
      } finally {
        await stopChild(cached.child);
      }
      // The floor: node:http with a body of the filtered response's size.
      const bare = await startChildServer<{ url: string; bytes: number }>('children/bare-child.ts', [String(main.bytes)]);
      let bareResult;
      try {
        await load(bare.info.url, () => trivialBody, 1);
        bareResult = await load(bare.info.url, () => trivialBody, seconds);
      } finally {
        await stopChild(bare.child);
      }
      rows.push(
        row(`articles(filter, first: 20), response cache on, ${main.articles} articles`, cachedResult, {
          baseline: { name: '{ __typename }', value: main.trivial.rps, unit: 'req/s' },
          ratio: ratio(cachedResult.rps, main.trivial.rps),
          note: `the default config; the same ${filters.length} filters repeating, so most requests are cache hits; load average ${load1()}`,
        }),
        row('{ __typename }', main.trivial, { baseline: { name: 'bare node:http', value: bareResult.rps, unit: 'req/s' }, ratio: ratio(main.trivial.rps, bareResult.rps) }),
        row('bare node:http, same body size', bareResult),
      );
    } catch (err) {
      rows.push(skipped('http', 'filtered query', (err as Error).message));
    }
    return rows;
  },
};
