/**
 * The static cache policy gives every query the Cache-Control header Apollo's own per-field
 * cache-control plugin gives it: the same queries run through both servers over the same
 * services, headers compared. Plus the pure function on a few shapes.
 */
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_AGE, DICTIONARY_MAX_AGE } from '../../src/graphql/cache-hints.ts';
import { createContext } from '../../src/graphql/context.ts';
import { buildGatewaySchema, createApolloServer } from '../../src/graphql/schema.ts';
import { staticMaxAge } from '../../src/graphql/use-static-cache-hints.ts';
import { makeServices } from './fakes.ts';
import { captureLogger } from './harness.ts';

const world = makeServices({ adminToken: 'tok3n' });
const ours = createApolloServer(world.services, { logger: captureLogger().logger });
const apollos = new ApolloServer({ schema: buildGatewaySchema(), plugins: [ApolloServerPluginCacheControl({ defaultMaxAge: DEFAULT_MAX_AGE })] });
beforeAll(async () => {
  await ours.start();
  await apollos.start();
});
afterAll(async () => {
  await ours.stop();
  await apollos.stop();
});

async function cacheHeader(server: ApolloServer<any>, query: string): Promise<string | undefined> {
  const res = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body: { query } },
    context: async () => createContext(world.services),
  });
  return res.headers.get('cache-control');
}

const QUERIES = [
  '{ articles { edges { node { id title actors { actor { name } } regions { region { name } } source { id title } } } } }',
  '{ actors(first: 5) { edges { node { id name aliases } } } }',
  '{ actor(id: "kataib-hizbullah") { name affiliations { kind } } }',
  '{ regions(first: 3) { edges { node { name children { name } } } } }',
  '{ topics { id name } }',
  '{ topic(id: "drone-strike") { name } }',
  '{ feeds { id title } }',
  '{ region(id: "IQ") { name } actors { totalCount } }',
  'query { ...Q } fragment Q on Query { topics { name } }',
  '{ __typename }',
];

describe('static cache hints', () => {
  it.each(QUERIES)('%s: the header Apollo’s per-field plugin gives', async (query) => {
    expect(await cacheHeader(ours, query)).toBe(await cacheHeader(apollos, query));
  });

  it.each([
    ['articles (default)', '{ articles { totalCount } }', DEFAULT_MAX_AGE],
    ['dictionary only', '{ topics { name } }', DICTIONARY_MAX_AGE],
    ['dictionary and articles', '{ topics { name } articles { totalCount } }', DEFAULT_MAX_AGE],
  ])('staticMaxAge: %s', (_name, query, expected) => {
    const doc = parse(query);
    const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    expect(staticMaxAge(buildGatewaySchema(), doc, op, DEFAULT_MAX_AGE)).toBe(expected);
  });
});
