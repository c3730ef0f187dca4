/**
 * Saved searches in a running gateway: a search declared in feeds.json is listed read-only and
 * its RSS, read back by newsgate's own processDocument (as `newsgate preview`), holds exactly
 * its matches; saveSearch/deleteSearch need ADMIN_TOKEN and refuse bad queries with their
 * position; a search with a webhook gets a newly ingested match POSTed, signed, and the attempt
 * shows in `search(id) { deliveries }`; the export streams the matches.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import type { FeedConfig } from '../../src/model/feed.ts';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { processDocument } from '../../src/pipeline/process-document.ts';
import { searchDatabase } from '../../src/searches/search-tables.ts';
import { verifySignature } from '../../src/searches/webhook-signature.ts';
import { startGateway, type Gateway } from '../../src/server/gateway.ts';
import { graphql, startFeedServer, waitFor, type FeedServer } from './feed-server.ts';

const ADMIN = { authorization: 'Bearer admin-token-1' };
const SECRET = 'webhook-secret-1';

interface Item {
  title: string;
  day: number;
}
const ITEMS: Item[] = [
  { title: 'Drone strike hits a convoy near Baghdad', day: 1 },
  { title: 'Rocket attack on a base in Erbil', day: 2 },
  { title: 'Second drone downed over Basra', day: 3 },
  { title: 'Parliament meets on the budget', day: 4 },
  { title: 'Drone footage shows damage in Mosul', day: 5 },
];

function rss(items: readonly Item[]): string {
  const entries = items
    .map((i) => `<item><title>${i.title}</title><link>https://news.example/${i.day}</link><guid>https://news.example/${i.day}</guid><pubDate>${new Date(Date.UTC(2026, 10, i.day, 9)).toUTCString()}</pubDate><description>${i.title}.</description></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><link>https://news.example/</link><description>w</description>${entries}</channel></rss>`;
}

let feedServer: FeedServer;
let dir: string;
let gateway: Gateway;
const posts: { body: string; signature: string | undefined }[] = [];
let receiver: http.Server;
let receiverUrl: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsgate-searches-e2e-'));
  writeFileSync(path.join(dir, 'wire.xml'), rss(ITEMS));
  feedServer = await startFeedServer([{ path: '/wire', file: path.join(dir, 'wire.xml'), contentType: 'application/rss+xml' }]);
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      posts.push({ body, signature: req.headers['x-newsgate-signature'] as string | undefined });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  writeFileSync(
    path.join(dir, 'feeds.json'),
    JSON.stringify({
      // The webhook receiver listens on 127.0.0.1 and the search is saved through the API: only the
      // top-level setting lets it be reached (tests/searches/webhook-address-guard.test.ts checks the refusal).
      fetch: { perHostSpacingSeconds: 0, minIntervalMinutes: 1, allowPrivateAddresses: true },
      feeds: [{ id: 'wire', url: `${feedServer.url}/wire`, intervalMinutes: 60 }],
      searches: [{ id: 'drones', name: 'Drones', query: 'drone -footage' }],
    }),
  );
  const config = loadConfig({ FEEDS_FILE: 'feeds.json', STORE_URL: `sqlite://${dir}/store.sqlite`, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ADMIN_TOKEN: 'admin-token-1', WEBHOOK_SECRET: SECRET }, dir);
  gateway = await startGateway(config, { logger: silentLogger, tickMs: 50, watchConfig: false });
  await waitFor(async () => (await gateway.store.getFeedState('wire'))?.lastSuccessAt !== undefined, 20_000, 'the feed fetched');
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await feedServer?.close();
  await new Promise<void>((r) => receiver.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

const SEARCH = `query($id: ID!) { search(id: $id) { id name query origin readOnly hasWebhook feeds { rss atom json } deliveries { at status attempts error httpStatus } } }`;
const SAVE = `mutation($input: SaveSearchInput!) { saveSearch(input: $input) { id name query readOnly filter { sources regions } } }`;

describe('saved searches in a running gateway', () => {
  it('lists the feeds.json search read-only, and its RSS read back by processDocument holds exactly its matches', async () => {
    const list = await graphql(gateway.url, '{ searches { id origin readOnly feeds { rss } } }');
    expect(list.errors).toBeUndefined();
    expect(list.data.searches).toEqual([{ id: 'drones', origin: 'CONFIG', readOnly: true, feeds: { rss: '/searches/drones.rss' } }]);

    const res = await fetch(`${gateway.url}/searches/drones.rss`);
    expect(res.status).toBe(200);
    const { tagger } = await createDefaultTagger({ discovery: false });
    const feed: FeedConfig = { id: 'readback', url: `${gateway.url}/searches/drones.rss`, tags: [], regions: [], intervalMinutes: 15, enabled: true, headers: {}, allowFile: false };
    const doc = await processDocument({ bytes: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? '', url: feed.url, feed, fetchedAt: new Date(), tagger });
    expect(doc.articles.map((a) => [a.title, a.url, a.publishedAt])).toEqual([
      ['Second drone downed over Basra', 'https://news.example/3', '2026-11-03T09:00:00.000Z'],
      ['Drone strike hits a convoy near Baghdad', 'https://news.example/1', '2026-11-01T09:00:00.000Z'],
    ]);
  });

  it('saves and deletes searches with ADMIN_TOKEN only, refusing bad queries with their position and feeds.json ids', async () => {
    const input = { id: 'basra', name: 'Basra', query: 'basra OR erbil', filter: { sources: ['wire'] } };
    const anonymous = await graphql(gateway.url, SAVE, { input });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const bad = await graphql(gateway.url, SAVE, { input: { ...input, query: 'basra OR (erbil' } }, ADMIN);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('Query error at position 16');
    const unknownActor = await graphql(gateway.url, SAVE, { input: { ...input, query: 'actor:irgcc' } }, ADMIN);
    expect(unknownActor.errors?.[0]?.message).toContain('did you mean "irgc"');
    const overConfig = await graphql(gateway.url, SAVE, { input: { ...input, id: 'drones' } }, ADMIN);
    expect(overConfig.errors?.[0]?.message).toContain('declared in feeds.json and is read-only');

    const listed = async () => ((await graphql(gateway.url, '{ searches { id } }')).data.searches as { id: string }[]).map((s) => s.id);
    expect(await listed()).toEqual(['drones']);
    const saved = await graphql(gateway.url, SAVE, { input }, ADMIN);
    expect(saved.errors).toBeUndefined();
    expect(await listed()).toEqual(['drones', 'basra']); // not a cached answer from before the save
    expect(saved.data.saveSearch).toEqual({ id: 'basra', name: 'Basra', query: 'basra OR erbil', readOnly: false, filter: { sources: ['wire'], regions: null } });
    const json = (await (await fetch(`${gateway.url}/searches/basra.json`)).json()) as { title: string; items: { title: string }[] };
    expect(json.title).toBe('Basra');
    expect(json.items.map((i) => i.title)).toEqual(['Second drone downed over Basra', 'Rocket attack on a base in Erbil']);

    const csv = await (await fetch(`${gateway.url}/export.csv?query=${encodeURIComponent('basra OR erbil')}`)).text();
    expect(csv.trim().split('\r\n')).toHaveLength(3);

    expect((await graphql(gateway.url, 'mutation { deleteSearch(id: "basra") }', {}, ADMIN)).data.deleteSearch).toBe(true);
    expect((await graphql(gateway.url, SEARCH, { id: 'basra' })).data.search).toBeNull();
    expect(await listed()).toEqual(['drones']);
    expect((await fetch(`${gateway.url}/searches/basra.rss`)).status).toBe(404);
    const again = await graphql(gateway.url, 'mutation { deleteSearch(id: "basra") }', {}, ADMIN);
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('POSTs a newly ingested match to the webhook, signed, and shows the delivery in the API', async () => {
    const saved = await graphql(gateway.url, SAVE, { input: { id: 'mosul', name: 'Mosul', query: 'mosul', webhook: receiverUrl } }, ADMIN);
    expect(saved.errors).toBeUndefined();
    // The worker first sees the search (its starting point), then the feed gains a match.
    const db = searchDatabase(gateway.store.db);
    await waitFor(async () => (await db.selectFrom('search_webhook_state').select('search_id').where('search_id', '=', 'mosul').execute()).length === 1, 5000, 'the worker has seen the search');
    feedServer.setBody('/wire', rss([...ITEMS, { title: 'Clashes reported in Mosul old city', day: 6 }]));
    expect((await graphql(gateway.url, 'mutation { refreshFeed(id: "wire") { added } }', {}, ADMIN)).data.refreshFeed.added).toBe(1);
    await waitFor(() => posts.length > 0, 10_000, 'the webhook POST');
    const payload = JSON.parse(posts[0]!.body) as { search: { id: string }; articles: { title: string }[] };
    expect(payload.search.id).toBe('mosul');
    expect(payload.articles.map((a) => a.title)).toEqual(['Clashes reported in Mosul old city']);
    expect(verifySignature(SECRET, posts[0]!.body, posts[0]!.signature)).toBe(true);
    await waitFor(async () => (await graphql(gateway.url, SEARCH, { id: 'mosul' })).data.search.deliveries[0]?.status === 'DELIVERED', 5000, 'delivery recorded');
    const { data } = await graphql(gateway.url, SEARCH, { id: 'mosul' });
    expect(data.search.deliveries).toMatchObject([{ status: 'DELIVERED', attempts: 1, error: null, httpStatus: 204 }]);
  }, 30_000);
});
