/**
 * refreshFeed against a local server that misbehaves the way real feeds do. Each case checks
 * the feed's kept state (status, error, next fetch, redirects) and that stored articles survive.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FETCH } from '../../src/config/feeds-file.ts';
import type { FeedConfig } from '../../src/model/feed.ts';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import type { Tagger } from '../../src/normalize/gazetteer/tagger.types.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { refreshFeed, type RefreshDeps } from '../../src/pipeline/refresh-feed.ts';
import { ArticleStore } from '../../src/store/article-store.ts';

const WIRE = readFileSync(path.resolve(import.meta.dirname, '../fixtures/feeds/rss2-wire.xml'));
type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
let handler: Handler = (_req, res) => res.end();
let base = '';
const server = http.createServer((req, res) => handler(req, res));
let tagger: Tagger;
let store: ArticleStore;
let n = 0;

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  tagger = (await createDefaultTagger({ discovery: false })).tagger;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(async () => {
  store = await ArticleStore.open({ url: `memory://refresh-${++n}`, regionAncestors: (id) => [id] });
});

const feed = (extra: Partial<FeedConfig> = {}): FeedConfig => ({
  id: 'wire', url: `${base}/feed`, tags: [], regions: [], intervalMinutes: 15, enabled: true, headers: {}, allowFile: false, ...extra,
});
const NOW = new Date('2024-02-01T12:00:00Z');
const deps = (extra: Partial<RefreshDeps> = {}): RefreshDeps => ({
  store, tagger, logger: silentLogger, fetch: { ...DEFAULT_FETCH, totalTimeoutMs: 2000, maxBodyBytes: 200_000 }, now: () => NOW, random: () => 0.5, ...extra,
});
const minutesAfterNow = (iso: string | undefined) => (Date.parse(iso!) - NOW.getTime()) / 60_000;

describe('refreshFeed', () => {
  it('stores a modified feed, keeps its validators, plans the next fetch from <ttl> and the interval', async () => {
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(WIRE);
    const out = await refreshFeed(feed(), deps());
    expect(out).toMatchObject({ status: 'ok', added: 5, updated: 0 });
    expect(out.state).toMatchObject({ etag: '"v1"', lastStatus: 200, consecutiveFailures: 0, format: 'rss2.0', title: 'Levant Security Wire' });
    expect(minutesAfterNow(out.state.nextFetchAt)).toBe(30); // the feed's <ttl>30</ttl> beats the 15-minute interval
    expect(await store.getFeedState('wire')).toEqual(out.state);
  });

  it('sends the validators back and records a 304 as not modified', async () => {
    let seen: string | undefined;
    handler = (req, res) => {
      seen = req.headers['if-none-match'];
      if (seen === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
      else res.writeHead(200, { etag: '"v1"' }).end(WIRE);
    };
    await refreshFeed(feed(), deps());
    const second = await refreshFeed(feed(), deps());
    expect(seen).toBe('"v1"');
    expect(second).toMatchObject({ status: 'not_modified', added: 0 });
    expect(await store.size()).toBe(5);
  });

  it('reads a gzip body with a wrong charset label through the same path', async () => {
    const latin = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf\xe9</title><item><title>Kata\x92ib Hizbullah \x80 statement</title><link>https://x.example/1</link></item></channel></rss>', 'latin1');
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'text/xml; charset=iso-8859-1', 'content-encoding': 'gzip' }).end(gzipSync(latin));
    const out = await refreshFeed(feed(), deps());
    expect(out.status).toBe('ok');
    const [meta] = (await store.query({}, { first: 1 })).items;
    expect(meta!.title).toBe('Kata’ib Hizbullah € statement'); // latin1 read as windows-1252, as browsers do
    expect(meta!.actors.map((a) => a.id)).toContain('kataib-hizbullah');
  });

  it('does not tag again what the store holds unchanged, but re-tags after a dictionary change', async () => {
    handler = (_req, res) => res.writeHead(200).end(WIRE); // no validators: every fetch is a 200
    let calls = 0;
    const counting = (version: string): Tagger => ({ version, tag: (s, h) => (calls++, tagger.tag(s, h)) });
    await refreshFeed(feed(), deps({ tagger: counting('v1') }));
    expect(calls).toBe(5);
    const again = await refreshFeed(feed(), deps({ tagger: counting('v1') }));
    expect(again).toMatchObject({ status: 'ok', added: 0, updated: 0, unchanged: 5 });
    expect(calls).toBe(5);
    const retagged = await refreshFeed(feed(), deps({ tagger: counting('v2') }));
    expect(retagged).toMatchObject({ added: 0, updated: 5 });
    expect(calls).toBe(10);
  });

  it('honours Retry-After on 429 and keeps what was stored', async () => {
    handler = (_req, res) => res.writeHead(200).end(WIRE);
    await refreshFeed(feed(), deps());
    handler = (_req, res) => res.writeHead(429, { 'retry-after': '7200' }).end('slow down');
    const out = await refreshFeed(feed(), deps());
    expect(out.status).toBe('failed');
    expect(out.state).toMatchObject({ lastStatus: 429, consecutiveFailures: 1, lastError: { code: 'FETCH_HTTP_STATUS' } });
    expect(out.state.lastError!.message).toMatch(/429/);
    expect(minutesAfterNow(out.state.nextFetchAt)).toBe(120);
    expect(await store.size()).toBe(5);
  });

  it('backs off exponentially on repeated 500s, capped, and recovers on success', async () => {
    handler = (_req, res) => res.writeHead(500).end('boom');
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) delays.push(minutesAfterNow((await refreshFeed(feed(), deps())).state.nextFetchAt));
    expect(delays).toEqual([15, 30, 60, 120]);
    handler = (_req, res) => res.writeHead(200).end(WIRE);
    const ok = await refreshFeed(feed(), deps());
    expect(ok.state.consecutiveFailures).toBe(0);
    expect(ok.state.lastError).toBeUndefined();
  });

  it('records a permanent redirect so the operator can update the URL', async () => {
    handler = (req, res) => {
      if (req.url === '/feed') res.writeHead(301, { location: '/new-feed' }).end();
      else res.writeHead(200).end(WIRE);
    };
    const out = await refreshFeed(feed(), deps());
    expect(out.status).toBe('ok');
    expect(out.state.redirects).toEqual([{ from: `${base}/feed`, to: `${base}/new-feed`, status: 301, permanent: true }]);
  });

  it('gives an oversized body, a slow body and a web page their own clear errors', async () => {
    handler = (_req, res) => res.writeHead(200).end(Buffer.alloc(300_000, 'a'));
    expect((await refreshFeed(feed(), deps())).error?.code).toBe('FETCH_TOO_LARGE');
    handler = (_req, res) => {
      res.writeHead(200);
      res.write('<rss>');
      // never ends
    };
    expect((await refreshFeed(feed(), deps({ fetch: { ...DEFAULT_FETCH, totalTimeoutMs: 300 } }))).error?.code).toBe('FETCH_TIMEOUT');
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Home</body></html>');
    const page = await refreshFeed(feed(), deps());
    expect(page.error?.code).toBe('PARSE_NOT_A_FEED');
    expect(page.state.lastError?.message).toMatch(/^Not a feed/);
  });
});
