/**
 * ArticleStore against each backend: memory://, a temp SQLite file, and Redis when REDIS_URL is
 * set (under a unique key prefix, deleted afterwards).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, it } from 'vitest';
import { describeArticleStore } from './article-store.suite.ts';
import { deleteKeys, uniquePrefix, withPrefix } from './redis-test-helpers.ts';

let n = 0;
describeArticleStore('memory://', () => `memory://article-store-${randomUUID()}`);

const dir = mkdtempSync(join(tmpdir(), 'newsgate-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
describeArticleStore('sqlite://', () => `sqlite://${join(dir, `store-${++n}.sqlite`)}`);

const redisUrl = process.env.REDIS_URL;
if (redisUrl) {
  const prefix = uniquePrefix('store');
  describeArticleStore('redis://', () => withPrefix(redisUrl, `${prefix}-${++n}`));
  afterAll(() => deleteKeys(redisUrl, prefix));
} else {
  describe('ArticleStore on redis://', () => {
    console.warn('REDIS_URL is not set: the ArticleStore suite against Redis is SKIPPED.');
    it.skip('needs REDIS_URL (e.g. REDIS_URL=redis://127.0.0.1:6379)', () => {});
  });
}
