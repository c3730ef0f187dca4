/**
 * refreshFeed given the feeds of issue 12 from a local server: a 100,000-level nested item, a
 * 5 MB title, 1,000 categories. Each is ingested in bounded time, the good items are kept and
 * the feed's state says what was dropped or cut.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cpuMs } from '../cpu-time.ts';
import { DEFAULT_FETCH } from '../../src/config/feeds-file.ts';
import { MAX_NESTING_DEPTH } from '../../src/ingest/parse/repair-xml.ts';
import type { FeedConfig } from '../../src/model/feed.ts';
import { ITEM_BOUNDS } from '../../src/normalize/bound-item.ts';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import type { Tagger } from '../../src/normalize/gazetteer/tagger.types.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { refreshFeed, type RefreshDeps } from '../../src/pipeline/refresh-feed.ts';
import { ArticleStore } from '../../src/store/article-store.ts';

let body = '';
let base = '';
const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body));
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
  store = await ArticleStore.open({ url: `memory://hostile-${++n}`, regionAncestors: (id) => [id] });
});

const feed: () => FeedConfig = () => ({ id: 'hostile', url: `${base}/feed`, tags: [], regions: [], intervalMinutes: 15, enabled: true, headers: {}, allowFile: false });
const deps = (): RefreshDeps => ({ store, tagger, logger: silentLogger, fetch: { ...DEFAULT_FETCH, totalTimeoutMs: 10_000 } });
const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>${items}</channel></rss>`;
const good = (i: number) => `<item><title>Good item ${i}</title><link>https://example.com/${i}</link></item>`;

describe('hostile feeds through refreshFeed', () => {
  it('drops an item nested 100,000 levels deep in well under a second of CPU, keeps the others and flags the feed', async () => {
    const deep = `<item><title>deep</title><description>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</description></item>`;
    body = rss(good(1) + deep + good(2));
    const started = cpuMs();
    const out = await refreshFeed(feed(), deps());
    expect(cpuMs() - started).toBeLessThan(1000);
    expect(out).toMatchObject({ status: 'ok', added: 2 });
    expect((await store.query({}, { first: 10 })).items.map((a) => a.title).sort()).toEqual(['Good item 1', 'Good item 2']);
    expect(out.state.warnings).toContain(`1 item nested deeper than ${MAX_NESTING_DEPTH} elements (the nesting limit) dropped`);
  });

  it('cuts a 5 MB title and 1,000 categories, and says so on the feed', async () => {
    const categories = Array.from({ length: 1000 }, (_, i) => `<category>topic ${i}</category>`).join('');
    body = rss(`<item><title>${'Baghdad '.repeat(650_000)}</title><link>https://example.com/t</link>${categories}</item>`);
    const out = await refreshFeed(feed(), deps());
    expect(out).toMatchObject({ status: 'ok', added: 1 });
    const [article] = (await store.query({}, { first: 10 })).items;
    expect(article!.title.length).toBeLessThanOrEqual(ITEM_BOUNDS.titleChars);
    expect(article!.tags).toHaveLength(ITEM_BOUNDS.tags);
    expect(out.state.warnings).toEqual(expect.arrayContaining([
      `1 item: title longer than ${ITEM_BOUNDS.titleChars} characters cut (the field limits)`,
      `1 item: more than ${ITEM_BOUNDS.tags} categories; kept the first ${ITEM_BOUNDS.tags} (the field limits)`,
    ]));
  });
});
