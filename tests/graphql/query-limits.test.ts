/**
 * Query limits: the cost model (a pure function, table-tested) and the limits as a client meets
 * them, through real HTTP on a running gateway: the alias bomb, the fragment bomb, a cost bomb,
 * deep introspection, too many tokens, an oversized batch and deeply nested variables are all
 * refused before they run, with a 400, the code and what was measured against which limit.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getIntrospectionQuery, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILTERED_QUERY } from '../../bench/suites/http.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { EXAMPLE_QUERY } from '../../src/graphql/playground/example-query.ts';
import { DEFAULT_LIST_SIZE, operationCost } from '../../src/graphql/query-cost.ts';
import { MAX_BUCKETS } from '../../src/analytics/zoned-buckets.ts';
import { buildGatewaySchema } from '../../src/graphql/schema.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { startGateway, type Gateway } from '../../src/server/gateway.ts';

const schema = buildGatewaySchema();
const costOf = (query: string, variables: Record<string, unknown> = {}) => {
  const doc = parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return operationCost(schema, doc, op, variables);
};
const L = DEFAULT_LIST_SIZE;

/** 24 fragments, each spreading the next twice: 2^24 copies of the last one's fields. */
const FRAGMENT_BOMB = `query { ...F0 }\n${Array.from({ length: 24 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join('\n')}\nfragment F24 on Query { feeds { id } }`;
const ALIAS_BOMB = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: articles(first: 100) { edges { node { id title contentHtml } } }`).join(' ')} }`;
const COST_BOMB = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: articles(first: 100) { edges { node { actors { actor { articles(first: 100) { edges { node { id contentHtml } } } } } } } }`).join(' ')} }`;

describe('operationCost', () => {
  it.each([
    ['a scalar field', '{ feeds { id } }', 1 + L * 1],
    ['__typename is free', '{ __typename }', 0],
    ['a page of 100: edges are counted by first', '{ articles(first: 100) { edges { node { id } } } }', 1 + 100 * (1 + (1 + 1))],
    ['the default first (20)', '{ articles { totalCount } }', 1 + 20 * 1],
    ['nested pages multiply', '{ articles(first: 100) { edges { node { actors { actor { articles(first: 100) { totalCount } } } } } } }', 1 + 100 * (1 + (1 + (1 + L * (1 + (1 + 100 * 1)))))],
    ['a fragment counts where it is spread', '{ articles(first: 10) { edges { node { ...A } } } } fragment A on Article { id title }', 1 + 10 * (1 + (1 + 2))],
    ['introspection costs 1 per field', '{ __schema { types { name } } }', 1],
    // The analyst fields (issue 10): each list priced by what it can really hold.
    ['facets(first) sizes each facet list once', '{ facets(first: 100) { actors { actor { id } count } languages { language count } } }', 1 + 100 * ((1 + (1 + 1 + 1)) + (1 + 2))],
    ['facets default first (10)', '{ facets { sources { count } } }', 1 + 10 * (1 + 1)],
    ['timeline buckets at their bound (MAX_BUCKETS)', '{ timeline { buckets { start count share } totalCount } }', 1 + (1 + MAX_BUCKETS * 3) + 1],
    ['actorNetwork(first) multiplies its pairs', '{ actorNetwork(first: 200) { a { id } b { id } count score } }', 1 + 200 * ((1 + 1) + (1 + 1) + 2)],
    ['Actor.cooccurring(first) multiplies by first, inside actor', '{ actor(id: "irgc") { cooccurring(first: 30) { actor { id } count score } } }', 1 + (1 + 30 * ((1 + 1) + 2))],
    ['a fragment on a sized object keeps its lists sized', '{ facets(first: 50) { ...F } } fragment F on Facets { topics { count } }', 1 + 50 * (1 + 1)],
  ])('%s', (_name, query, expected) => {
    expect(costOf(query)).toBe(expected);
  });

  it('reads `first` from the variables', () => {
    const q = 'query($n: Int) { articles(first: $n) { totalCount } }';
    expect(costOf(q, { n: 50 })).toBe(1 + 50);
    expect(costOf(q, {})).toBe(1 + 20);
  });

  it('prices the fragment bomb in linear time (memoised fragments)', () => {
    const started = performance.now();
    expect(costOf(FRAGMENT_BOMB)).toBe(2 ** 24 * (1 + L));
    expect(performance.now() - started).toBeLessThan(50);
  });
});

