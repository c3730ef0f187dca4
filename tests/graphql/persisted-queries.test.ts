/**
 * Automatic persisted queries over real HTTP, as the README documents them: a hash alone is
 * answered PERSISTED_QUERY_NOT_FOUND the first time; the query sent with its hash is run and
 * kept; from then on the hash alone runs it, by POST and by GET (short, cacheable URL with the
 * public Cache-Control); a hash that does not match its query is refused with Apollo's message
 * and BAD_REQUEST (it was masked as an internal error before).
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphqlHttpHandler } from '../../src/graphql/http.ts';
import { createApolloServer } from '../../src/graphql/schema.ts';
import { makeServices } from './fakes.ts';
import { captureLogger } from './harness.ts';

const world = makeServices();
const apollo = createApolloServer(world.services, { logger: captureLogger().logger });
let server: Server;
let base: string;

beforeAll(async () => {
  await apollo.start();
  const handler = createGraphqlHttpHandler(apollo, world.services);
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await apollo.stop();
});

const QUERY = 'query Two { articles(first: 2) { edges { node { id } } } }';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });
const post = async (body: object) => {
  const res = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, cacheControl: res.headers.get('cache-control'), json: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
};
const expected = { articles: { edges: [{ node: { id: 'a6' } }, { node: { id: 'a5' } }] } };

describe('automatic persisted queries', () => {
  it('asks for the query, keeps it, then runs it from the hash alone (POST and GET)', async () => {
    const unknown = await post({ extensions: persisted(sha(QUERY)) });
    expect(unknown.json.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const registered = await post({ query: QUERY, extensions: persisted(sha(QUERY)) });
    expect(registered.json).toEqual({ data: expected });

    const byHash = await post({ extensions: persisted(sha(QUERY)) });
    expect(byHash.json).toEqual({ data: expected });

    const url = `${base}?extensions=${encodeURIComponent(JSON.stringify(persisted(sha(QUERY))))}`;
    const get = await fetch(url, { headers: { 'apollo-require-preflight': '1' } });
    expect(get.status).toBe(200);
    expect(get.headers.get('cache-control')).toBe('max-age=5, public');
    expect(await get.json()).toEqual({ data: expected });
  });

  it('refuses a hash that is not the query’s', async () => {
    const wrong = await post({ query: QUERY, extensions: persisted(sha('something else')) });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors?.[0]?.message).toMatch(/sha|hash/i);
    expect(wrong.json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });
});
