/**
 * Saved-search webhooks against a real local receiver that fails its first attempts: new
 * matches (and only those) arrive signed, retried with backoff under one delivery id, the
 * attempts recorded; a restart on the same store resumes a pending delivery and queues what
 * arrived meanwhile; nothing is queued twice; a receiver that never recovers is given up.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilterServices } from '../../src/graphql/resolve-filter.ts';
import type { Article } from '../../src/model/article.ts';
import type { EntityCatalog } from '../../src/model/catalog.ts';
import type { SavedSearchSpec } from '../../src/model/saved-search.ts';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import { resolveSearch } from '../../src/searches/resolve-search.ts';
import { SavedSearchRegistry } from '../../src/searches/saved-search-registry.ts';
import { feedSourceLookup, type SearchServices } from '../../src/searches/search-services.ts';
import { sqlMatchSource } from '../../src/searches/search-matches.ts';
import { searchDatabase } from '../../src/searches/search-tables.ts';
import { verifySignature } from '../../src/searches/webhook-signature.ts';
import { WebhookWorker, type WebhookPayload } from '../../src/searches/webhook-worker.ts';
import { ArticleStore } from '../../src/store/article-store.ts';
import { makeArticle } from '../store/article-factory.ts';
import { FEEDS } from './search-harness.ts';
import { testEngines } from './engines.ts';

const SECRET = 'test-secret-Ω';
const silent = { info() {}, warn() {}, error() {} };
let catalog: EntityCatalog;

/** A receiver answering `failures` 503s before it accepts, recording every request. */
async function startReceiver(failures: number) {
  const received: { body: string; headers: http.IncomingHttpHeaders; status: number }[] = [];
  let failed = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const status = failed < failures ? 503 : 200;
      if (status === 503) failed++;
      received.push({ body, headers: req.headers, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function fresh(id: string, title: string, regions: string[], agoMs = 0): Article {
  const at = new Date(Date.now() - agoMs).toISOString();
  return { ...makeArticle({ id, title, summary: title, content: title, regions, feedId: 'shafaq-en', publishedAt: at }), fetchedAt: at };
}

async function openAll(url: string, searches: readonly SavedSearchSpec[], secret: string | undefined, maxAttempts = 6) {
  const store = await ArticleStore.open({ url, regionAncestors: (id) => catalog.regionAncestors(id) });
  const filterServices = { catalog, feeds: () => FEEDS, store } as unknown as FilterServices;
  const services: SearchServices = {
    registry: new SavedSearchRegistry(searchDatabase(store.db), searches),
    resolve: (spec) => resolveSearch(spec, filterServices),
    source: sqlMatchSource({ db: store.db, dialect: store.database.dialect }, store),
    catalog,
    sources: feedSourceLookup(() => FEEDS, (ids) => store.getFeedStates(ids)),
  };
  // The receivers listen on 127.0.0.1: allowed as an operator would (webhook-address-guard.test.ts checks the refusal).
  const worker = new WebhookWorker({ db: searchDatabase(store.db), services, secret, logger: silent, backoff: { baseMs: 40, maxMs: 200, maxAttempts }, timeoutMs: 2000, allowPrivateAddresses: () => true });
  return { store, services, worker };
}

/** Runs the worker until `done()` or the time runs out (retries wait for their backoff). */
async function runUntil(worker: WebhookWorker, done: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    await worker.runOnce();
    if (await done()) return;
    if (Date.now() > end) throw new Error('timed out waiting for the webhook');
    await new Promise((r) => setTimeout(r, 30));
  }
}

beforeAll(async () => {
  catalog = (await createDefaultTagger({ discovery: false })).catalog;
}, 60_000);

for (const engine of testEngines()) {
afterAll(() => engine.cleanup());
describe(`saved-search webhooks on ${engine.engine}`, () => {
  it('POSTs only new matches, signed, retrying with backoff under one delivery id until the receiver accepts', async () => {
    const receiver = await startReceiver(2);
    const search = { id: 'drones-iq', name: 'Drones in Iraq', query: 'drone', filter: { regions: ['IQ'] }, webhook: receiver.url };
    const { store, worker } = await openAll(await engine.url('a'), [search], SECRET);
    await store.upsert([fresh('before', 'Drone strike before the search existed', ['IQ'], 1000)]);
    await worker.runOnce(); // first sight of the search: starts from now
    await store.upsert([fresh('d1', 'Drone strike near Baghdad', ['IQ']), fresh('d2', 'Second drone attack near Baghdad', ['IQ']), fresh('r1', 'Rocket attack near Baghdad', ['IQ']), fresh('s1', 'Drone strike in Syria', ['SY'])]);
    await runUntil(worker, async () => (await worker.deliveries('drones-iq'))[0]?.status === 'delivered');

    expect(receiver.received.map((r) => r.status)).toEqual([503, 503, 200]);
    const [first] = receiver.received;
    for (const r of receiver.received) {
      expect(r.body).toBe(first!.body); // the same bytes each time
      expect(r.headers['x-newsgate-delivery']).toBe(first!.headers['x-newsgate-delivery']);
      expect(r.headers['content-type']).toBe('application/json');
      expect(verifySignature(SECRET, r.body, r.headers['x-newsgate-signature'] as string)).toBe(true);
      expect(verifySignature('another secret', r.body, r.headers['x-newsgate-signature'] as string)).toBe(false);
    }
    const payload = JSON.parse(first!.body) as WebhookPayload;
    expect(payload.search).toEqual({ id: 'drones-iq', name: 'Drones in Iraq' });
    expect(payload.delivery).toBe(first!.headers['x-newsgate-delivery']);
    expect(payload.articles.map((a) => a.id).sort()).toEqual(['d1', 'd2']);
    expect(payload.articles[0]!.regions[0]).toMatchObject({ id: 'IQ', name: 'Iraq' });

    const [delivery] = await worker.deliveries('drones-iq');
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, articleCount: 2, httpStatus: 200, error: null, nextAttemptAt: null });

    // Nothing new: nothing more is sent.
    await worker.runOnce();
    expect(receiver.received).toHaveLength(3);
    expect(await worker.deliveries('drones-iq')).toHaveLength(1);
    await worker.stop();
    await store.close();
    await receiver.close();
  });

  it('resumes after a restart: a pending delivery is sent and articles that arrived meanwhile are queued', async () => {
    const receiver = await startReceiver(1);
    const search = { id: 'iq', name: 'Iraq', query: '', filter: { regions: ['IQ'] }, webhook: receiver.url };
    const file = await engine.url('b');
    let run = await openAll(file, [search], SECRET);
    await run.worker.runOnce();
    await run.store.upsert([fresh('x1', 'Clashes in Kirkuk', ['IQ'])]);
    await run.worker.runOnce(); // first attempt fails; the delivery waits for its retry
    expect(await run.worker.deliveries('iq')).toMatchObject([{ status: 'pending', attempts: 1, httpStatus: 503, error: 'the receiver answered HTTP 503' }]);
    await run.worker.stop();
    await run.store.close();

    run = await openAll(file, [search], SECRET);
    await run.store.upsert([fresh('x2', 'Protest in Basra', ['IQ'])]); // while "down", seen by the next scan
    await runUntil(run.worker, async () => (await run.worker.deliveries('iq')).every((d) => d.status === 'delivered') && (await run.worker.deliveries('iq')).length === 2);
    const ids = receiver.received.filter((r) => r.status === 200).flatMap((r) => (JSON.parse(r.body) as WebhookPayload).articles.map((a) => a.id));
    expect(ids.sort()).toEqual(['x1', 'x2']);
    await run.worker.stop();
    await run.store.close();
    await receiver.close();
  });

  it('gives a delivery up after the last attempt, saying why; without WEBHOOK_SECRET nothing is sent and the delivery says so', async () => {
    const receiver = await startReceiver(1000);
    const search = { id: 'iq', name: 'Iraq', query: '', filter: { regions: ['IQ'] }, webhook: receiver.url };
    const run = await openAll(await engine.url('c'), [search], SECRET, 3);
    await run.worker.runOnce();
    await run.store.upsert([fresh('y1', 'Clashes in Mosul', ['IQ'])]);
    await runUntil(run.worker, async () => (await run.worker.deliveries('iq'))[0]?.status === 'failed');
    expect(receiver.received).toHaveLength(3);
    expect((await run.worker.deliveries('iq'))[0]).toMatchObject({ status: 'failed', attempts: 3, error: 'the receiver answered HTTP 503' });
    await run.worker.stop();
    await run.store.close();

    const quiet = await startReceiver(0);
    const noSecret = await openAll(await engine.url('d'), [{ ...search, webhook: quiet.url }], undefined);
    await noSecret.worker.runOnce();
    await noSecret.store.upsert([fresh('z1', 'Clashes in Erbil', ['IQ'])]);
    await noSecret.worker.runOnce();
    expect(quiet.received).toHaveLength(0);
    expect((await noSecret.worker.deliveries('iq'))[0]).toMatchObject({ status: 'pending', attempts: 0, error: expect.stringContaining('WEBHOOK_SECRET is not set') });
    await noSecret.worker.stop();
    await noSecret.store.close();
    await receiver.close();
    await quiet.close();
  });
});
}
