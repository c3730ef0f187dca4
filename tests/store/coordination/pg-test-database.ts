/**
 * A PostgreSQL database of a test suite's own, created on POSTGRES_URL's server and dropped at
 * the end (named after the branch with a random suffix, so parallel suites never meet).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const POSTGRES_URL = process.env.POSTGRES_URL;

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** Creates `storeops_<suffix>` and returns its URL; `drop()` ends its connections and drops it. */
export async function createTestDatabase(label = 'storeops'): Promise<TestDatabase> {
  if (!POSTGRES_URL) throw new Error('POSTGRES_URL is not set');
  const name = `${label}_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  };
}
