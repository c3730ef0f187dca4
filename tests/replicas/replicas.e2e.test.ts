/**
 * Three replicas on one PostgreSQL database, without Redis (issue 9), as real gateway processes
 * (NODE_ENV=production) with a local feed server that counts requests: one fetch per feed per
 * interval across all replicas (the lease lock); an article ingested by one is answered by all;
 * the response cache of every replica lets go of an answer another replica's write changed; a
 * subscription on one replica fires for an article another ingested (LISTEN/NOTIFY); a replica
 * killed with SIGKILL mid-ingest and restarted loses no served article.
 * Needs POSTGRES_URL (its own database, dropped after); skipped with a message without it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startFeedServer, waitFor, type FeedServer } from '../e2e/feed-server.ts';
import { spawnGateway, stopGateway, type GatewayProcess } from './spawn-gateway.ts';
import { createTestDatabase, dropTestDatabase, POSTGRES_URL } from '../store/postgres-test-db.ts';

/** A database of this suite's own (dropped after). */
type TestDatabase = { url: string; name: string };

if (!POSTGRES_URL) console.warn('tests/replicas: POSTGRES_URL is not set; the multi-replica tests on PostgreSQL are skipped (set POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres to run them).');

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/feeds');
const ADMIN = 'replica-test-token';

/** A big feed, so that ingesting it takes long enough to be killed in the middle. */
function bigFeed(items: number, offset = 0): string {
  const body = Array.from({ length: items }, (_, i) => {
    const n = i + offset;
    return `<item><title>Raid report ${n}: Kata'ib Hizbullah depot hit near Jurf al-Sakhr</title><link>https://big.example.org/a/${n}</link><pubDate>${new Date(Date.UTC(2024, 0, 1, 0, n)).toUTCString()}</pubDate><description><![CDATA[<p>Report ${n}. The Iraqi Security Forces said a drone struck a depot used by Kata'ib Hizbullah in Babil province; the Islamic Resistance in Iraq denied losses. ${'Officials in Baghdad gave no further details. '.repeat(20)}</p>]]></description></item>`;
  }).join('\n');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Big desk</title><link>https://big.example.org/</link>${body}</channel></rss>`;
}