const dir = mkdtempSync(path.join(tmpdir(), 'newsgate-limits-'));
writeFileSync(path.join(dir, 'feeds.json'), '{"feeds":[]}');
let gateway: Gateway;
let small: Gateway;
beforeAll(async () => {
  const start = (env: Record<string, string>) =>
    startGateway(loadConfig({ PORT: '0', HOST: '127.0.0.1', STORE_URL: `sqlite://${dir}/${Math.random().toString(36).slice(2)}.sqlite`, FEEDS_FILE: 'feeds.json', POLL: 'false', RESPONSE_CACHE: 'off', ...env }, dir), { logger: silentLogger, watchConfig: false });
  gateway = await start({});
  small = await start({ QUERY_MAX_COST: '300', QUERY_MAX_DEPTH: '4', QUERY_MAX_ALIASES: '2', QUERY_MAX_BATCH: '2', QUERY_MAX_TOKENS: '50' });
});
afterAll(async () => {
  await gateway?.stop();
  await small?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  /** CPU time of this process (client and in-process server) during the request: load-proof. */
  ms: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string; details?: { limit: string; max: number; found?: number } } }[] } & unknown[];
}
async function post(g: Gateway, body: unknown): Promise<Answer> {
  const started = process.cpuUsage();
  const res = await fetch(`${g.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as Answer['body'];
  const cpu = process.cpuUsage(started);
  return { status: res.status, ms: (cpu.user + cpu.system) / 1000, body: json };
}
const refusal = (a: Answer) => a.body.errors?.[0];

describe('limits through HTTP (default limits)', () => {
  it('lets real queries through: the playground example, the bench query, introspection', async () => {
    for (const query of [EXAMPLE_QUERY, FILTERED_QUERY, getIntrospectionQuery()]) {
      const a = await post(gateway, { query, variables: {} });
      expect(a.body.errors, query.slice(0, 40)).toBeUndefined();
      expect(a.status).toBe(200);
    }
  });

  it('refuses the alias bomb (1,000 aliases of articles(first: 100)) at once: its 17,000 tokens stop the parser', async () => {
    const a = await post(gateway, { query: ALIAS_BOMB });
    expect(a.status).toBe(400);
    expect(refusal(a)?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(refusal(a)?.extensions?.details).toEqual({ limit: 'tokens', max: 5000 });
    expect(refusal(a)?.message).toContain('QUERY_MAX_TOKENS');
    expect(a.ms, `${a.ms} ms CPU`).toBeLessThan(500);
  });

  it('refuses the alias bomb within the token limit (300 aliases, short fields) by its aliases', async () => {
    const a = await post(gateway, { query: `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: articles(first: 100) { totalCount }`).join(' ')} }` });
    expect(a.status).toBe(400);
    expect(refusal(a)?.extensions?.details).toEqual({ limit: 'aliases', max: 30, found: 300 });
    expect(refusal(a)?.message).toContain('QUERY_MAX_ALIASES');
    expect(a.ms, `${a.ms} ms CPU`).toBeLessThan(500);
  });

  it('refuses the fragment bomb at once, saying its cost and the limit', async () => {
    const a = await post(gateway, { query: FRAGMENT_BOMB });
    expect(a.status).toBe(400);
    expect(refusal(a)?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(refusal(a)?.extensions?.details).toEqual({ limit: 'cost', max: 25_000, found: 2 ** 24 * 11 });
    expect(refusal(a)?.message).toMatch(/would cost \d+; at most 25000/);
    expect(a.ms, `${a.ms} ms CPU`).toBeLessThan(500);
  });

  it('refuses nested pages that multiply (20 aliases of articles → actors → articles)', async () => {
    const a = await post(gateway, { query: COST_BOMB });
    expect(a.status).toBe(400);
    expect(refusal(a)?.extensions?.details?.limit).toBe('cost');
    expect(refusal(a)?.extensions?.details?.found).toBeGreaterThan(1_000_000);
  });

  it('counts introspection fields in the depth', async () => {
    let deep = 'name';
    for (let i = 0; i < 20; i++) deep = `ofType { ${deep} }`;
    const a = await post(gateway, { query: `{ __type(name: "Article") { fields { type { ${deep} } } } }` });
    expect(a.status).toBe(400);
    expect(refusal(a)?.extensions?.details?.limit).toBe('depth');
  });

  it('answers deeply nested variables with 400, not 500', async () => {
    const nested = `${'['.repeat(10_000)}"IQ"${']'.repeat(10_000)}`;
    const body = `{"query":"query($f: ArticleFilter) { articles(filter: $f) { totalCount } }","variables":{"f":{"regions":${nested}}}}`;
    const res = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Answer['body']).errors?.[0]?.message).toContain('levels deep');
    const get = await fetch(`${gateway.url}/graphql?query=${encodeURIComponent('query($f: ArticleFilter) { articles(filter: $f) { totalCount } }')}&variables=${encodeURIComponent(`{"f":{"regions":${'['.repeat(200)}"IQ"${']'.repeat(200)}}}`)}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(get.status).toBe(400);
  });
});

describe('limits are configurable (QUERY_MAX_*)', () => {
  it('QUERY_MAX_COST=300: 100 articles with two fields cost 301 and are refused; 99 are not', async () => {
    const over = await post(small, { query: 'query($n: Int) { articles(first: $n) { edges { node { id } } } }', variables: { n: 100 } });
    expect(over.status).toBe(400);
    expect(refusal(over)?.extensions?.details).toEqual({ limit: 'cost', max: 300, found: 301 });
    const under = await post(small, { query: 'query($n: Int) { articles(first: $n) { edges { node { id } } } }', variables: { n: 99 } });
    expect(under.status).toBe(200);
  });

  it('QUERY_MAX_DEPTH=4 and QUERY_MAX_ALIASES=2', async () => {
    expect(refusal(await post(small, { query: '{ articles { edges { node { source { id } } } } }' }))?.extensions?.details).toEqual({ limit: 'depth', max: 4, found: 5 });
    expect(refusal(await post(small, { query: '{ a: feeds { id } b: feeds { id } c: feeds { id } }' }))?.extensions?.details).toEqual({ limit: 'aliases', max: 2, found: 3 });
  });

  it('QUERY_MAX_TOKENS=50: a longer document is refused while parsing', async () => {
    const a = await post(small, { query: `{ ${Array.from({ length: 30 }, () => 'feeds { id }').join(' ')} }` });
    expect(a.status).toBe(400);
    expect(refusal(a)?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', details: { limit: 'tokens', max: 50 } });
  });

  it('QUERY_MAX_BATCH=2: a batch of 2 runs, a batch of 3 is refused', async () => {
    const ok = await post(small, [{ query: '{ __typename }' }, { query: '{ feeds { id } }' }]);
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveLength(2);
    const over = await post(small, [{ query: '{ __typename }' }, { query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(over.status).toBe(400);
    expect(refusal(over)?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(refusal(over)?.message).toContain('at most 2');
  });
});
