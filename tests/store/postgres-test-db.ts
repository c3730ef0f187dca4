/**
 * A throw-away PostgreSQL database per test file: created on the server POSTGRES_URL names
 * (`newsgate_test_store_<random>`), dropped afterwards. Without POSTGRES_URL, suites skip with
 * a visible message.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const POSTGRES_URL = process.env.POSTGRES_URL;

/** The URL of `base` pointing at database `name`. */
function withDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database; returns its URL. */
export async function createTestDatabase(tag: string): Promise<{ url: string; name: string }> {
  const name = `newsgate_test_store_${tag}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return { url: withDatabase(POSTGRES_URL!, name), name };
}

/**
 * The URL of a fresh, empty schema in database `url` (search_path set through the connection's
 * startup options): many empty stores in one database, far cheaper than a database each.
 */
export async function createTestSchemas(url: string, count: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const names = Array.from({ length: count }, (_, i) => `s${i}`);
    await client.query(names.map((n) => `CREATE SCHEMA ${n}`).join('; '));
    return names.map((n) => {
      const u = new URL(url);
      u.searchParams.set('options', `-c search_path=${n}`);
      return u.toString();
    });
  } finally {
    await client.end();
  }
}

/** Drops a database made by {@link createTestDatabase} (closing what still uses it). */
export async function dropTestDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
