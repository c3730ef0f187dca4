/**
 * The exports stream with back-pressure: over a real HTTP server on 127.0.0.1:0, a client that
 * has read the first bytes while the server has read only the first pages, and a client that
 * stops reading, leave the server waiting after a few pages instead of reading every match into
 * memory; once the client reads again, every match arrives, one line each. The match source is
 * a counting stand-in for the store (20,000 matches with 2 KB titles and 4 KB bodies: ~40 MB
 * of CSV and ~130 MB of NDJSON if they were buffered).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_BODY, type ArticleMeta } from '../../src/model/article.ts';
import type { SearchPage } from '../../src/query/sql/search-articles.ts';
import { MATCH_BATCH, type MatchSource } from '../../src/searches/search-matches.ts';
import type { SearchServices } from '../../src/searches/search-services.ts';
import { createExportRoute, NDJSON_BATCH } from '../../src/server/routes/export.ts';
import { makeServices } from '../graphql/fakes.ts';
import { makeArticle } from '../store/article-factory.ts';

const TOTAL = 20_000;
const BODY = 'x'.repeat(4096);
/** Long titles make CSV rows big enough (2 KB) that the whole export cannot hide in the kernel's socket buffers. */
const TITLE = 'Drone strike '.repeat(160);

/** A match source of TOTAL generated articles, newest first, counting the pages read. */
function countingSource(): MatchSource & { pages: number } {
  const base = makeArticle({ id: 'a', feedId: 'wire', actors: [], regions: [], topics: [] });
  const { content: _c, contentHtml: _h, translatorNotes: _t, comments: _m, evidence: _e, ...meta } = base;
  const at = (i: number) => new Date(Date.parse('2026-01-01T00:00:00Z') - i * 1000).toISOString();
  const source = {
    pages: 0,
    async page(_search: unknown, first: number, after: { at: string; id: string } | undefined): Promise<SearchPage> {
      source.pages++;
      const start = after === undefined ? 0 : Number(after.id.slice(1)) + 1;
      const items: ArticleMeta[] = [];
      for (let i = start; i < Math.min(TOTAL, start + first); i++) items.push({ ...meta, id: `a${i}`, title: TITLE, publishedAt: at(i) });
      return { items, hasNextPage: start + first < TOTAL };
    },
    async getBodies(ids: readonly string[]) {
      return ids.map(() => ({ ...EMPTY_BODY, content: BODY }));
    },
  };
  return source;
}

let server: http.Server;
let base: string;
let source: ReturnType<typeof countingSource>;

beforeAll(async () => {
  const { catalog } = makeServices({ articles: [] });
  source = countingSource();
  const services = {
    resolve: async () => ({ filter: {}, query: undefined }),
    source,
    catalog,
    sources: async (ids: readonly string[]) => new Map(ids.map((id) => [id, { id, title: null, siteUrl: null }])),
  } as unknown as SearchServices;
  const route = createExportRoute(services);
  server = http.createServer((req, res) => void route(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Opens an export and hands back the response stream, paused. */
function open(path: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${path}`, (res) => {
      res.pause();
      resolve(res);
    });
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each([
  ['ndjson', NDJSON_BATCH],
  ['csv', MATCH_BATCH],
] as const)('/export.%s streams with back-pressure', (format, batch) => {
  it('sends the first bytes after the first pages, stops reading while the client does not read, and sends every match', async () => {
    source.pages = 0;
    const res = await open(`/export.${format}`);
    expect(res.statusCode).toBe(200);
    const first = await new Promise<Buffer>((resolve) => {
      res.once('data', (chunk: Buffer) => {
        res.pause();
        resolve(chunk);
      });
      res.resume();
    });
    expect(first.length).toBeGreaterThan(0);
    const totalPages = Math.ceil(TOTAL / batch);
    // The client holds what it has; the server fills the socket's buffers, then waits.
    await sleep(400);
    const whilePaused = source.pages;
    await sleep(400);
    expect(source.pages).toBe(whilePaused);
    expect(whilePaused).toBeLessThan(totalPages / 4);
    // Reading again: everything arrives, one line per match (and the CSV's header).
    let lines = first.toString('utf8').split('\n').length - 1;
    res.setEncoding('utf8');
    let last = '';
    for await (const chunk of res as AsyncIterable<string>) {
      for (const c of chunk) if (c === '\n') lines++;
      last = chunk;
    }
    expect(last.endsWith('\n')).toBe(true);
    expect(lines).toBe(TOTAL + (format === 'csv' ? 1 : 0));
    expect(source.pages).toBe(totalPages);
  }, 120_000);
});
