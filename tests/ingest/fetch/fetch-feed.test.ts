import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_AGENT } from '../../../src/ingest/fetch/fetch-defaults.ts';
import { fetchFeed } from '../../../src/ingest/fetch/fetch-feed.ts';
import type { FetchFailed, FetchModified, FetchResult } from '../../../src/ingest/fetch/fetch.types.ts';
import { ErrorCode } from '../../../src/model/errors.ts';
import { closedPort, startServer, type TestServer } from './test-server.ts';

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire: Iraq security</title>
<item><title>كتائب حزب الله statement on Jurf al-Sakhar</title><guid>wire-1</guid></item>
</channel></rss>`;

function modified(r: FetchResult): FetchModified {
  if (r.kind !== 'modified') throw new Error(`expected modified, got ${r.kind}: ${r.kind === 'failed' ? r.error.message : ''}`);
  return r;
}
function failed(r: FetchResult): FetchFailed {
  if (r.kind !== 'failed') throw new Error(`expected failed, got ${r.kind}`);
  return r;
}

let server: TestServer;
let other: TestServer;
let tmp: string;

beforeAll(async () => {
  server = await startServer();
  other = await startServer();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgate-fetch-'));
  const s = server;

  s.route('/feed.xml', (_req, res) => {
    res.writeHead(200, {
      'Content-Type': 'application/rss+xml; charset=utf-8',
      ETag: '"v1"',
      'Last-Modified': 'Tue, 05 Mar 2024 10:00:00 GMT',
      'Cache-Control': 'public, max-age=900',
    });
    res.end(FEED);
  });
  s.route('/conditional.xml', (req, res) => {
    if (req.headers['if-none-match'] === '"v1"' && req.headers['if-modified-since'] === 'Tue, 05 Mar 2024 10:00:00 GMT') {
      res.writeHead(304, { ETag: '"v1"', 'Cache-Control': 'max-age=600' }).end();
    } else {
      res.writeHead(200, { ETag: '"v1"', 'Last-Modified': 'Tue, 05 Mar 2024 10:00:00 GMT' }).end(FEED);
    }
  });
  const compressed: Record<string, [string, Buffer]> = {
    '/gzip.xml': ['gzip', zlib.gzipSync(FEED)],
    '/deflate.xml': ['deflate', zlib.deflateSync(FEED)],
    '/raw-deflate.xml': ['deflate', zlib.deflateRawSync(FEED)],
    '/br.xml': ['br', zlib.brotliCompressSync(FEED)],
  };
  for (const [route, [encoding, body]] of Object.entries(compressed)) {
    s.route(route, (_req, res) => res.writeHead(200, { 'Content-Encoding': encoding, 'Content-Type': 'text/xml' }).end(body));
  }
  s.route('/zstd.xml', (_req, res) => res.writeHead(200, { 'Content-Encoding': 'zstd' }).end('xx'));
  s.route('/corrupt-gzip.xml', (_req, res) => res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(Buffer.from('1f8b0800000000000003ffffffffffff', 'hex')));

  // 301 → 302 (relative Location) → 200
  s.route('/old', (_req, res) => res.writeHead(301, { Location: `${s.origin}/moved` }).end());
  s.route('/moved', (_req, res) => res.writeHead(302, { Location: 'feed.xml' }).end());
  s.route('/r308', (_req, res) => res.writeHead(308, { Location: '/feed.xml' }).end());
  for (let i = 0; i < 4; i += 1) s.route(`/hop${i}`, (_req, res) => res.writeHead(302, { Location: `/hop${i + 1}` }).end());
  s.route('/hop4', (_req, res) => res.writeHead(200).end(FEED));
  s.route('/loop-a', (_req, res) => res.writeHead(302, { Location: '/loop-b' }).end());
  s.route('/loop-b', (_req, res) => res.writeHead(301, { Location: '/loop-a' }).end());
  s.route('/to-file', (_req, res) => res.writeHead(302, { Location: 'file:///etc/passwd' }).end());
  s.route('/no-location', (_req, res) => res.writeHead(302).end());
  s.route('/to-other', (_req, res) => res.writeHead(302, { Location: other.url('/echo') }).end());
  s.route('/echo', (_req, res) => res.writeHead(200).end(FEED));
  other.route('/echo', (_req, res) => res.writeHead(200).end(FEED));

  s.route('/big-declared', (_req, res) => res.writeHead(200, { 'Content-Length': '5000' }).end('x'.repeat(5000)));
  s.route('/gzip-bomb', (_req, res) => {
    // ~4 KiB on the wire, 4 MiB inflated, no Content-Length (chunked).
    res.writeHead(200, { 'Content-Encoding': 'gzip', 'Transfer-Encoding': 'chunked' });
    res.end(zlib.gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20)));
  });
  s.route('/slow-headers', (_req, res) => {
    setTimeout(() => res.writeHead(200).end(FEED), 2000).unref();
  });
  s.route('/trickle', (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml' });
    res.write('<rss>');
    const timer = setInterval(() => res.write(' '), 40);
    res.on('close', () => clearInterval(timer));
  });
  s.route('/rate-limited', (_req, res) => res.writeHead(429, { 'Retry-After': '120' }).end('slow down'));
  s.route('/unavailable', (_req, res) => {
    const date = new Date('2024-05-05T10:00:00Z');
    res.writeHead(503, { Date: date.toUTCString(), 'Retry-After': new Date(date.getTime() + 90_000).toUTCString() }).end();
  });
  s.route('/error', (_req, res) => res.writeHead(500).end('boom'));
  s.route('/forbidden', (_req, res) => res.writeHead(403).end());
  s.route('/headers', (_req, res) => res.writeHead(200).end(FEED));
});

afterAll(async () => {
  await server.close();
  await other.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const lastRequest = (p: string) => server.seen.filter((r) => r.path === p).at(-1)!;

describe('fetchFeed over HTTP', () => {
  it('returns the body, validators, content type and freshness of a 200, sending newsgate headers', async () => {
    const r = modified(await fetchFeed({ url: server.url('/feed.xml') }));
    expect(Buffer.from(r.body).toString('utf8')).toBe(FEED);
    expect(r).toMatchObject({
      status: 200,
      contentType: 'application/rss+xml; charset=utf-8',
      etag: '"v1"',
      lastModified: 'Tue, 05 Mar 2024 10:00:00 GMT',
      requestedUrl: server.url('/feed.xml'),
      finalUrl: server.url('/feed.xml'),
      redirects: [],
      freshness: { maxAgeSeconds: 900 },
    });
    const sent = lastRequest('/feed.xml').headers;
    expect(sent['user-agent']).toBe(USER_AGENT);
    expect(sent['user-agent']).toMatch(/^newsgate\/\d+\.\d+ \(\+https:\/\/.+\)$/);
    expect(sent['accept']).toMatch(/^application\/rss\+xml, application\/atom\+xml/);
    expect(sent['accept-encoding']).toBe('gzip, deflate, br');
    expect(sent['if-none-match']).toBeUndefined();
  });

  it('answers notModified on 304 and sends both validators', async () => {
    const r = await fetchFeed({ url: server.url('/conditional.xml'), etag: '"v1"', lastModified: 'Tue, 05 Mar 2024 10:00:00 GMT' });
    expect(r).toMatchObject({ kind: 'notModified', status: 304, etag: '"v1"', freshness: { maxAgeSeconds: 600 } });
    const sent = lastRequest('/conditional.xml').headers;
    expect(sent['if-none-match']).toBe('"v1"');
    expect(sent['if-modified-since']).toBe('Tue, 05 Mar 2024 10:00:00 GMT');
  });

  it.each(['/gzip.xml', '/deflate.xml', '/raw-deflate.xml', '/br.xml'])('decompresses %s', async (route) => {
    const r = modified(await fetchFeed({ url: server.url(route) }));
    expect(Buffer.from(r.body).toString('utf8')).toBe(FEED);
  });

  it('fails clearly on a Content-Encoding it did not ask for, and on a corrupt gzip body', async () => {
    expect(failed(await fetchFeed({ url: server.url('/zstd.xml') })).error.message).toMatch(/Content-Encoding "zstd"/);
    const corrupt = failed(await fetchFeed({ url: server.url('/corrupt-gzip.xml') }));
    expect(corrupt.error.code).toBe(ErrorCode.FETCH_NETWORK);
    expect(corrupt.error.message).toMatch(/gzip body .* does not decompress/);
  });

  it('follows 301 → 302 (relative Location) → 200 and records each hop', async () => {
    const r = modified(await fetchFeed({ url: server.url('/old') }));
    expect(r.finalUrl).toBe(server.url('/feed.xml'));
    expect(r.redirects).toEqual([
      { from: server.url('/old'), to: server.url('/moved'), status: 301, permanent: true },
      { from: server.url('/moved'), to: server.url('/feed.xml'), status: 302, permanent: false },
    ]);
    const r308 = modified(await fetchFeed({ url: server.url('/r308') }));
    expect(r308.redirects).toEqual([{ from: server.url('/r308'), to: server.url('/feed.xml'), status: 308, permanent: true }]);
  });

  it('stops after maxRedirects hops', async () => {
    const r = failed(await fetchFeed({ url: server.url('/hop0'), limits: { maxRedirects: 3 } }));
    expect(r.error.code).toBe(ErrorCode.FETCH_TOO_MANY_REDIRECTS);
    expect(r.error.message).toMatch(/More than 3 redirects/);
    expect(r.redirects).toHaveLength(4);
    expect(modified(await fetchFeed({ url: server.url('/hop0'), limits: { maxRedirects: 4 } })).redirects).toHaveLength(4);
  });

  it('detects a redirect loop', async () => {
    const r = failed(await fetchFeed({ url: server.url('/loop-a'), limits: { maxRedirects: 10 } }));
    expect(r.error.code).toBe(ErrorCode.FETCH_TOO_MANY_REDIRECTS);
    expect(r.error.message).toMatch(/Redirect loop/);
    expect(r.redirects).toHaveLength(2);
  });

  it('refuses a redirect to a file: URL even for a feed that allows files, and one without Location', async () => {
    const r = failed(await fetchFeed({ url: server.url('/to-file'), allowFile: true }));
    expect(r.error.code).toBe(ErrorCode.FETCH_PROTOCOL);
    const noLocation = failed(await fetchFeed({ url: server.url('/no-location') }));
    expect(noLocation).toMatchObject({ status: 302, error: { code: ErrorCode.FETCH_HTTP_STATUS } });
  });

  it('rejects an oversized body from its Content-Length', async () => {
    const r = failed(await fetchFeed({ url: server.url('/big-declared'), limits: { maxBodyBytes: 1000 } }));
    expect(r.error.code).toBe(ErrorCode.FETCH_TOO_LARGE);
    expect(r.error.message).toMatch(/Content-Length 5000, over the cap of 1000 bytes/);
  });

  it('stops a streamed gzip bomb once the inflated size passes the cap', async () => {
    const r = failed(await fetchFeed({ url: server.url('/gzip-bomb'), limits: { maxBodyBytes: 64 * 1024 } }));
    expect(r.error.code).toBe(ErrorCode.FETCH_TOO_LARGE);
    expect(r.error.message).toMatch(/grew past the cap of 65536 bytes/);
  });

  it('times out a connection whose TLS handshake never completes (connect timeout)', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const r = failed(await fetchFeed({ url: `https://127.0.0.1:${port}/feed.xml`, limits: { connectTimeoutMs: 200, headersTimeoutMs: 5000 } }));
      expect(r.error.code).toBe(ErrorCode.FETCH_TIMEOUT);
      expect(r.error.details).toMatchObject({ phase: 'connect', limitMs: 200 });
      expect(r.durationMs).toBeLessThan(1500);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('times out waiting for headers', async () => {
    const r = failed(await fetchFeed({ url: server.url('/slow-headers'), limits: { headersTimeoutMs: 200 } }));
    expect(r.error.code).toBe(ErrorCode.FETCH_TIMEOUT);
    expect(r.error.details).toMatchObject({ phase: 'headers', limitMs: 200 });
    expect(r.durationMs).toBeLessThan(1500);
  });

  it('times out a body that trickles in (total timeout)', async () => {
    const r = failed(await fetchFeed({ url: server.url('/trickle'), limits: { totalTimeoutMs: 250 } }));
    expect(r.error.code).toBe(ErrorCode.FETCH_TIMEOUT);
    expect(r.error.details).toMatchObject({ phase: 'total', limitMs: 250 });
    expect(r.status).toBe(200);
    expect(r.durationMs).toBeLessThan(1500);
  });

  it('reports 429 with Retry-After in seconds', async () => {
    const r = failed(await fetchFeed({ url: server.url('/rate-limited') }));
    expect(r).toMatchObject({ status: 429, freshness: { retryAfterSeconds: 120 }, error: { code: ErrorCode.FETCH_HTTP_STATUS } });
    expect(r.error.message).toMatch(/HTTP 429 .* rate limited.*will retry after 120 s/);
  });

  it('reports 503 with Retry-After as an HTTP date, against the server clock', async () => {
    const r = failed(await fetchFeed({ url: server.url('/unavailable') }));
    expect(r).toMatchObject({ status: 503, freshness: { retryAfterSeconds: 90 } });
  });

  it.each([
    ['/error', 500, /server error/],
    ['/forbidden', 403, /set `headers` on the feed/],
    ['/missing', 404, /check the URL/],
  ])('reports %s as HTTP %i with advice', async (route, status, advice) => {
    const r = failed(await fetchFeed({ url: server.url(route) }));
    expect(r.status).toBe(status);
    expect(r.error.code).toBe(ErrorCode.FETCH_HTTP_STATUS);
    expect(r.error.message).toMatch(advice);
  });

  it('names the host and errno when the connection is refused', async () => {
    const port = await closedPort();
    const r = failed(await fetchFeed({ url: `http://127.0.0.1:${port}/feed.xml` }));
    expect(r.status).toBeUndefined();
    expect(r.error.code).toBe(ErrorCode.FETCH_NETWORK);
    expect(r.error.details).toMatchObject({ errno: 'ECONNREFUSED', host: `127.0.0.1:${port}` });
    expect(r.error.message).toContain(`ECONNREFUSED at 127.0.0.1:${port}`);
  });

  it('sends per-feed headers over the defaults, and drops credentials on a cross-origin redirect', async () => {
    const headers = { 'user-agent': 'Mozilla/5.0 (compatible; analyst desk)', 'X-Api-Key': 'k1', Cookie: 'session=1' };
    modified(await fetchFeed({ url: server.url('/headers'), headers }));
    const sent = lastRequest('/headers').headers;
    expect(sent['user-agent']).toBe('Mozilla/5.0 (compatible; analyst desk)');
    expect(sent['x-api-key']).toBe('k1');
    expect(sent['cookie']).toBe('session=1');

    // The other origin is on 127.0.0.1 too: the operator allows internal addresses for this test.
    modified(await fetchFeed({ url: server.url('/to-other'), headers, allowPrivateAddresses: true }));
    const there = other.seen.at(-1)!.headers;
    expect(there['user-agent']).toBe('Mozilla/5.0 (compatible; analyst desk)');
    expect(there['cookie']).toBeUndefined();
  });

  it('resolves as failed (never throws) when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = fetchFeed({ url: server.url('/slow-headers'), signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const r = failed(await pending);
    expect(r.error.details).toMatchObject({ aborted: true });
    const already = failed(await fetchFeed({ url: server.url('/feed.xml'), signal: AbortSignal.abort() }));
    expect(already.error.details).toMatchObject({ aborted: true });
  });

  it.each([
    ['ftp://example.com/feed.xml', /only http and https/],
    ['not a url', /not a valid URL/],
  ])('refuses %s', async (url, message) => {
    const r = failed(await fetchFeed({ url }));
    expect(r.error.code).toBe(ErrorCode.FETCH_PROTOCOL);
    expect(r.error.message).toMatch(message);
  });
});

