/**
 * kill -9 in the middle of a real `newsgate store import` process loses nothing it acknowledged:
 * every article of every line it reported as committed ("committed N articles through line L"
 * on stderr) is in the store when it is opened again, and the database is intact. Runs on
 * SQLite, and on PostgreSQL when POSTGRES_URL is set.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleStore } from '../../src/store/article-store.ts';
import { writeNdjson } from '../../bench/corpus/generate-ndjson.ts';
import { createTestDatabase, dropTestDatabase, POSTGRES_URL } from '../store/postgres-test-db.ts';

/** A database of this suite's own (dropped after). */
type TestDatabase = { url: string; name: string };

const ROOT = path.resolve(import.meta.dirname, '../..');
const LINES = 20_000;
if (!POSTGRES_URL) console.warn('tests/faults: POSTGRES_URL is not set; kill -9 during an import into PostgreSQL is skipped.');

let dir: string;
let file: string;
let ids: string[];
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'storeops-kill-'));
  file = path.join(dir, 'big.ndjson');
  await writeNdjson(file, { count: LINES, bodies: 'lean', seed: 3 });
  ids = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the import, SIGKILLs it once it reported `killAfter` committed articles; returns the last report. */
async function importAndKill(storeUrl: string, killAfter: number): Promise<{ committed: number; throughLine: number; stderr: string }> {
  const child = spawn(process.execPath, ['bin/newsgate.js', 'store', 'import', file, '--store', storeUrl, '--batch', '200'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let last = { committed: 0, throughLine: 0 };
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const m of stderr.matchAll(/committed ([\d,]+) articles through line ([\d,]+)/g)) {
      last = { committed: Number(m[1]!.replace(/,/g, '')), throughLine: Number(m[2]!.replace(/,/g, '')) };
    }
    if (last.committed >= killAfter && child.exitCode === null) child.kill('SIGKILL');
  });
  await exited;
  expect(child.signalCode, stderr).toBe('SIGKILL');
  return { ...last, stderr };
}

async function checkAcknowledged(url: string, report: { committed: number; throughLine: number; stderr: string }): Promise<number> {
  expect(report.stderr).not.toMatch(/, done/); // killed in the middle, not after the end
  expect(report.committed).toBeGreaterThan(0);
  expect(report.throughLine).toBeLessThan(LINES);
  const store = await ArticleStore.open({ url, regionAncestors: () => [] });
  try {
    const acknowledged = ids.slice(0, report.throughLine);
    const found = await store.getMany(acknowledged);
    const missing = acknowledged.filter((_, i) => found[i] === undefined);
    expect(missing, `lost ${missing.length} acknowledged articles`).toEqual([]);
    const size = await store.size();
    expect(size).toBeGreaterThanOrEqual(report.committed);
    // Whole articles, bodies included, for the acknowledged ones.
    const bodies = await store.getBodies(acknowledged.slice(-50));
    expect(bodies.every((b) => b !== undefined && b.content.length > 0)).toBe(true);
    return size;
  } finally {
    await store.close();
  }
}

describe('kill -9 during `newsgate store import`', () => {
  it('SQLite: every batch reported as committed is there after reopening; the file is intact', async () => {
    const dbFile = path.join(dir, 'kill.sqlite');
    const report = await importAndKill(`sqlite://${dbFile}`, 1000);
    const size = await checkAcknowledged(`sqlite://${dbFile}`, report);
    const db = new Database(dbFile, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // And the import can simply be run again: what was stored is unchanged, the rest is added.
    expect(size).toBeLessThan(LINES);
  }, 180_000);

  describe.skipIf(!POSTGRES_URL)('PostgreSQL', () => {
    let pg: TestDatabase;
    beforeAll(async () => {
      pg = await createTestDatabase('storeops');
    });
    afterAll(async () => pg && dropTestDatabase(pg.name));
    it('every batch reported as committed is there after reopening', async () => {
      const report = await importAndKill(pg.url, 1000);
      await checkAcknowledged(pg.url, report);
    }, 180_000);
  });
});
