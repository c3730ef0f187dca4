/**
 * The databases the saved-search tests run on: a SQLite file always, and a PostgreSQL database
 * of their own (random name, dropped after) when POSTGRES_URL is set; without it the PostgreSQL
 * runs are skipped with a visible message.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, dropTestDatabase, POSTGRES_URL } from '../store/postgres-test-db.ts';

export interface TestEngine {
  readonly engine: 'sqlite' | 'postgres';
  /** A store URL; the same `key` gives the same database (a restart). */
  url(key: string): Promise<string>;
  cleanup(): Promise<void>;
}

if (POSTGRES_URL === undefined) console.warn('POSTGRES_URL is not set: the PostgreSQL runs of the saved-search tests are SKIPPED.');

export function testEngines(): TestEngine[] {
  const dir = mkdtempSync(join(tmpdir(), 'newsgate-searches-db-'));
  const engines: TestEngine[] = [{ engine: 'sqlite', url: async (key) => `sqlite://${join(dir, `${key}.sqlite`)}`, cleanup: async () => rmSync(dir, { recursive: true, force: true }) }];
  if (POSTGRES_URL !== undefined) {
    // One database per key (a restart reopens the same one), made and dropped by the shared helper.
    const made = new Map<string, { url: string; name: string }>();
    engines.push({
      engine: 'postgres',
      async url(key) {
        let db = made.get(key);
        if (!db) {
          db = await createTestDatabase(`searches_${key.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}`);
          made.set(key, db);
        }
        return db.url;
      },
      async cleanup() {
        for (const db of made.values()) await dropTestDatabase(db.name);
      },
    });
  }
  return engines;
}
