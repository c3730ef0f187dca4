/**
 * Queries over HTTP (issue 6 item 3): autocannon, 50 connections, a few seconds each, against
 * a real newsgate (child process) holding the corpus:
 *   - the filtered query: articles(filter: {actors, regions, from, to}, first: 20) with nested
 *     actors, regions and source, rotating over filters, with the response cache off and each
 *     request unique (the figure is the query path, not a cache);
 *   - the same with the response cache on (the default) and the filters repeating;
 *   - `{ __typename }` on the same server (GraphQL over HTTP with no work behind it);
 *   - a bare node:http server answering a body of the filtered response's size (the floor).
 * Ratios: filtered / trivial and trivial / bare (req/s). Loopback only; autocannon runs in this
 * process, so it shares the 2 cores with the server: the same for all three.
 */
import autocannon from 'autocannon';
import { corpusIds } from '../lib/catalog-ids.ts';
import { startChildServer, stopChild } from '../lib/child.ts';
import type { Suite, SuiteContext } from '../lib/context.ts';
import { figure, ratio, skipped, type Figure } from '../lib/figures.ts';
import { benchFilters, type BenchFilter } from '../lib/filters.ts';
import { ensureSqliteCorpus } from '../lib/sqlite-corpus.ts';
import { writeArticlesDirect } from '../lib/fill-store.ts';
import { articleBatches } from '../corpus/build-articles.ts';
import { join } from 'node:path';

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
}

/** One autocannon run; `bodyFor(i)` gives the i-th request body. */
export async function load(url: string, bodyFor: (i: number) => string, seconds: number): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url,
    connections: 50,
    duration: seconds,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: bodyFor(i++) }) }],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
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

function row(name: string, r: LoadResult, extra: Partial<Figure> = {}): Figure {
  return figure({ suite: 'http', name, value: r.rps, unit: `req/s (p50 ${r.p50} ms, p99 ${r.p99} ms)`, ...extra });
}

async function startGateway(ctx: SuiteContext, storeUrl: string, cache: 'on' | 'off') {
  return startChildServer<{ url: string; articles: number }>('children/gateway-child.ts', [storeUrl, ctx.tmpDir, '40', cache]);
}

