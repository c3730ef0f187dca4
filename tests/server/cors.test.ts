/**
 * CORS through real HTTP on a running gateway: preflights answered by the Fetch standard for
 * allowed origins (echo, Vary, methods, the requested headers, max-age, 204), refused without
 * any Access-Control header for the others, and the default allows no other origin.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { readEnv } from '../../src/config/env.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { startGateway, type Gateway } from '../../src/server/gateway.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'newsgate-cors-'));
writeFileSync(path.join(dir, 'feeds.json'), '{"feeds":[]}');
const gateways: Gateway[] = [];
afterAll(async () => {
  for (const g of gateways) await g.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function gatewayWith(env: Record<string, string>): Promise<Gateway> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', STORE_URL: `sqlite://${dir}/${Math.random().toString(36).slice(2)}.sqlite`, FEEDS_FILE: 'feeds.json', POLL: 'false', RESPONSE_CACHE: 'off', ...env }, dir);
  const g = await startGateway(config, { logger: silentLogger, watchConfig: false });
  gateways.push(g);
  return g;
}

const preflight = (url: string, origin: string, requestHeaders = 'content-type, authorization') =>
  fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': requestHeaders } });

describe('CORS_ORIGINS=https://app.example.org,http://localhost:5173', () => {
  let g: Gateway;
  it('answers a preflight from an allowed origin with 204 and the Fetch standard headers', async () => {
    g = await gatewayWith({ CORS_ORIGINS: 'https://app.example.org, http://localhost:5173' });
    const res = await preflight(`${g.url}/graphql`, 'http://localhost:5173');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type, authorization');
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('gives the actual cross-origin POST its Access-Control-Allow-Origin, varying on Origin', async () => {
    const res = await fetch(`${g.url}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://app.example.org', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.org');
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('covers the GET routes too (/health, /readyz)', async () => {
    for (const route of ['/health', '/readyz']) {
      const res = await fetch(`${g.url}${route}`, { headers: { origin: 'https://app.example.org' } });
      expect(res.headers.get('access-control-allow-origin'), route).toBe('https://app.example.org');
    }
  });

  it('refuses a preflight from any other origin, with no Access-Control header', async () => {
    const res = await preflight(`${g.url}/graphql`, 'https://evil.example');
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await res.json()) as { error: string }).error).toContain('CORS_ORIGINS');
    const actual = await fetch(`${g.url}/graphql`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(actual.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS defaults and wildcard', () => {
  it('by default allows no other origin (same-origin only)', async () => {
    const g = await gatewayWith({});
    const res = await preflight(`${g.url}/graphql`, 'http://localhost:5173');
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('CORS_ORIGINS=* allows every origin', async () => {
    const g = await gatewayWith({ CORS_ORIGINS: '*' });
    const res = await preflight(`${g.url}/graphql`, 'https://anyone.example', 'content-type');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it.each([
    ['https://app.example.org/path', 'without a path'],
    ['app.example.org', 'scheme://host'],
    ['ftp://files.example', 'scheme://host'],
  ])('refuses CORS_ORIGINS=%s, saying how to write an origin', (value, hint) => {
    expect(() => readEnv({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS/);
    expect(() => readEnv({ CORS_ORIGINS: value })).toThrow(hint);
  });
});
