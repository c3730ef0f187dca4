/**
 * GatewayServices over a real SQL store (in-memory SQLite) and the fixture catalog and feeds,
 * for the analyst API tests through Apollo: the query language, facets, timelines and the
 * network need SQL, which the fake store has not.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Article } from '../../src/model/article.ts';
import type { GatewayServices } from '../../src/graphql/context.ts';
import { ArticleStore } from '../../src/store/article-store.ts';
import { FakeCatalog, ACTORS, REGIONS, TOPICS, FEEDS, FakeEvents } from './fakes.ts';
import { startHarness, type Result } from './harness.ts';

export async function sqlServices(articles: readonly Article[]): Promise<{ services: GatewayServices; store: ArticleStore; catalog: FakeCatalog }> {
  const catalog = new FakeCatalog(ACTORS, REGIONS, TOPICS);
  const store = await ArticleStore.open({ url: 'memory://', regionAncestors: (id) => catalog.regionAncestors(id), topicAncestors: (id) => catalog.topicAncestors(id) });
  await store.upsert(articles);
  const services: GatewayServices = {
    store,
    sql: { db: store.db, dialect: store.database.dialect },
    catalog,
    feeds: () => FEEDS,
    refreshFeed: async () => ({ status: 'notModified', added: 0, updated: 0 }),
    events: new FakeEvents(),
  };
  return { services, store, catalog };
}

/**
 * Registers, for the calling test file, an Apollo harness over {@link sqlServices} of `articles`
 * (opened before all tests, closed after): `run` sends an operation through Apollo; `store` is
 * the SQL store, for tests that write while querying.
 */
export function useSqlGateway(articles: readonly Article[]): { run(query: string, variables?: Record<string, unknown>): Promise<Result>; readonly store: ArticleStore } {
  let harness: Awaited<ReturnType<typeof startHarness>>;
  let services: GatewayServices;
  let store: ArticleStore;
  beforeAll(async () => {
    harness = await startHarness();
    ({ services, store } = await sqlServices(articles));
  });
  afterAll(async () => {
    await harness.apollo.stop();
    await store.close();
  });
  return {
    run: (query, variables = {}) => harness.run(services, query, variables),
    get store() {
      return store;
    },
  };
}
