/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY: which URLs take the proxy, and feeds fetched through a
 * tiny forward proxy on 127.0.0.1 that counts what it is asked (absolute-form GETs and CONNECTs).
 */
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readEnv } from '../../../src/config/env.ts';
import { fetchFeed } from '../../../src/ingest/fetch/fetch-feed.ts';
import { bypassesProxy, proxyFor } from '../../../src/ingest/fetch/proxy.ts';

describe('proxyFor and NO_PROXY', () => {
  const settings = { httpProxy: 'http://proxy.internal:3128', httpsProxy: 'proxy.internal:3129', noProxy: 'localhost, .corp.example,intranet.example:8080,10.0.0.5' };
  it.each([
    ['http://feeds.example.com/rss', 'http://proxy.internal:3128/'],
    ['https://feeds.example.com/rss', 'http://proxy.internal:3129/'],
    ['http://localhost:4000/feed', null],
    ['https://news.corp.example/feed', null],
    ['https://corp.example/feed', null],
    ['http://intranet.example:8080/feed', null],
    ['http://intranet.example/feed', 'http://proxy.internal:3128/'],
    ['http://10.0.0.5/feed', null],
    ['http://notcorp.example/feed', 'http://proxy.internal:3128/'],
  ])('%s → %s', (url, proxy) => {
    expect(proxyFor(new URL(url), settings)?.href ?? null).toBe(proxy);
  });

  it('NO_PROXY=* bypasses everything, and no variables means no proxy', () => {
    expect(bypassesProxy(new URL('https://a.example/'), '*')).toBe(true);
    expect(proxyFor(new URL('https://a.example/'), {})).toBeNull();
  });

  it('readEnv reads the variables in either case, and rejects one that is not a proxy URL', () => {
    expect(readEnv({ https_proxy: 'http://p:3128', HTTP_PROXY: 'http://q:8080', NO_PROXY: 'localhost' }).proxy).toEqual({ httpsProxy: 'http://p:3128', httpProxy: 'http://q:8080', noProxy: 'localhost' });
    expect(() => readEnv({ HTTPS_PROXY: 'http://user:secret@p:3128/some/path' })).toThrow(/HTTPS_PROXY: must be a proxy URL.*"http:\/\/\*\*\*@p:3128\/some\/path"/);
  });
});

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>a</title></item></channel></rss>';
const origin = http.createServer((req, res) => {
  if (req.url === '/to-internal') return void res.writeHead(302, { location: `http://127.0.0.1:${(other.address() as AddressInfo).port}/` }).end();
  res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
});
const other = http.createServer((_req, res) => res.end(FEED));
/** What the proxy was asked: `GET <absolute URL>` or `CONNECT host:port`. */
const asked: string[] = [];
let refuseTunnels = false;
const proxy = http.createServer((req, res) => {
  asked.push(`${req.method} ${req.url}`);
  const target = new URL(req.url!);
  const upstream = http.request(target, { method: req.method, headers: req.headers }, (up) => {
    res.writeHead(up.statusCode!, up.headers);
    up.pipe(res);
  });
  upstream.on('error', () => res.writeHead(502).end());
  req.pipe(upstream);
});
const tunnels = new Set<net.Socket>();
proxy.on('connect', (req, socket: net.Socket) => {
  asked.push(`CONNECT ${req.url}`);
  tunnels.add(socket);
  if (refuseTunnels) return void socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  const [host, port] = req.url!.split(':');
  const upstream = net.connect(Number(port), host!, () => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  tunnels.add(upstream);
  upstream.on('error', () => socket.destroy());
  socket.on('error', () => upstream.destroy());
});
const port = (s: http.Server) => (s.address() as AddressInfo).port;

beforeAll(async () => {
  for (const s of [origin, other, proxy]) await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
});
afterAll(async () => {
  for (const socket of tunnels) socket.destroy();
  for (const s of [origin, other, proxy]) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
});
beforeEach(() => {
  asked.length = 0;
  refuseTunnels = false;
});

describe('fetchFeed through a proxy', () => {
  it('sends a plain HTTP feed to HTTP_PROXY in absolute form', async () => {
    const url = `http://127.0.0.1:${port(origin)}/feed`;
    const result = await fetchFeed({ url, proxy: { httpProxy: `http://127.0.0.1:${port(proxy)}` } });
    expect(result.kind).toBe('modified');
    expect(asked).toEqual([`GET ${url}`]);
  });

  it('goes direct for a host NO_PROXY names', async () => {
    const result = await fetchFeed({ url: `http://127.0.0.1:${port(origin)}/feed`, proxy: { httpProxy: `http://127.0.0.1:${port(proxy)}`, noProxy: '127.0.0.1' } });
    expect(result.kind).toBe('modified');
    expect(asked).toEqual([]);
  });

  it('tunnels HTTPS through HTTPS_PROXY with CONNECT (TLS stays end to end)', async () => {
    // The origin speaks plain HTTP, so the TLS handshake through the tunnel fails: what matters is the CONNECT.
    const result = await fetchFeed({ url: `https://127.0.0.1:${port(origin)}/feed`, proxy: { httpsProxy: `http://127.0.0.1:${port(proxy)}` }, limits: { totalTimeoutMs: 3000 } });
    expect(result.kind).toBe('failed');
    expect(asked).toEqual([`CONNECT 127.0.0.1:${port(origin)}`]);
  });

  it('says so when the proxy refuses the tunnel', async () => {
    refuseTunnels = true;
    const result = await fetchFeed({ url: `https://127.0.0.1:${port(origin)}/feed`, proxy: { httpsProxy: `http://127.0.0.1:${port(proxy)}` } });
    expect(result.kind === 'failed' && result.error.message).toContain('refused to open a tunnel');
  });

  it('still refuses a redirect to an internal address on another origin', async () => {
    const result = await fetchFeed({ url: `http://127.0.0.1:${port(origin)}/to-internal`, proxy: { httpProxy: `http://127.0.0.1:${port(proxy)}` } });
    expect(result.kind === 'failed' && result.error.code).toBe('FETCH_FORBIDDEN_ADDRESS');
    expect(asked).toEqual([`GET http://127.0.0.1:${port(origin)}/to-internal`]);
  });
});

describe('full-text pages through the same proxy', () => {
  it('fetchPage sends an article page to HTTP_PROXY like its feed', async () => {
    const { fetchPage } = await import('../../../src/fulltext/fetch/fetch-page.ts');
    const { DEFAULT_FETCH } = await import('../../../src/config/feeds-file.ts');
    const feedUrl = `http://127.0.0.1:${port(origin)}/feed`;
    const feed = { id: 'f', url: feedUrl, tags: [], regions: [], intervalMinutes: 15, enabled: true, headers: {}, allowFile: false };
    const page = await fetchPage(`http://127.0.0.1:${port(origin)}/story`, feed, DEFAULT_FETCH, { proxy: { httpProxy: `http://127.0.0.1:${port(proxy)}` } });
    expect(page.kind).toBe('page');
    expect(asked).toEqual([`GET http://127.0.0.1:${port(origin)}/story`]);
  });
});