export const httpSuite: Suite = {
  name: 'http',
  description: 'autocannon at 50 connections: filtered articles query vs { __typename } vs bare node:http',
  async run(ctx: SuiteContext) {
    const seconds = ctx.quick ? 3 : 6;
    let corpus;
    try {
      corpus = await ensureSqliteCorpus(ctx);
    } catch (err) {
      return [skipped('http', 'filtered query', (err as Error).message)];
    }
    const { ids } = await corpusIds(ctx);
    const filters = benchFilters(ids);
    const uniqueBody = filteredBody(filters, true);
    const repeatingBody = filteredBody(filters, false);
    const trivialBody = JSON.stringify({ query: '{ __typename }' });
    const rows: Figure[] = [];
    try {
      // 1. Response cache off: the query path itself, and the trivial query on the same server.
      const gateway = await startGateway(ctx, corpus.url, 'off');
      let probe;
      let filtered;
      let trivial;
      try {
        const endpoint = `${gateway.info.url}/graphql`;
        probe = await firstResponse(endpoint, uniqueBody(0));
        if (probe.json.errors?.length) throw new Error(`the filtered query failed: ${probe.json.errors.map((e) => e.message).join('; ')}`);
        const page = (probe.json.data as { articles?: { edges?: unknown[] } } | undefined)?.articles;
        ctx.log(`http: newsgate holds ${gateway.info.articles} articles; filtered response ${probe.bytes} bytes, ${page?.edges?.length ?? 0} edges`);
        await load(endpoint, uniqueBody, 1); // warm-up: JIT, first body reads
        filtered = await load(endpoint, uniqueBody, seconds);
        trivial = await load(endpoint, () => trivialBody, seconds);
      } finally {
        await stopChild(gateway.child);
      }
      // 2. Response cache on (the default), the same filters repeating: what a dashboard sees.
      const cached = await startGateway(ctx, corpus.url, 'on');
      let cachedResult;
      try {
        const endpoint = `${cached.info.url}/graphql`;
        await load(endpoint, repeatingBody, 1);
        cachedResult = await load(endpoint, repeatingBody, seconds);
      } finally {
        await stopChild(cached.child);
      }
      // 3. The floor: node:http with a body of the filtered response's size.
      const bare = await startChildServer<{ url: string; bytes: number }>('children/bare-child.ts', [String(probe.bytes)]);
      let bareResult;
      try {
        await load(bare.info.url, () => trivialBody, 1);
        bareResult = await load(bare.info.url, () => trivialBody, seconds);
      } finally {
        await stopChild(bare.child);
      }
      // 4. What a user would write instead: a plain Apollo Server scanning an array, at 10k
      //    articles and at the corpus size, against newsgate on a store of the same size.
      const small = 10_000;
      const smallUrl = `sqlite://${join(ctx.tmpDir, 'corpus-10k.sqlite')}`;
      await writeArticlesDirect(smallUrl, articleBatches({ seed: ctx.seed + 3, count: small, bodies: 'full', batchSize: 1000, ids }), { bodies: true });
      const smallGateway = await startGateway(ctx, smallUrl, 'off');
      let newsgateSmall;
      try {
        const endpoint = `${smallGateway.info.url}/graphql`;
        await load(endpoint, uniqueBody, 1);
        newsgateSmall = await load(endpoint, uniqueBody, seconds);
      } finally {
        await stopChild(smallGateway.child);
      }
      const plain: Record<number, LoadResult> = {};
      for (const size of [small, corpus.count]) {
        const baseline = await startChildServer<{ url: string; articles: number }>('children/plain-apollo-child.ts', [String(size), String(ctx.seed)]);
        try {
          const endpoint = `${baseline.info.url}/graphql`;
          const first = await firstResponse(endpoint, uniqueBody(0));
          if (first.json.errors?.length) throw new Error(`the plain Apollo baseline failed: ${first.json.errors.map((e) => e.message).join('; ')}`);
          await load(endpoint, uniqueBody, 1);
          plain[size] = await load(endpoint, uniqueBody, seconds);
        } finally {
          await stopChild(baseline.child);
        }
      }
      ctx.log(`  plain Apollo: ${plain[small]!.rps} req/s at ${small}, ${plain[corpus.count]!.rps} req/s at ${corpus.count}; newsgate ${newsgateSmall.rps} req/s at ${small}`);
      const failures = filtered.failures + trivial.failures + bareResult.failures + cachedResult.failures;
      ctx.log(`  filtered ${filtered.rps} req/s, cached ${cachedResult.rps} req/s, trivial ${trivial.rps} req/s, bare ${bareResult.rps} req/s${failures ? `, ${failures} failed requests` : ''}`);
      rows.push(
        row('articles(filter, first: 20), cache off', filtered, {
          baseline: { name: '{ __typename }', value: trivial.rps, unit: 'req/s' },
          ratio: ratio(filtered.rps, trivial.rps),
          target: { on: 'ratio', op: '>=', limit: 0.5 },
          note: `${gateway.info.articles} articles held; ${filters.length} filters rotated, every request unique; response ${probe.bytes} bytes; 50 connections, ${seconds} s each${failures ? `; ${failures} requests failed` : ''}`,
        }),
        figure({ suite: 'http', name: 'filtered query p99 at 50 connections, cache off', value: filtered.p99, unit: 'ms', target: { on: 'value', op: '<=', limit: 50 } }),
        row('articles(filter, first: 20), response cache on', cachedResult, {
          baseline: { name: '{ __typename }', value: trivial.rps, unit: 'req/s' },
          ratio: ratio(cachedResult.rps, trivial.rps),
          note: `the default config; the same ${filters.length} filters repeating, so most requests are cache hits`,
        }),
        row('{ __typename }', trivial, { baseline: { name: 'bare node:http', value: bareResult.rps, unit: 'req/s' }, ratio: ratio(trivial.rps, bareResult.rps) }),
        row('bare node:http, same body size', bareResult),
        row(`newsgate vs plain Apollo array scan, ${small} articles`, newsgateSmall, {
          baseline: { name: 'plain Apollo Server, resolvers scan an array', value: plain[small]!.rps, unit: `req/s (p99 ${plain[small]!.p99} ms)` },
          ratio: ratio(newsgateSmall.rps, plain[small]!.rps),
          target: { on: 'ratio', op: '>=', limit: 1 },
        }),
        row(`newsgate vs plain Apollo array scan, ${corpus.count} articles`, filtered, {
          baseline: { name: 'plain Apollo Server, resolvers scan an array', value: plain[corpus.count]!.rps, unit: `req/s (p99 ${plain[corpus.count]!.p99} ms)` },
          ratio: ratio(filtered.rps, plain[corpus.count]!.rps),
          target: { on: 'ratio', op: '>=', limit: 1 },
        }),
      );
    } catch (err) {
      rows.push(skipped('http', 'filtered query', (err as Error).message));
    }
    return rows;
  },
};
