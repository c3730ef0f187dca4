/**
 * Graceful shutdown of the real process with NODE_ENV=production (where Apollo Server would
 * install its own signal handlers): SIGTERM or SIGINT lets a request under way finish — here a
 * refreshFeed whose feed answers slowly, so the request and its store write are both in flight —
 * then closes the store and exits 0.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnGateway } from './spawn-gateway.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/feeds/rss1-rdf.rdf');
let feedServer: http.Server;
let feedUrl: string;
let requested: () => void;
let feedRequested: Promise<void>;

beforeAll(async () => {
  feedRequested = new Promise((r) => (requested = r));
  feedServer = http.createServer((_req, res) => {
    requested();
    // Slow enough that the signal arrives while the refresh is under way.
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(readFileSync(FIXTURE)), 1_500);
  });
  await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', r));
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.rdf`;
});
afterAll(() => feedServer.close());

describe('shutdown of the real process (NODE_ENV=production)', () => {
  it('SIGTERM during a refreshFeed request: the request completes, its articles are written, exit 0', async () => {
    const gw = spawnGateway({
      feeds: { feeds: [{ id: 'slow', url: feedUrl }] },
      env: { POLL: 'false', ADMIN_TOKEN: 'secret-token' },
    });
    const base = await gw.ready();
    const response = fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer secret-token' },
      body: JSON.stringify({ query: 'mutation { refreshFeed(id: "slow") { status added } }' }),
    });
    await feedRequested;
    gw.child.kill('SIGTERM');
    const body = (await (await response).json()) as { data?: { refreshFeed: { status: string; added: number } } };
    expect(body.data?.refreshFeed.status).toBe('ok');
    expect(body.data?.refreshFeed.added).toBeGreaterThan(0);
    expect(await gw.exited, gw.out() + gw.err()).toBe(0);
    expect(gw.out()).toContain('"stopped"');
    expect(gw.out()).not.toContain('second signal');

    // The articles written during the drain are in the store the next start reads.
    const again = spawnGateway({ dir: gw.dir, feeds: { feeds: [{ id: 'slow', url: feedUrl }] }, env: { POLL: 'false' } });
    const base2 = await again.ready();
    const count = (await (
      await fetch(`${base2}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ articles(first: 100) { totalCount } }' }) })
    ).json()) as { data: { articles: { totalCount: number } } };
    expect(count.data.articles.totalCount).toBe(body.data?.refreshFeed.added);
    again.child.kill('SIGINT');
    expect(await again.exited, again.out() + again.err()).toBe(0);
  }, 240_000);

  it('SIGINT (Ctrl-C) on an idle gateway: exit 0', async () => {
    const gw = spawnGateway();
    await gw.ready();
    gw.child.kill('SIGINT');
    expect(await gw.exited, gw.out() + gw.err()).toBe(0);
    expect(gw.out()).toContain('"stopped"');
  }, 120_000);
});
