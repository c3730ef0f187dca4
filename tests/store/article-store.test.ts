/**
 * The ArticleStore contract on each engine: memory:// (in-memory SQLite), a temp SQLite file,
 * and PostgreSQL when POSTGRES_URL is set (one database per run, dropped afterwards).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { describeArticleStore } from './article-store.suite.ts';
import { POSTGRES_URL, createTestDatabase, createTestSchemas, dropTestDatabase } from './postgres-test-db.ts';

let n = 0;
describeArticleStore('memory://', () => `memory://store-${randomUUID()}`);

const dir = mkdtempSync(join(tmpdir(), 'newsgate-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
describeArticleStore('sqlite://', () => `sqlite://${join(dir, `store-${++n}.sqlite`)}`);

if (POSTGRES_URL) {
  // One database per run, one empty schema per store the suite asks for (prepared up front:
  // the suite asks for URLs synchronously).
  let database: string | undefined;
  const urls: string[] = [];
  beforeAll(async () => {
    const db = await createTestDatabase('contract');
    database = db.name;
    urls.push(...(await createTestSchemas(db.url, 80)));
  }, 60_000);
  afterAll(async () => {
    if (database) await dropTestDatabase(database);
  }, 60_000);
  let next = 0;
  describeArticleStore('postgres://', () => {
    const url = urls[next++];
    if (!url) throw new Error('the PostgreSQL contract suite ran out of prepared schemas; raise the count in article-store.test.ts');
    return url;
  });
} else {
  describe('ArticleStore on postgres://', () => {
    console.warn('POSTGRES_URL is not set: the ArticleStore contract suite against PostgreSQL is SKIPPED.');
    it.skip('needs POSTGRES_URL (e.g. POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres)', () => {});
  });
}
