/**
 * The stores the SQL tests of the query language run on: an in-memory SQLite always, and a
 * PostgreSQL database of its own (created with a random name, dropped after) when POSTGRES_URL
 * is set; without it the PostgreSQL runs are skipped with a visible message.
 */
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { Article } from '../../src/model/article.ts';
import type { SearchDatabase } from '../../src/query/sql/search-articles.ts';
import { ArticleStore } from '../../src/store/article-store.ts';
import type { EntityCatalog } from '../../src/model/catalog.ts';

export interface TestStore {
  readonly engine: string;
  open(catalog: EntityCatalog): Promise<ArticleStore>;
  /** Drops what open made (the PostgreSQL database). */
  cleanup(): Promise<void>;
}

const POSTGRES_URL = process.env['POSTGRES_URL'];
if (POSTGRES_URL === undefined) console.warn('POSTGRES_URL is not set: the PostgreSQL runs of the query-language SQL tests are skipped.');

function options(catalog: EntityCatalog) {
  return { regionAncestors: (id: string) => catalog.regionAncestors(id), topicAncestors: (id: string) => catalog.topicAncestors(id) };
}

/** SQLite in memory, and PostgreSQL when POSTGRES_URL is set. */
export function testStores(): TestStore[] {
  const stores: TestStore[] = [{ engine: 'sqlite', open: (catalog) => ArticleStore.open({ url: 'memory://', ...options(catalog) }), cleanup: async () => {} }];
  if (POSTGRES_URL !== undefined) {
    const name = `analyst_${Math.random().toString(36).slice(2, 10)}`;
    const opened: ArticleStore[] = [];
    stores.push({
      engine: 'postgres',
      async open(catalog) {
        const admin = new pg.Client({ connectionString: POSTGRES_URL });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${name}`).catch(() => undefined);
        await admin.end();
        const url = new URL(POSTGRES_URL);
        url.pathname = `/${name}`;
        const store = await ArticleStore.open({ url: url.toString(), ...options(catalog) });
        opened.push(store);
        return store;
      },
      async cleanup() {
        for (const store of opened) await store.close();
        const admin = new pg.Client({ connectionString: POSTGRES_URL });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    });
  }
  return stores;
}

/**
 * Registers, for the calling `describe`, a store of `target` opened and filled with `articles`
 * before its tests and closed (its database dropped) after; `database` is what the query and
 * analytics SQL functions take.
 */
export function useFilledStore(target: TestStore, catalog: EntityCatalog, articles: readonly Article[]): { readonly store: ArticleStore; readonly database: SearchDatabase } {
  let store: ArticleStore | undefined;
  let database: SearchDatabase | undefined;
  beforeAll(async () => {
    store = await target.open(catalog);
    database = { db: store.db, dialect: store.database.dialect };
    await store.upsert(articles);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await target.cleanup();
  });
  return {
    get store() {
      if (store === undefined) throw new Error('the store opens in beforeAll');
      return store;
    },
    get database() {
      if (database === undefined) throw new Error('the store opens in beforeAll');
      return database;
    },
  };
}
