/**
 * Saved-search webhooks held to the address guard, against real receivers on 127.0.0.1: refused
 * by default (FETCH_FORBIDDEN_ADDRESS on the delivery, the receiver never hit), also when a
 * public-looking name resolves to loopback at connect time; sent when the search allows it in
 * feeds.json or `fetch.allowPrivateAddresses` allows every webhook; a redirect is never followed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilterServices } from '../../src/graphql/resolve-filter.ts';
import type { Resolver } from '../../src/ingest/fetch/address-guard.ts';
import type { EntityCatalog } from '../../src/model/catalog.ts';
import type { SavedSearchSpec } from '../../src/model/saved-search.ts';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import { resolveSearch } from '../../src/searches/resolve-search.ts';
import { SavedSearchRegistry } from '../../src/searches/saved-search-registry.ts';
import { feedSourceLookup, type SearchServices } from '../../src/searches/search-services.ts';
import { sqlMatchSource } from '../../src/searches/search-matches.ts';
import { searchDatabase } from '../../src/searches/search-tables.ts';
import { WebhookWorker } from '../../src/searches/webhook-worker.ts';
import { ArticleStore } from '../../src/store/article-store.ts';
import { makeArticle } from '../store/article-factory.ts';
import { FEEDS } from './search-harness.ts';

const silent = { info() {}, warn() {}, error() {} };
let catalog: EntityCatalog;
let dir = '';
let n = 0;

/** A receiver on 127.0.0.1 counting requests; `redirectTo` makes it answer 302 there. */
async function receiver(redirectTo?: string) {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    req.resume();
    req.on('end', () => (redirectTo ? res.writeHead(302, { location: redirectTo }).end() : res.writeHead(200).end()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/hook`, port, hits, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A worker over a fresh SQLite store with one search, after one article matched it. */
async function deliverOnce(search: SavedSearchSpec, options: { allowAll?: boolean; resolver?: Resolver } = {}) {
  const store = await ArticleStore.open({ url: `sqlite://${path.join(dir, `s${++n}.sqlite`)}`, regionAncestors: (id) => catalog.regionAncestors(id) });
  const filterServices = { catalog, feeds: () => FEEDS, store } as unknown as FilterServices;
  const services: SearchServices = {
    registry: new SavedSearchRegistry(searchDatabase(store.db), [search]),
    resolve: (spec) => resolveSearch(spec, filterServices),
    source: sqlMatchSource({ db: store.db, dialect: store.database.dialect }, store),
    catalog,
    sources: feedSourceLookup(() => FEEDS, (ids) => store.getFeedStates(ids)),
  };
  const worker = new WebhookWorker({
    db: searchDatabase(store.db), services, secret: 's', logger: silent, timeoutMs: 2000,
    allowPrivateAddresses: () => options.allowAll === true,
    ...(options.resolver ? { resolver: options.resolver } : {}),
  });
  await worker.runOnce(); // first sight: starts from now
  const at = new Date().toISOString();
  await store.upsert([{ ...makeArticle({ id: `a${n}`, title: 'Drone strike near Baghdad', regions: ['IQ'], publishedAt: at }), fetchedAt: at }]);
  await worker.runOnce();
  const [delivery] = await worker.deliveries(search.id);
  await worker.stop();
  await store.close();
  return delivery!;
}

const search = (webhook: string, extra: Partial<SavedSearchSpec> = {}): SavedSearchSpec => ({ id: 'iq', name: 'Iraq', query: '', filter: { regions: ['IQ'] }, webhook, ...extra });

beforeAll(async () => {
  catalog = (await createDefaultTagger({ discovery: false })).catalog;
  dir = mkdtempSync(path.join(tmpdir(), 'newsgate-webhook-guard-'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('webhooks and internal addresses', () => {
  it('refuses a receiver on 127.0.0.1 by default: the delivery says FETCH_FORBIDDEN_ADDRESS and how to allow it; the receiver is never hit', async () => {
    const r = await receiver();
    const delivery = await deliverOnce(search(r.url));
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, httpStatus: null });
    expect(delivery.error).toMatch(/^refused \(FETCH_FORBIDDEN_ADDRESS\): .*127\.0\.0\.1.*"allowPrivateAddresses": true on this search in feeds\.json/);
    expect(r.hits).toEqual([]);
    await r.close();
  });

  it('refuses a public-looking name that resolves to loopback at connect time', async () => {
    const r = await receiver();
    const resolver: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const delivery = await deliverOnce(search(`http://hooks.example.org:${r.port}/hook`), { resolver });
    expect(delivery.error).toMatch(/FETCH_FORBIDDEN_ADDRESS.*127\.0\.0\.1/);
    expect(r.hits).toEqual([]);
    await r.close();
  });

  it.each([
    ['the search allows it (feeds.json)', { allowPrivateAddresses: true }, false],
    ['fetch.allowPrivateAddresses allows every webhook', {}, true],
  ])('sends when %s', async (_why, extra, allowAll) => {
    const r = await receiver();
    const delivery = await deliverOnce(search(r.url, extra), { allowAll });
    expect(delivery).toMatchObject({ status: 'delivered', httpStatus: 200, error: null });
    expect(r.hits).toEqual(['/hook']);
    await r.close();
  });

  it('never follows a redirect: a 302 is a failed attempt and its target is not hit', async () => {
    const target = await receiver();
    const redirecting = await receiver(target.url);
    const delivery = await deliverOnce(search(redirecting.url), { allowAll: true });
    expect(delivery).toMatchObject({ status: 'pending', httpStatus: 302, error: 'the receiver answered HTTP 302' });
    expect(redirecting.hits).toEqual(['/hook']);
    expect(target.hits).toEqual([]);
    await target.close();
    await redirecting.close();
  });
});
