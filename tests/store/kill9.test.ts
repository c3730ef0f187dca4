/**
 * kill -9 during ingest loses no acknowledged article: a child process upserts batches (one
 * transaction each) and prints the ids of each batch once upsert resolved; it is killed with
 * SIGKILL mid-stream; every printed id must then be in the store, with its postings and body.
 * On a SQLite file (WAL), and on PostgreSQL when POSTGRES_URL is set.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticleStore } from '../../src/store/article-store.ts';
import { regionAncestors } from './article-factory.ts';
import { POSTGRES_URL, createTestDatabase, dropTestDatabase } from './postgres-test-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsgate-kill9-'));
const databases: string[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const d of databases) await dropTestDatabase(d);
}, 60_000);

/** Runs the writer until it acknowledged at least `batches` batches, kills it; returns the acknowledged ids. */
async function writeAndKill(url: string, batches: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'kill-writer.ts'), url], { stdio: ['ignore', 'pipe', 'inherit'] });
  const acknowledged: string[] = [];
  let buffer = '';
  let lines = 0;
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited with ${code ?? signal} before it was killed`))));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        acknowledged.push(...buffer.slice(0, nl).split(' '));
        buffer = buffer.slice(nl + 1);
        if (++lines === batches) child.kill('SIGKILL');
      }
    });
  });
  return acknowledged;
}

const engines: Array<[string, () => Promise<string>]> = [['sqlite', async () => `sqlite://${join(dir, 'k.sqlite')}`]];
if (POSTGRES_URL) {
  engines.push(['postgres', async () => {
    const db = await createTestDatabase('kill9');
    databases.push(db.name);
    return db.url;
  }]);
}

describe.each(engines)('kill -9 during ingest on %s', (_name, newUrl) => {
  it('loses no acknowledged article', async () => {
    const url = await newUrl();
    const acknowledged = await writeAndKill(url, 8);
    expect(acknowledged.length).toBeGreaterThanOrEqual(400);
    const store = await ArticleStore.open({ url, regionAncestors });
    try {
      const metas = await store.getMany(acknowledged);
      expect(metas.filter((m) => m === undefined)).toHaveLength(0);
      const bodies = await store.getBodies(acknowledged);
      expect(bodies.filter((b) => b === undefined)).toHaveLength(0);
      // Postings were written in the same transaction: the region filter counts them all.
      expect((await store.countMatches({ regions: ['IQ'] })).count).toBe(await store.size());
      expect(await store.size()).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await store.close();
    }
  }, 90_000);
});
