/**
 * Migration 2 (saved searches) on a store made by the previous newsgate (schema version 1):
 * opening it adds the tables, keeps what was stored, and the registry works on it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { SavedSearchRegistry } from '../../src/searches/saved-search-registry.ts';
import { searchDatabase } from '../../src/searches/search-tables.ts';
import { ArticleStore } from '../../src/store/article-store.ts';
import { MIGRATIONS, migrate } from '../../src/store/sql/migrations.ts';
import type { Database } from '../../src/store/sql/schema.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsgate-migration-2-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 2: saved searches', () => {
  it('upgrades a version-1 store in place, keeping its rows', async () => {
    const file = join(dir, 'v1.sqlite');
    const v1 = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
    const saved = MIGRATIONS.filter((m) => m.version < 2);
    expect(await migrate(v1, 'sqlite', file, saved)).toMatchObject({ from: 0, to: 1 });
    await v1.insertInto('feed_state').values({ feed_id: 'kept', state: '{"feedId":"kept","consecutiveFailures":0,"redirects":[],"warnings":[]}' }).execute();
    await v1.destroy();

    const store = await ArticleStore.open({ url: `sqlite://${file}`, regionAncestors: (id) => [id] });
    try {
      // Later migrations (rollups, …) run after it too.
      expect(store.database.migration.from).toBe(1);
      expect(store.database.migration.applied[0]).toBe('2: saved searches and webhook deliveries');
      expect((await store.getFeedState('kept'))?.feedId).toBe('kept');
      const registry = new SavedSearchRegistry(searchDatabase(store.db), []);
      await registry.save({ id: 'after-upgrade', name: 'After', query: 'drone', filter: {}, webhook: null });
      expect((await registry.list()).map((s) => s.id)).toEqual(['after-upgrade']);
    } finally {
      await store.close();
    }
  });
});
