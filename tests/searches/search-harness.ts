/**
 * A real store (SQLite file), the real dictionaries, and the search routes on a real HTTP
 * server at 127.0.0.1:0 — what the search feed and export tests run against.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FilterServices } from '../../src/graphql/resolve-filter.ts';
import type { Article } from '../../src/model/article.ts';
import type { FeedConfig } from '../../src/model/feed.ts';
import type { SavedSearchSpec } from '../../src/model/saved-search.ts';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import { SavedSearchRegistry } from '../../src/searches/saved-search-registry.ts';
import { resolveSearch } from '../../src/searches/resolve-search.ts';
import { searchDatabase } from '../../src/searches/search-tables.ts';
import { feedSourceLookup, type SearchServices } from '../../src/searches/search-services.ts';
import { sqlMatchSource } from '../../src/searches/search-matches.ts';
import { createExportRoute } from '../../src/server/routes/export.ts';
import { createSearchFeedsRoute } from '../../src/server/routes/search-feeds.ts';
import { ArticleStore } from '../../src/store/article-store.ts';

export const FEEDS: FeedConfig[] = ['shafaq-en', 'rudaw-en', 'alsumaria-ar'].map((id) => ({
  id,
  url: `https://${id}.example/rss`,
  title: `${id} title`,
  tags: [],
  regions: [],
  intervalMinutes: 15,
  enabled: true,
  headers: {},
  allowFile: false,
}));

export interface SearchHarness {
  readonly base: string;
  readonly store: ArticleStore;
  readonly services: SearchServices;
  readonly filterServices: FilterServices;
  close(): Promise<void>;
}

export async function startSearchHarness(articles: readonly Article[], searches: readonly SavedSearchSpec[], url?: string): Promise<SearchHarness> {
  const { catalog } = await createDefaultTagger({ discovery: false });
  const dir = mkdtempSync(join(tmpdir(), 'newsgate-searches-'));
  const store = await ArticleStore.open({ url: url ?? `sqlite://${join(dir, 'store.sqlite')}`, regionAncestors: (id) => catalog.regionAncestors(id), topicAncestors: (id) => catalog.topicAncestors(id) });
  for (let i = 0; i < articles.length; i += 500) await store.upsert(articles.slice(i, i + 500));
  // Every source a test names is configured, so the store is never asked about unconfigured ones.
  const filterServices = { catalog, feeds: () => FEEDS, store } as unknown as FilterServices;
  const services: SearchServices = {
    registry: new SavedSearchRegistry(searchDatabase(store.db), searches),
    resolve: (spec) => resolveSearch(spec, filterServices),
    source: sqlMatchSource({ db: store.db, dialect: store.database.dialect }, store),
    catalog,
    sources: feedSourceLookup(() => FEEDS, (ids) => store.getFeedStates(ids)),
  };
  const routes = [createSearchFeedsRoute(services), createExportRoute(services)];
  const server = http.createServer((req, res) => {
    void (async () => {
      for (const route of routes) if (await route(req, res)) return;
      res.writeHead(404).end();
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    store,
    services,
    filterServices,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
