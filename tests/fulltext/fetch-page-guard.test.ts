/**
 * Article links are the publisher's choice: a page on another origin that resolves to an
 * internal address is refused (FETCH_FORBIDDEN_ADDRESS), while pages on the feed's own origin,
 * which the operator configured, are fetched — the rule feeds follow for redirects.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FETCH } from '../../src/config/feeds-file.ts';
import { fetchPage } from '../../src/fulltext/fetch/fetch-page.ts';
import type { FeedConfig } from '../../src/model/feed.ts';

let site: http.Server;
let internal: http.Server;
let internalHits = 0;
const port = (s: http.Server) => (s.address() as AddressInfo).port;

beforeAll(async () => {
  site = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><article><p>Story</p></article></body></html>'));
  internal = http.createServer((_req, res) => {
    internalHits++;
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>internal admin</body></html>');
  });
  await Promise.all([site, internal].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
});
afterAll(() => {
  site.close();
  internal.close();
});

const feedAt = (url: string, allowPrivateAddresses?: boolean): FeedConfig => ({
  id: 'f',
  url,
  tags: [],
  regions: [],
  intervalMinutes: 15,
  enabled: true,
  headers: {},
  allowFile: false,
  ...(allowPrivateAddresses === undefined ? {} : { fetch: { allowPrivateAddresses } }),
});

describe('fetchPage and internal addresses', () => {
  it('fetches a page on the feed\'s own origin', async () => {
    const feed = feedAt(`http://127.0.0.1:${port(site)}/feed.xml`);
    const result = await fetchPage(`http://127.0.0.1:${port(site)}/story`, feed, DEFAULT_FETCH);
    expect(result.kind).toBe('page');
  });

  it('refuses a link to an internal service on another origin, without connecting to it', async () => {
    const feed = feedAt(`http://127.0.0.1:${port(site)}/feed.xml`);
    const before = internalHits;
    const result = await fetchPage(`http://127.0.0.1:${port(internal)}/admin`, feed, DEFAULT_FETCH);
    expect(result.kind).toBe('failed');
    expect(result.kind === 'failed' && result.error.code).toBe('FETCH_FORBIDDEN_ADDRESS');
    expect(internalHits).toBe(before);
  });

  it('follows the link when the feed allows private addresses', async () => {
    const feed = feedAt(`http://127.0.0.1:${port(site)}/feed.xml`, true);
    const result = await fetchPage(`http://127.0.0.1:${port(internal)}/admin`, feed, DEFAULT_FETCH);
    expect(result.kind).toBe('page');
  });
});