describe.skipIf(!POSTGRES_URL)('three replicas on one PostgreSQL', () => {
  let feeds: FeedServer;
  let dir: string;
  let env: Record<string, string>;
  let database: TestDatabase;
  const replicas: GatewayProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'newsgate-replicas-'));
    writeFileSync(path.join(dir, 'big.xml'), bigFeed(200));
    feeds = await startFeedServer([
      { path: '/rss2', file: path.join(FIXTURES, 'rss2-wire.xml'), contentType: 'application/rss+xml' },
      { path: '/atom', file: path.join(FIXTURES, 'atom1-analysis.atom'), contentType: 'application/atom+xml' },
      { path: '/big', file: path.join(dir, 'big.xml'), contentType: 'application/rss+xml' },
    ]);
    writeFileSync(
      path.join(dir, 'feeds.json'),
      JSON.stringify({
        defaults: { intervalMinutes: 60 },
        fetch: { perHostSpacingSeconds: 0, timeoutSeconds: 10 },
        feeds: [
          { id: 'wire', url: `${feeds.url}/rss2` },
          { id: 'analysis', url: `${feeds.url}/atom` },
          { id: 'big', url: `${feeds.url}/big`, enabled: false },
        ],
      }),
    );
    database = await createTestDatabase('storeops_replicas');
    env = { FEEDS_FILE: path.join(dir, 'feeds.json'), STORE_URL: database.url, ADMIN_TOKEN: ADMIN, NODE_ENV: 'production' };
    // The first start migrates the schema; the others then start together. Generous start-up
    // time: three Node processes compiling TypeScript on a loaded 2-core machine.
    replicas.push(await spawnGateway(env, 90_000));
    replicas.push(...(await Promise.all([spawnGateway(env, 90_000), spawnGateway(env, 90_000)])));
    // Each feed fetched once, by whichever replica claimed it.
    await waitFor(async () => {
      const res = await graphql(replicas[0]!.url, '{ feeds { id lastSuccessAt } }');
      return (res.data?.feeds as { id: string; lastSuccessAt: string | null }[] | undefined)?.filter((f) => f.id !== 'big').every((f) => f.lastSuccessAt) ?? false;
    }, 30_000, 'both feeds fetched');
  }, 240_000);

  afterAll(async () => {
    await Promise.all(replicas.map((r) => stopGateway(r)));
    await feeds?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (database) await dropTestDatabase(database.name);
  }, 60_000);

  /** Every article id a replica serves, paging through the whole connection. */
  const ids = async (g: GatewayProcess): Promise<string[]> => {
    const all: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { data?: any } = await graphql(g.url, 'query($after: String) { articles(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }', { after });
      const page: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } = res.data!.articles;
      all.push(...(page.edges as { node: { id: string } }[]).map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) return all.sort();
      after = page.pageInfo.endCursor;
    }
  };

  it('fetches each feed once per interval across all replicas', async () => {
    // Give every replica time to tick through its schedule a few times.
    await new Promise((r) => setTimeout(r, 3000));
    expect(feeds.hits.get('/rss2')?.total).toBe(1);
    expect(feeds.hits.get('/atom')?.total).toBe(1);
  });

  it('every replica answers the same query with the same articles, at once (they read one database)', async () => {
    const expected = await ids(replicas[0]!);
    expect(expected.length).toBeGreaterThan(5);
    expect(await ids(replicas[1]!)).toEqual(expected);
    expect(await ids(replicas[2]!)).toEqual(expected);
  });

  it("an article one replica ingests is answered by every replica, past their response caches", async () => {
    const query = '{ articles(filter: { search: "Sinjar" }, first: 5) { totalCount edges { node { id title } } } }';
    // Warm every replica's response cache with the answer before the article exists.
    const before = await Promise.all(replicas.map((r) => graphql(r.url, query)));
    for (const res of before) expect(res.data.articles.totalCount).toBe(0);
    const xml = readFileSync(path.join(FIXTURES, 'atom1-analysis.atom'), 'utf8').replace(
      '<entry>',
      '<entry><title>PKK fighters leave Sinjar under a new deal</title><id>tag:analysis.example,2024:sinjar-deal</id><link href="https://analysis.example.org/sinjar-deal"/><updated>2024-02-01T10:00:00Z</updated><summary>Fighters left Sinjar district.</summary></entry><entry>',
    );
    feeds.setBody('/atom', xml);
    const refresh = await graphql(replicas[2]!.url, 'mutation { refreshFeed(id: "analysis") { status added } }', {}, { authorization: `Bearer ${ADMIN}` });
    expect(refresh.data.refreshFeed).toMatchObject({ added: 1 });
    await waitFor(async () => {
      const answers = await Promise.all(replicas.map((r) => graphql(r.url, query)));
      return answers.every((a) => a.data.articles.totalCount === 1 && a.data.articles.edges[0].node.title === 'PKK fighters leave Sinjar under a new deal');
    }, 3000, 'every replica to answer with the new article');
  });

  it('a subscription on one replica receives an article ingested by another', async () => {
    const received: string[] = [];
    const client = createWsClient({ url: replicas[1]!.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, lazy: false });
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe<{ articleAdded: { title: string } }>(
        { query: 'subscription { articleAdded(filter: { actors: ["kataib-hizbullah"] }) { title } }' },
        { next: (msg) => { received.push(msg.data!.articleAdded.title); resolve(); }, error: reject, complete: () => {} },
      );
    });
    await new Promise((r) => setTimeout(r, 500)); // let the subscription register
    const xml = readFileSync(path.join(FIXTURES, 'rss2-wire.xml'), 'utf8').replace(
      '<item>',
      '<item><title>Kata\'ib Hizbullah announces a pause in attacks</title><link>https://levant-wire.example.org/2024/01/30/kh-pause/</link><pubDate>Tue, 30 Jan 2024 20:00:00 +0300</pubDate><description>Kata\'ib Hizbullah said it was suspending operations.</description></item><item>',
    );
    feeds.setBody('/rss2', xml);
    const refresh = await graphql(replicas[0]!.url, 'mutation { refreshFeed(id: "wire") { status added } }', {}, { authorization: `Bearer ${ADMIN}` });
    expect(refresh.errors).toBeUndefined();
    expect(refresh.data.refreshFeed).toMatchObject({ added: 1 });
    await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error('no subscription event within 5 s')), 5000))]);
    expect(received).toEqual(["Kata'ib Hizbullah announces a pause in attacks"]);
    await client.dispose();
  });

  it('a replica killed with SIGKILL mid-ingest and restarted loses no article any replica served', async () => {
    const victim = replicas[2]!;
    // Start a long ingest on the victim and kill it while it is under way.
    const pending = graphql(victim.url, 'mutation { refreshFeed(id: "big") { status added } }', {}, { authorization: `Bearer ${ADMIN}` }).catch(() => undefined);
    await waitFor(() => (feeds.hits.get('/big')?.total ?? 0) > 0, 10_000, 'the big feed to be requested');
    await new Promise((r) => setTimeout(r, 50));
    victim.child.kill('SIGKILL');
    await victim.exited;
    await pending;
    // What the survivors serve now, and after the restart, must all be there.
    await new Promise((r) => setTimeout(r, 500));
    const served = new Set([...(await ids(replicas[0]!)), ...(await ids(replicas[1]!))]);
    const restarted = await spawnGateway({ ...env, POLL: 'false' }, 90_000);
    replicas[2] = restarted;
    const after = new Set(await ids(restarted));
    expect(served.size).toBeGreaterThan(5);
    for (const id of served) expect(after.has(id), id).toBe(true);
    // And the survivors agree with the restarted replica.
    expect([...after].sort()).toEqual(await ids(replicas[0]!));
  }, 180_000);
});
