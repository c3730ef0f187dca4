/**
 * The databases the saved-search tests run on: a SQLite file always, and a PostgreSQL database
 * of their own (random name, dropped after) when POSTGRES_URL is set; without it the PostgreSQL
 * runs are skipped with a visible message.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestEngine {
  readonly engine: 'sqlite' | 'postgres';
  /** A store URL; the same `key` gives the same database (a restart). */
  url(key: string): Promise<string>;
  cleanup(): Promise<void>;
}

const POSTGRES_URL = process.env['POSTGRES_URL'];
if (POSTGRES_URL === undefined) console.warn('POSTGRES_URL is not set: the PostgreSQL runs of the saved-search tests are SKIPPED.');

export function testEngines(): TestEngine[] {
  const dir = mkdtempSync(join(tmpdir(), 'newsgate-searches-db-'));
  const engines: TestEngine[] = [{ engine: 'sqlite', url: async (key) => `sqlite://${join(dir, `${key}.sqlite`)}`, cleanup: async () => rmSync(dir, { recursive: true, force: true }) }];
  if (POSTGRES_URL !== undefined) {
    const prefix = `searches_${Math.random().toString(36).slice(2, 10)}`;
    const made = new Set<string>();
    const admin = async <T>(fn: (c: pg.Client) => Promise<T>) => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        return await fn(client);
      } finally {
        await client.end();
      }
    };
    engines.push({
      engine: 'postgres',
      async url(key) {
        const name = `${prefix}_${key.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}`;
        if (!made.has(name)) {
          await admin((c) => c.query(`CREATE DATABASE ${name}`));
          made.add(name);
        }
        const url = new URL(POSTGRES_URL);
        url.pathname = `/${name}`;
        return url.toString();
      },
      async cleanup() {
        await admin(async (c) => {
          for (const name of made) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        });
      },
    });
  }
  return engines;
}
