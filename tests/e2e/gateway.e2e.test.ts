/**
 * End to end, as a user meets newsgate: a feeds.json pointing at an RSS 2.0 feed with
 * content:encoded, an Atom feed and an RSS 1.0 feed on a local server; the gateway fetches them,
 * the articles are queryable over HTTP by actor, region, topic, source and date; a restart
 * serves the same articles before any refetch, and the next fetches are conditional.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { startGateway, type Gateway } from '../../src/server/gateway.ts';
import { graphql, startFeedServer, waitFor, type FeedServer } from './feed-server.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/feeds');
const fixture = (pattern: RegExp): string => {
  const name = readdirSync(FIXTURES).find((f) => pattern.test(f) && !f.endsWith('.json'));
  if (!name) throw new Error(`no fixture matching ${pattern} in ${FIXTURES}`);
  return path.join(FIXTURES, name);
};

let feedServer: FeedServer;
let dir: string;
let gateway: Gateway | undefined;

function config(env: Record<string, string> = {}) {
  return loadConfig({ FEEDS_FILE: 'feeds.json', STORE_URL: `sqlite://${dir}/store.sqlite`, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env }, dir);
}

const ARTICLES = `query Articles($filter: ArticleFilter, $first: Int, $after: String) {
  articles(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title url publishedAt source { id } actors { actor { id name kind } mentions } regions { region { id } } topics { topic { id } } } }
  }
}`;

beforeAll(async () => {
  feedServer = await startFeedServer([
    { path: '/rss2', file: fixture(/^rss2/), contentType: 'application/rss+xml; charset=utf-8' },
    { path: '/atom', file: fixture(/^atom1/), contentType: 'application/atom+xml' },
    { path: '/rss1', file: fixture(/^rss1/), contentType: 'application/rdf+xml' },
  ]);
  dir = mkdtempSync(path.join(tmpdir(), 'newsgate-e2e-'));
  writeFileSync(
    path.join(dir, 'feeds.json'),
    JSON.stringify({
      defaults: { intervalMinutes: 1 },
      fetch: { perHostSpacingSeconds: 0, minIntervalMinutes: 1 },
      feeds: [
        { id: 'levant-wire', url: `${feedServer.url}/rss2`, tags: ['wire'] },
        { id: 'analysis', url: `${feedServer.url}/atom` },
        { id: 'rdf-desk', url: `${feedServer.url}/rss1`, regions: ['IQ'] },
      ],
    }),
  );
  gateway = await startGateway(config(), { logger: silentLogger, tickMs: 50, watchConfig: false });
  await waitFor(async () => (await Promise.all(['levant-wire', 'analysis', 'rdf-desk'].map((id) => gateway!.store.getFeedState(id)))).every((s) => s?.lastSuccessAt), 20_000, 'all three feeds fetched');
});

afterAll(async () => {
  await gateway?.stop();
  await feedServer?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a fresh gateway over three local feeds', () => {
  it('ingests every item of the three formats', async () => {
    const res = await graphql(gateway!.url, `{ feeds { id status lastStatus articleCount lastError { message } } }`);
    expect(res.errors).toBeUndefined();
    const feeds = res.data.feeds as { id: string; status: string; lastStatus: number; articleCount: number }[];
    expect(feeds.map((f) => f.id).sort()).toEqual(['analysis', 'levant-wire', 'rdf-desk']);
    for (const f of feeds) {
      expect(f.status, f.id).toBe('OK');
      expect(f.lastStatus, f.id).toBe(200);
      expect(f.articleCount, f.id).toBeGreaterThan(0);
    }
  });

  it('finds articles by actor, with the actor resolved', async () => {
    const res = await graphql(gateway!.url, ARTICLES, { filter: { actors: ['kataib-hizbullah'] } });
    expect(res.errors).toBeUndefined();
    const nodes = res.data.articles.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.some((n: any) => /Erbil/.test(n.title))).toBe(true);
    for (const n of nodes) expect(n.actors.map((a: any) => a.actor.id)).toContain('kataib-hizbullah');
  });

  it('finds articles by region and date range; a region includes its places', async () => {
    const all = await graphql(gateway!.url, ARTICLES, { filter: { regions: ['IQ'] }, first: 100 });
    const inRange = await graphql(gateway!.url, ARTICLES, { filter: { regions: ['IQ'], from: '2024-01-19T00:00:00Z', to: '2024-01-20T23:59:59Z' }, first: 100 });
    expect(all.errors).toBeUndefined();
    expect(inRange.errors).toBeUndefined();
    const dates = inRange.data.articles.edges.map((e: any) => e.node.publishedAt as string);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.length).toBeLessThan(all.data.articles.totalCount);
    for (const d of dates) expect(d >= '2024-01-19T00:00:00' && d <= '2024-01-20T23:59:59.999Z').toBe(true);
    // Erbil is tagged as a place in Iraq; filtering by IQ finds it.
    expect(inRange.data.articles.edges.some((e: any) => /Erbil/.test(e.node.title))).toBe(true);
  });

  it('finds articles by topic and by source, AND across fields', async () => {
    const byTopic = await graphql(gateway!.url, ARTICLES, { filter: { topics: ['drone-strike'] } });
    expect(byTopic.errors).toBeUndefined();
    expect(byTopic.data.articles.totalCount).toBeGreaterThan(0);
    const bySource = await graphql(gateway!.url, ARTICLES, { filter: { sources: ['analysis'] }, first: 100 });
    for (const e of bySource.data.articles.edges) expect(e.node.source.id).toBe('analysis');
    const both = await graphql(gateway!.url, ARTICLES, { filter: { sources: ['levant-wire'], actors: ['kataib-hizbullah'] }, first: 100 });
    for (const e of both.data.articles.edges) {
      expect(e.node.source.id).toBe('levant-wire');
      expect(e.node.actors.map((a: any) => a.actor.id)).toContain('kataib-hizbullah');
    }
  });

  it('pages newest first with cursors, and rejects a bad cursor with BAD_USER_INPUT', async () => {
    const first = await graphql(gateway!.url, ARTICLES, { first: 2 });
    expect(first.data.articles.pageInfo.hasNextPage).toBe(true);
    const second = await graphql(gateway!.url, ARTICLES, { first: 2, after: first.data.articles.pageInfo.endCursor });
    const a = first.data.articles.edges.map((e: any) => e.node);
    const b = second.data.articles.edges.map((e: any) => e.node);
    expect(new Set([...a, ...b].map((n: any) => n.id)).size).toBe(a.length + b.length);
    expect(a[1].publishedAt >= b[0].publishedAt).toBe(true);
    const bad = await graphql(gateway!.url, ARTICLES, { first: 2, after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('serves /health with the store reachable and the feeds summarised', async () => {
    const res = await fetch(`${gateway!.url}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ status: 'ok', store: { reachable: true }, feeds: { total: 3, ok: 3, failing: 0 } });
    expect(body.articles).toBeGreaterThan(5);
  });

  it('does not duplicate on refetch, and refetches conditionally', async () => {
    const before = await gateway!.store.size();
    const res = await graphql(gateway!.url, `mutation { refreshFeed(id: "levant-wire") { status added } }`);
    // Without ADMIN_TOKEN the mutation is refused for everyone.
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const outcome = await gateway!.scheduler.refreshNow('levant-wire');
    expect(outcome?.status).toBe('not_modified');
    expect(feedServer.hits.get('/rss2')!.notModified).toBeGreaterThan(0);
    expect(await gateway!.store.size()).toBe(before);
  });
});

describe('the response cache', () => {
  it('answers a repeated query from the cache, and drops it when new articles arrive', async () => {
    const query = `{ articles(filter: { sources: ["levant-wire"] }) { totalCount } }`;
    const post = () => fetch(`${gateway!.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const first = await post();
    expect(first.headers.get('cache-control')).toBe('max-age=5, public');
    const count = ((await first.json()) as any).data.articles.totalCount as number;
    // The cache is written after the response is sent: ask again until a hit (it has an Age).
    let second = await post();
    await waitFor(async () => {
      if (second.headers.get('age') !== null) return true;
      second = await post();
      return second.headers.get('age') !== null;
    }, 3000, 'a response cache hit');
    expect(((await second.json()) as any).data.articles.totalCount).toBe(count);

    const xml = readFileSync(fixture(/^rss2/), 'utf8').replace(
      '<item>',
      '<item><title>Saraya Awliya al-Dam claims rocket attack on Ain al-Asad</title><link>https://levant-wire.example.org/2024/01/21/ain-al-asad/</link><pubDate>Sun, 21 Jan 2024 08:00:00 +0300</pubDate><description>Rockets hit Ain al-Asad air base in Anbar.</description></item><item>',
    );
    feedServer.setBody('/rss2', xml);
    expect((await gateway!.scheduler.refreshNow('levant-wire'))?.added).toBe(1);
    const third = await post();
    expect(((await third.json()) as any).data.articles.totalCount).toBe(count + 1);
  });
});

describe('cache hints', () => {
  it('lets dictionary data be cached for minutes, but not the counts that change with every fetch', async () => {
    const hint = async (query: string) =>
      (await fetch(`${gateway!.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).headers.get('cache-control');
    expect(await hint('{ actor(id: "kataib-hizbullah") { name aliases affiliations { relation actor { id } } } }')).toBe('max-age=300, public');
    expect(await hint('{ actor(id: "kataib-hizbullah") { name articleCount } }')).toBe('max-age=5, public');
    expect(await hint('{ region(id: "IQ") { name articleCount } }')).toBe('max-age=5, public');
    expect(await hint('{ topics { id articleCount } }')).toBe('max-age=5, public');
    expect(await hint('mutation { refreshFeed(id: "levant-wire") { status } }')).toBe('no-store');
  });
});

describe('after a restart', () => {
  it('serves the same articles at once, before any refetch', async () => {
    const before = await graphql(gateway!.url, ARTICLES, { filter: { regions: ['IQ'] }, first: 100 });
    await gateway!.stop();
    const hitsBefore = [...feedServer.hits.values()].reduce((n, h) => n + h.total, 0);
    gateway = await startGateway(config({ POLL: 'false' }), { logger: silentLogger, watchConfig: false });
    const after = await graphql(gateway.url, ARTICLES, { filter: { regions: ['IQ'] }, first: 100 });
    expect(after.data.articles).toEqual(before.data.articles);
    expect([...feedServer.hits.values()].reduce((n, h) => n + h.total, 0)).toBe(hitsBefore);
    // Feed HTTP state survived too: the first fetch after the restart is conditional.
    const outcome = await gateway.scheduler.refreshNow('analysis');
    expect(outcome?.status).toBe('not_modified');
  });
});
