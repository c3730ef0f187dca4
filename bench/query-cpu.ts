/**
 * CPU per filtered query, in process (no HTTP, no load generator): the gateway's Apollo Server
 * over a memory store of N synthetic articles runs FILTERED_QUERY over the bench filters in a
 * loop, and the process's CPU time per operation is reported for each variant of the GraphQL
 * layer. CPU time, not wall time, so a busy shared machine skews it less than autocannon.
 *
 *   node --import tsx bench/query-cpu.ts [articles=20000] [operations=2000]
 */
import 'reflect-metadata';
import { execute, parse } from 'graphql';
import { articleBatches } from './corpus/build-articles.ts';
import { resolveCorpusIds } from './lib/catalog-ids.ts';
import { writeArticlesDirect } from './lib/fill-store.ts';
import { benchFilters } from './lib/filters.ts';
import { loadTagger, openStore, benchFeedConfig } from './lib/newsgate.ts';
import { FILTERED_QUERY } from './suites/http.ts';
import { buildGatewaySchema, createApolloServer, executeOperation } from '../src/graphql/schema.ts';
import { createContext, type GatewayServices } from '../src/graphql/context.ts';
import { silentLogger } from '../src/observability/logger.ts';
import { createMetrics } from '../src/observability/metrics.ts';

process.env.NODE_ENV ??= 'production';
const count = Number(process.argv[2] ?? 20_000);
const ops = Number(process.argv[3] ?? 2000);
const { ids, regionAncestors } = await resolveCorpusIds(() => {});
const { catalog } = await loadTagger();
await writeArticlesDirect('memory://cpu', articleBatches({ seed: 4, count, bodies: 'lean', ids, batchSize: 5000 }), { bodies: false });
const store = await openStore({ url: 'memory://cpu', regionAncestors });
const feeds = Array.from({ length: 40 }, (_, i) => benchFeedConfig(`feed-${i}`, `http://127.0.0.1:9/feed-${i}.xml`));
const services = {
  store,
  catalog,
  feeds: () => feeds,
  refreshFeed: async () => ({ status: 'skipped', added: 0, updated: 0 }),
  events: { subscribe: () => () => {} },
} as unknown as GatewayServices;
const filters = benchFilters(ids);
const variables = (i: number) => ({ filter: { ...filters[i % filters.length], includeAffiliates: false } });

async function measure(name: string, run: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 200; i++) await run(i); // warm-up
  const before = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < ops; i++) await run(i);
  const cpu = process.cpuUsage(before);
  const ms = performance.now() - t;
  console.log(`${name.padEnd(48)} ${(((cpu.user + cpu.system) / 1000) / ops).toFixed(3)} ms CPU/op  (${(ms / ops).toFixed(3)} ms wall/op)`);
}

const schema = buildGatewaySchema();
const document = parse(FILTERED_QUERY);
const check = await executeOperation(createApolloServer(services, { logger: silentLogger }), services, { query: FILTERED_QUERY, variables: variables(0) }).catch((e) => e);
void check;
await measure('graphql-js execute (no Apollo)', (i) => Promise.resolve(execute({ schema, document, contextValue: createContext(services), variableValues: variables(i) })));
const { compileQuery, isCompiledQuery } = await import('graphql-jit');
const compiled = compileQuery(schema, document, undefined, { disableLeafSerialization: false });
if (!isCompiledQuery(compiled)) throw new Error(JSON.stringify(compiled));
const jitFirst = await compiled.query(undefined, createContext(services), variables(0));
if (jitFirst.errors) throw new Error(JSON.stringify(jitFirst.errors));
await measure('graphql-jit compiled query (no Apollo)', (i) => Promise.resolve(compiled.query(undefined, createContext(services), variables(i))));
const variants: [string, Parameters<typeof createApolloServer>[1]][] = [
  ['Apollo, as the gateway runs it (graphql-jit)', { logger: silentLogger, metrics: createMetrics() }],
  ['Apollo, graphql-js execute instead of graphql-jit', { logger: silentLogger, metrics: createMetrics(), executor: 'graphql-js' }],
  ['Apollo, as the gateway runs it, again', { logger: silentLogger, metrics: createMetrics() }],
  ['Apollo, without operation metrics', { logger: silentLogger }],
];
for (const [name, options] of variants) {
  const apollo = createApolloServer(services, options);
  await apollo.start();
  const first = await executeOperation(apollo, services, { query: FILTERED_QUERY, variables: variables(0) });
  if (first.body.kind === 'single' && first.body.singleResult.errors) throw new Error(JSON.stringify(first.body.singleResult.errors));
  await measure(name, (i) => executeOperation(apollo, services, { query: FILTERED_QUERY, variables: variables(i) }));
  await apollo.stop();
}
{
  // The request id's AsyncLocalStorage (src/observability/request-context.ts) on Node 20 turns on
  // promise hooks for the whole process: the same operation, inside and outside a request's store.
  const { withRequestContext } = await import('../src/observability/request-context.ts');
  const apollo = createApolloServer(services, { logger: silentLogger });
  await apollo.start();
  await measure('Apollo (gateway config), no request context', (i) => executeOperation(apollo, services, { query: FILTERED_QUERY, variables: variables(i) }));
  const metrics = createMetrics();
  const inContext = (i: number) =>
    new Promise<unknown>((resolve) => {
      const fakeRes = { setHeader() {}, once() {} } as unknown as import('node:http').ServerResponse;
      withRequestContext({ logger: silentLogger, metrics }, () => resolve(executeOperation(apollo, services, { query: FILTERED_QUERY, variables: variables(i) })))({ headers: {}, url: '/graphql' } as never, fakeRes);
    });
  await measure('Apollo (gateway config), inside a request context', inContext);
  await apollo.stop();
}
const { ApolloServer } = await import('@apollo/server');
const { ApolloServerPluginCacheControlDisabled } = await import('@apollo/server/plugin/disabled');
for (const [name, plugins] of [
  ['bare Apollo (default cache-control plugin)', []],
  ['bare Apollo, cache-control plugin disabled', [ApolloServerPluginCacheControlDisabled()]],
] as const) {
  const apollo = new ApolloServer({ schema, plugins: [...plugins] });
  await apollo.start();
  await measure(name, (i) => apollo.executeOperation({ query: FILTERED_QUERY, variables: variables(i) }, { contextValue: createContext(services) }));
  await apollo.stop();
}
await measure('{ __typename } through Apollo', async () => {
  const apollo = trivialApollo ??= (await (async () => { const a = createApolloServer(services, { logger: silentLogger }); await a.start(); return a; })());
  return executeOperation(apollo, services, { query: '{ __typename }' });
});
var trivialApollo: ReturnType<typeof createApolloServer> | undefined;
process.exit(0);
