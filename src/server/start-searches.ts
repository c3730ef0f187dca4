/**
 * Wiring of saved searches (issue 10 items 7–8), kept out of gateway.ts: the registry over
 * feeds.json and the store, the HTTP routes (`/searches/<id>.rss|.atom|.json`,
 * `/export.csv|.ndjson`), the webhook worker (nudged when articles arrive) and the API the
 * GraphQL resolvers call.
 */
import type http from 'node:http';
import type { FilterServices } from '../graphql/resolve-filter.ts';
import type { EntityCatalog } from '../model/catalog.ts';
import type { FeedConfig } from '../model/feed.ts';
import type { SavedSearchSpec } from '../model/saved-search.ts';
import type { Logger } from '../observability/logger.ts';
import { resolveSearch } from '../searches/resolve-search.ts';
import { SavedSearchRegistry } from '../searches/saved-search-registry.ts';
import { validateSaveSearch } from '../searches/search-input.ts';
import { sqlMatchSource } from '../searches/search-matches.ts';
import { feedSourceLookup, type SavedSearchApi, type SearchServices } from '../searches/search-services.ts';
import { searchDatabase } from '../searches/search-tables.ts';
import { WebhookWorker } from '../searches/webhook-worker.ts';
import type { ArticleStore } from '../store/article-store.ts';
import { createExportRoute } from './routes/export.ts';
import { createSearchFeedsRoute } from './routes/search-feeds.ts';

export interface SearchesOptions {
  readonly store: ArticleStore;
  readonly catalog: EntityCatalog;
  feeds(): readonly FeedConfig[];
  readonly searches: readonly SavedSearchSpec[];
  /** WEBHOOK_SECRET. */
  readonly webhookSecret?: string;
  readonly logger: Logger;
  /** Run the webhook worker (default true; a read-only replica may leave it to others). */
  readonly webhooks?: boolean;
  /** `fetch.allowPrivateAddresses` as feeds.json says now: webhooks may reach internal addresses. */
  allowPrivateAddresses?(): boolean;
}

export interface Searches {
  readonly api: SavedSearchApi;
  /** Serves the search feeds and exports; false for other paths. */
  route(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean>;
  /** feeds.json reloaded. */
  setConfig(searches: readonly SavedSearchSpec[]): void;
  stop(): Promise<void>;
}

export function startSearches(opts: SearchesOptions): Searches {
  const { store, catalog } = opts;
  const db = searchDatabase(store.db);
  const filterServices: FilterServices = { catalog, feeds: opts.feeds, store };
  const services: SearchServices = {
    registry: new SavedSearchRegistry(db, opts.searches),
    resolve: (spec) => resolveSearch(spec, filterServices),
    source: sqlMatchSource({ db: store.db, dialect: store.database.dialect }, store),
    catalog,
    sources: feedSourceLookup(opts.feeds, (ids) => store.getFeedStates(ids)),
  };
  const worker = new WebhookWorker({ db, services, secret: opts.webhookSecret, logger: opts.logger, ...(opts.allowPrivateAddresses ? { allowPrivateAddresses: opts.allowPrivateAddresses } : {}) });
  const stopNudging = opts.webhooks === false ? () => {} : store.onChange((change) => (change.added.length + change.updated.length > 0 ? worker.nudge() : undefined));
  if (opts.webhooks !== false) worker.start();
  const routes = [createSearchFeedsRoute(services), createExportRoute(services)];
  return {
    api: {
      list: () => services.registry.list(),
      get: (id) => services.registry.get(id),
      save: async (input) => {
        const saved = await services.registry.save(await validateSaveSearch(input, services.resolve, opts.webhookSecret !== undefined));
        // A webhook's starting point is when the worker first sees it: let that be now.
        if (saved.webhook !== null && opts.webhooks !== false) worker.nudge();
        return saved;
      },
      delete: (id) => services.registry.delete(id),
      deliveries: (id, first) => worker.deliveries(id, first),
    },
    async route(req, res) {
      for (const route of routes) if (await route(req, res)) return true;
      return false;
    },
    setConfig: (searches) => services.registry.setConfig(searches),
    async stop() {
      stopNudging();
      await worker.stop();
    },
  };
}
