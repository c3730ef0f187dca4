/**
 * The node:http handler on a real server at 127.0.0.1:0: GraphQL over POST and GET, body
 * limits, the Authorization header reaching mutations, and the offline playground page and
 * assets with their content types and cache headers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphqlHttpHandler } from '../../src/graphql/http.ts';
import { ASSETS_BY_KIND } from '../../src/graphql/playground/assets.ts';
import { createApolloServer } from '../../src/graphql/schema.ts';
import { makeServices } from './fakes.ts';
import { captureLogger } from './harness.ts';

const world = makeServices({ adminToken: 'tok3n' });
const apollo = createApolloServer(world.services, { logger: captureLogger().logger });
let server: Server;
let base: string;

beforeAll(async () => {
  await apollo.start();
  const handler = createGraphqlHttpHandler(apollo, world.services, { maxBodyBytes: 4096 });
  server = createServer((req, res) => {
    void handler(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(404);
        res.end('not ours');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await apollo.stop();
});

function post(body: string, headers: Record<string, string> = {}) {
  return fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

describe('GraphQL over HTTP', () => {
  it('answers a POST with data and a short cache max-age', async () => {
    const res = await post(JSON.stringify({ query: '{ articles(first: 2) { totalCount edges { node { id } } } }' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/(graphql-response\+)?json/);
    expect(res.headers.get('cache-control')).toBe('max-age=5, public');
    expect(await res.json()).toEqual({ data: { articles: { totalCount: 6, edges: [{ node: { id: 'a6' } }, { node: { id: 'a5' } }] } } });
  });

  it('answers a GET query (with the CSRF preflight header Apollo requires)', async () => {
    const res = await fetch(`${base}/graphql?query=${encodeURIComponent('{ article(id: "a1") { id } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { article: { id: 'a1' } } });
  });

  it('carries the Authorization header to mutations', async () => {
    const mutation = JSON.stringify({ query: 'mutation { refreshFeed(id: "wire") { status added } }' });
    const refused = (await (await post(mutation)).json()) as { errors: { extensions: { code: string } }[] };
    expect(refused.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const response = await post(mutation, { authorization: 'Bearer tok3n' });
    expect(response.headers.get('cache-control'), 'a mutation answer must not be cached').toBe('no-store');
    const done = await response.json();
    expect(done).toEqual({ data: { refreshFeed: { status: 'modified', added: 2 } } });
  });

  it('refuses a body that is not JSON with 400 and says what to send', async () => {
    const res = await post('{ "query": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ message: expect.stringMatching(/not valid JSON.*Content-Type: application\/json/), extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('refuses a body over the cap with 413', async () => {
    const res = await post(JSON.stringify({ query: `{ articles { totalCount } } # ${'x'.repeat(5000)}` }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(/larger than 4096 bytes/);
  });

  it('leaves other paths to the next handler', async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('not ours');
  });
});

describe('playground over HTTP', () => {
  it('serves the page to a browser, with assets from newsgate only', async () => {
    const res = await fetch(`${base}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toHaveLength(4);
    for (const source of sources) expect(source).toMatch(/^\/graphql\/assets\//);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain('kataib-hizbullah');
  });

  it('serves each asset with its type, an immutable cache header and gzip when asked', async () => {
    for (const asset of Object.values(ASSETS_BY_KIND)) {
      const plain = await fetch(`${base}/graphql/assets/${asset.name}`, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.status).toBe(200);
      expect(plain.headers.get('content-type')).toBe(asset.contentType);
      expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const raw = Buffer.from(await plain.arrayBuffer());
      expect(raw.length).toBeGreaterThan(1000);
    }
    // fetch() decodes gzip itself; read the raw bytes through node:http instead.
    const { request } = await import('node:http');
    const asset = ASSETS_BY_KIND.react;
    const gz = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      request(`${base}/graphql/assets/${asset.name}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    expect(gz.encoding).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toMatch(/React/);
  });

  it('404s an unknown asset and does not serve files by path', async () => {
    for (const path of ['nope.js', '..%2Fpackage.json', '../../package.json']) {
      const res = await fetch(`${base}/graphql/assets/${path}`);
      expect(res.status, path).toBe(404);
    }
  });

  it('does not serve the page to a client asking for JSON', async () => {
    const res = await fetch(`${base}/graphql`, { headers: { accept: 'application/json' } });
    expect(res.headers.get('content-type')).not.toMatch(/html/);
  });
});
