/**
 * Publishers cannot steer the fetcher inside: a configured feed on 127.0.0.1:A that redirects
 * to another port (an "internal service" on 127.0.0.1:B) or to a public-looking name that
 * resolves to 127.0.0.2 is refused with FETCH_FORBIDDEN_ADDRESS and nothing is stored; a
 * redirect on the same origin, or an operator's allowPrivateAddresses, is followed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FETCH } from '../../src/config/feeds-file.ts';
import type { Resolver } from '../../src/ingest/fetch/address-guard.ts';
import type { FeedConfig } from '../../src/model/feed.ts';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import type { Tagger } from '../../src/normalize/gazetteer/tagger.types.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { refreshFeed, type RefreshDeps } from '../../src/pipeline/refresh-feed.ts';
import { ArticleStore } from '../../src/store/article-store.ts';

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Internal</title><item><title>secret from the internal service</title><link>https://example.com/s</link></item></channel></rss>`;

/** The publisher's server: redirects to wherever `target` says. */
let target = '';
const publisher = http.createServer((req, res) => {
  if (req.url === '/same-origin-target') return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
  res.writeHead(302, { location: target }).end();
});
/** An internal service on another port that must never be reached. */
let internalHits = 0;
const internal = http.createServer((_req, res) => {
  internalHits++;
  res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
});
let publisherPort = 0;
let internalPort = 0;
let tagger: Tagger;
let store: ArticleStore;
let n = 0;

beforeAll(async () => {
  await new Promise<void>((r) => publisher.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => internal.listen(0, '0.0.0.0', r));
  publisherPort = (publisher.address() as AddressInfo).port;
  internalPort = (internal.address() as AddressInfo).port;
  tagger = (await createDefaultTagger({ discovery: false })).tagger;
});
afterAll(async () => {
  await new Promise<void>((r) => publisher.close(() => r()));
  await new Promise<void>((r) => internal.close(() => r()));
});
beforeEach(async () => {
  internalHits = 0;
  store = await ArticleStore.open({ url: `memory://ssrf-${++n}`, regionAncestors: (id) => [id] });
});

const feed = (extra: Partial<FeedConfig> = {}): FeedConfig => ({
  id: 'publisher', url: `http://127.0.0.1:${publisherPort}/feed`, tags: [], regions: [], intervalMinutes: 15, enabled: true, headers: {}, allowFile: false, ...extra,
});
const deps = (extra: Partial<RefreshDeps> = {}): RefreshDeps => ({ store, tagger, logger: silentLogger, fetch: { ...DEFAULT_FETCH, totalTimeoutMs: 5000 }, ...extra });
/** Maps a public-looking name to 127.0.0.2, as a hostile DNS answer would. */
const hostileDns: Resolver = async (hostname) => (hostname === 'news.example.com' ? [{ address: '127.0.0.2', family: 4 }] : []);

describe('redirects to internal addresses', () => {
  it.each([
    ['another port on 127.0.0.1', () => `http://127.0.0.1:${internalPort}/admin`, '127.0.0.1'],
    ['127.0.0.2', () => `http://127.0.0.2:${internalPort}/admin`, '127.0.0.2'],
    ['an IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${internalPort}/admin`, '::ffff:7f00:1'],
    ['a public-looking name that resolves to 127.0.0.2', () => `http://news.example.com:${internalPort}/feed`, '127.0.0.2'],
  ])('refuses %s: FETCH_FORBIDDEN_ADDRESS on the feed, nothing fetched or stored', async (_label, to, address) => {
    target = to();
    const out = await refreshFeed(feed(), deps({ resolver: hostileDns }));
    expect(out.status).toBe('failed');
    expect(out.error?.code).toBe('FETCH_FORBIDDEN_ADDRESS');
    expect(out.error?.message).toContain(`(${address})`);
    expect(out.error?.message).toContain('"allowPrivateAddresses": true');
    expect(out.state.lastError?.code).toBe('FETCH_FORBIDDEN_ADDRESS');
    expect(internalHits).toBe(0);
    expect(await store.size()).toBe(0);
  });

  it('follows a redirect on the origin the operator configured', async () => {
    target = `http://127.0.0.1:${publisherPort}/same-origin-target`;
    const out = await refreshFeed(feed(), deps());
    expect(out).toMatchObject({ status: 'ok', added: 1 });
  });

  it.each([
    ['in the feed\'s own fetch object', { fetch: { allowPrivateAddresses: true } }, DEFAULT_FETCH],
    ['in the top-level fetch object', {}, { ...DEFAULT_FETCH, allowPrivateAddresses: true }],
  ])('follows it when the operator allows private addresses %s', async (_label, feedExtra, fetch) => {
    target = `http://127.0.0.1:${internalPort}/feed`;
    const out = await refreshFeed(feed(feedExtra), deps({ fetch }));
    expect(out).toMatchObject({ status: 'ok', added: 1 });
    expect(internalHits).toBe(1);
  });

  it('a feed\'s fetch object can forbid what the top level allows', async () => {
    target = `http://127.0.0.1:${internalPort}/feed`;
    const out = await refreshFeed(feed({ fetch: { allowPrivateAddresses: false } }), deps({ fetch: { ...DEFAULT_FETCH, allowPrivateAddresses: true } }));
    expect(out.error?.code).toBe('FETCH_FORBIDDEN_ADDRESS');
    expect(internalHits).toBe(0);
  });
});
