/**
 * The gateway's executor: graphql-jit through Apollo's executor hook answers exactly what
 * graphql-js answers — data, errors with their codes and paths, bad variables as
 * BAD_USER_INPUT — over the same services, and a filter sent in a variable without
 * `includeAffiliates` (an input default graphql-jit misses) works.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApolloServer } from '@apollo/server';
import type { Context } from '../../src/graphql/context.ts';
import { createApolloServer, executeOperation } from '../../src/graphql/schema.ts';
import { FILTERED_QUERY } from '../../bench/suites/http.ts';
import { makeServices } from './fakes.ts';
import { captureLogger } from './harness.ts';

const world = makeServices({ adminToken: 'tok3n' });
const servers: Record<'jit' | 'graphql-js', ApolloServer<Context>> = {
  jit: createApolloServer(world.services, { logger: captureLogger().logger }),
  'graphql-js': createApolloServer(world.services, { logger: captureLogger().logger, executor: 'graphql-js' }),
};
beforeAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s.start()));
});

async function both(query: string, variables?: Record<string, unknown>, authorization?: string) {
  const run = async (apollo: ApolloServer<Context>) => {
    const response = await executeOperation(apollo, world.services, { query, ...(variables ? { variables } : {}) }, authorization);
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { status: response.http.status, body: response.body.singleResult, cacheControl: response.http.headers.get('cache-control') };
  };
  return { jit: await run(servers.jit), js: await run(servers['graphql-js']) };
}

describe('graphql-jit executor', () => {
  it.each([
    ['the bench query, filter without includeAffiliates', FILTERED_QUERY, { filter: { actors: ['kataib-hizbullah'], regions: ['IQ'] } }],
    ['the bench query, no filter', FILTERED_QUERY, {}],
    ['counts (promises on the connection)', '{ articles(first: 2) { totalCount totalCountExact edges { node { id title } } } }', undefined],
    ['a resolver error with a code (unknown actor)', FILTERED_QUERY, { filter: { actors: ['kataib-hezbollah'] } }],
    ['a variable of the wrong type', FILTERED_QUERY, { filter: { actors: 7, includeAffiliates: 'yes' } }],
    ['an unauthenticated mutation', 'mutation { refreshFeed(id: "f1") { status } }', undefined],
    ['fragments and aliases', 'query { a: articles(first: 1) { ...P } b: articles(first: 3) { ...P } } fragment P on ArticleConnection { edges { cursor node { id source { id title } } } }', undefined],
  ])('%s: same answer as graphql-js', async (_name, query, variables) => {
    const { jit, js } = await both(query, variables);
    expect(jit).toEqual(js);
  });

  it('answers the filtered query with data, not an error about includeAffiliates', async () => {
    const { jit } = await both(FILTERED_QUERY, { filter: { actors: ['kataib-hizbullah'] } });
    expect(jit.body.errors).toBeUndefined();
    expect((jit.body.data as { articles: { edges: unknown[] } }).articles.edges.length).toBeGreaterThan(0);
  });

  it('reports bad variables as BAD_USER_INPUT with HTTP 400', async () => {
    const { jit } = await both(FILTERED_QUERY, { filter: { actors: 7, includeAffiliates: 'yes' } });
    expect(jit.status).toBe(400);
    expect(jit.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