describe('fetchFeed over file:', () => {
  it('refuses file: URLs unless the feed allows them', async () => {
    const file = path.join(tmp, 'feed.xml');
    fs.writeFileSync(file, FEED);
    const r = failed(await fetchFeed({ url: pathToFileURL(file).href }));
    expect(r.error.code).toBe(ErrorCode.FETCH_PROTOCOL);
    expect(r.error.message).toMatch(/allowFile/);
  });

  it('reads an allowed file, answers a conditional read from its mtime, and applies the size cap', async () => {
    const file = path.join(tmp, 'allowed.xml');
    fs.writeFileSync(file, FEED);
    const url = pathToFileURL(file).href;
    const r = modified(await fetchFeed({ url, allowFile: true }));
    expect(Buffer.from(r.body).toString('utf8')).toBe(FEED);
    expect(r.lastModified).toBeDefined();
    expect((await fetchFeed({ url, allowFile: true, lastModified: r.lastModified! })).kind).toBe('notModified');
    const big = failed(await fetchFeed({ url, allowFile: true, limits: { maxBodyBytes: 10 } }));
    expect(big.error.code).toBe(ErrorCode.FETCH_TOO_LARGE);
    const missing = failed(await fetchFeed({ url: pathToFileURL(path.join(tmp, 'nope.xml')).href, allowFile: true }));
    expect(missing.error).toMatchObject({ code: ErrorCode.FETCH_NETWORK, details: { errno: 'ENOENT' } });
  });
});
