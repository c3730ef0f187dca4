/**
 * Schema migrations and the stores newsgate refuses: a fresh store is created at the latest
 * version, a re-run changes nothing, a later migration upgrades an existing store without losing
 * rows, a store from a newer newsgate is refused untouched, a 0.1 (keyv) file is refused with the
 * command that upgrades it, and STORE_URL=redis:// points at `store copy`; migration 3 fills the
 * claimed-by postings of a store written before it. SQLite always;
 * PostgreSQL too when POSTGRES_URL is set.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/sql/open-database.ts';
import { LATEST_VERSION, MIGRATIONS, migrate } from '../../src/store/sql/migrations.ts';
import { CLAIMED_POSTINGS_MIGRATION } from '../../src/store/sql/migration-claimed-postings.ts';
import { ROLLUPS_MIGRATION } from '../../src/store/sql/rollups-migration.ts';
import { ArticleStore } from '../../src/store/article-store.ts';
import { makeArticle, regionAncestors } from './article-factory.ts';
import { runCli } from '../../src/cli/main.ts';
import { POSTGRES_URL, createTestDatabase, createTestSchemas, dropTestDatabase } from './postgres-test-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsgate-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pgUrls: string[] = [];
let pgDatabase: string | undefined;
if (POSTGRES_URL) {
  beforeAll(async () => {
    const db = await createTestDatabase('migrate');
    pgDatabase = db.name;
    pgUrls.push(...(await createTestSchemas(db.url, 5)));
  }, 60_000);
  afterAll(async () => {
    if (pgDatabase) await dropTestDatabase(pgDatabase);
  }, 60_000);
} else {
  console.warn('POSTGRES_URL is not set: the migration tests against PostgreSQL are SKIPPED.');
}

function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  return runCli(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), env, cwd: dir }).then((code) => ({ code, out, err }));
}

const engines: Array<[string, () => string]> = [['sqlite', () => `sqlite://${join(dir, `${randomUUID()}.sqlite`)}`]];
if (POSTGRES_URL) engines.push(['postgres', () => pgUrls.shift()!]);

describe.each(engines)('migrations on %s', (engine, newUrl) => {
  it('creates a fresh store at the latest version; a re-run changes nothing and keeps the rows', async () => {
    const url = newUrl();
    const first = await openDatabase(url);
    expect(first.migration).toMatchObject({ from: 0, to: LATEST_VERSION, applied: MIGRATIONS.map((m) => `${m.version}: ${m.name}`) });
    await first.db.insertInto('feed_state').values({ feed_id: 'wire', state: '{}' }).execute();
    await first.close();
    const again = await openDatabase(url);
    expect(again.migration).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION, applied: [] });
    expect(await again.db.selectFrom('feed_state').select('feed_id').execute()).toEqual([{ feed_id: 'wire' }]);
    await again.close();
    const viaCli = await cli(['store', 'migrate', '--store', url]);
    expect(viaCli).toMatchObject({ code: 0, out: expect.stringContaining(`schema version ${LATEST_VERSION}, up to date`) });
  });

  it('applies a later migration to an existing store, once, without losing rows', async () => {
    const url = newUrl();
    const database = await openDatabase(url);
    await database.db.insertInto('feed_state').values({ feed_id: 'kept', state: '{}' }).execute();
    const next = { version: LATEST_VERSION + 1, name: 'a test column', sqlite: ['ALTER TABLE feed_state ADD COLUMN note TEXT'], postgres: ['ALTER TABLE feed_state ADD COLUMN note TEXT'] };
    const report = await migrate(database.db, database.engine, database.where, [...MIGRATIONS, next]);
    expect(report).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION + 1, applied: [`${next.version}: a test column`] });
    expect(await migrate(database.db, database.engine, database.where, [...MIGRATIONS, next])).toMatchObject({ applied: [] });
    const rows = await sql<{ feed_id: string; note: string | null }>`SELECT feed_id, note FROM feed_state`.execute(database.db);
    expect(rows.rows).toEqual([{ feed_id: 'kept', note: null }]);
    await database.close();
  });

  it('refuses a store written by a newer newsgate, with a clear message, changing nothing', async () => {
    const url = newUrl();
    const database = await openDatabase(url);
    await database.db.insertInto('newsgate_migrations').values({ version: LATEST_VERSION + 5, name: 'from the future', applied_at: new Date().toISOString() }).execute();
    await database.close();
    await expect(openDatabase(url)).rejects.toMatchObject({
      code: 'STORE_TOO_NEW',
      message: expect.stringMatching(new RegExp(`schema version ${LATEST_VERSION + 5} \\("from the future"\\), written by a newer newsgate; this newsgate knows versions up to ${LATEST_VERSION}`)),
    });
    const viaCli = await cli(['store', 'migrate', '--store', url]);
    expect(viaCli.code).toBe(1);
    expect(viaCli.err).toContain('STORE_TOO_NEW');
    void engine;
  });

  it('migration 3 backfills claimed-by postings from the claims a version-2 store kept in its metadata', async () => {
    const url = newUrl();
    const v2 = await openDatabase(url, { migrate: false });
    await migrate(v2.db, v2.engine, v2.where, MIGRATIONS.filter((m) => m.version <= 2));
    const claim = (kind: string, actor: string | null) => ({ kind, actor, by: null, evidence: { field: 'title', start: 0, end: 1, snippet: 'x' } });
    const rows: Array<[string, unknown]> = [
      ['claims', [claim('CLAIMED', 'kataib-hizbullah'), claim('CLAIMED', 'kataib-hizbullah')]],
      ['denies', [claim('DENIED', 'kataib-hizbullah')]],
      ['blamed', [claim('ATTRIBUTED', 'kataib-hizbullah'), claim('CLAIMED', null)]],
      ['other', [claim('CLAIMED', 'houthis')]],
      ['before-claims', undefined],
    ];
    for (const [id, claims] of rows) {
      const { content: _c, contentHtml: _h, translatorNotes: _t, comments: _m, evidence: _e, ...meta } = makeArticle({ id, actors: ['kataib-hizbullah'] });
      // What version 2 wrote: the metadata JSON (claims in it when the tagger gave some), no claimed postings.
      await v2.db
        .insertInto('articles')
        .values({ id, feed_id: 'wire', published_ms: Date.parse(meta.publishedAt), fetched_ms: 0, language: 'en', story_id: id, content_hash: id, meta: JSON.stringify(claims === undefined ? meta : { ...meta, claims }) })
        .execute();
    }
    await v2.close();
    const store = await ArticleStore.open({ url, regionAncestors });
    try {
      expect(store.database.migration.applied).toEqual([`${ROLLUPS_MIGRATION.version}: ${ROLLUPS_MIGRATION.name}`, `${CLAIMED_POSTINGS_MIGRATION.version}: ${CLAIMED_POSTINGS_MIGRATION.name}`]);
      const page = async (claimedBy: string[]) => (await store.query({ claimedBy }, { first: 10 })).items.map((m) => m.id).sort();
      expect(await page(['kataib-hizbullah'])).toEqual(['claims']);
      expect(await page(['houthis', 'kataib-hizbullah'])).toEqual(['claims', 'other']);
      expect(await store.countMatches({ claimedBy: ['kataib-hizbullah'] })).toEqual({ count: 1, exact: true });
    } finally {
      await store.close();
    }
  });
});

describe('stores newsgate does not open', () => {
  it('recognises a 0.1 SQLite file (keyv tables) and names the one command that upgrades it, leaving the file as it was', async () => {
    const file = join(dir, 'old.sqlite');
    const old = new BetterSqlite3(file);
    old.exec("CREATE TABLE keyv (key VARCHAR(255) PRIMARY KEY, value TEXT); INSERT INTO keyv VALUES ('articles:a1', '{}')");
    old.close();
    const size = statSync(file).size;
    await expect(openDatabase(`sqlite://${file}`)).rejects.toMatchObject({
      code: 'STORE_OLD_FORMAT',
      message: expect.stringContaining(`newsgate store copy sqlite://${file} sqlite://${join(dir, 'old-v2.sqlite')}`),
    });
    const check = new BetterSqlite3(file, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: 'keyv' }]);
    check.close();
    expect(statSync(file).size).toBe(size);
  });

  it('refuses STORE_URL=redis:// and points at store copy and CACHE_URL', async () => {
    await expect(openDatabase('redis://:pw@127.0.0.1:6379')).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('newsgate store copy redis://:***@127.0.0.1:6379 sqlite://data/newsgate.sqlite'),
    });
  });

  it('says an unreachable PostgreSQL is unavailable, naming the URL without its password', async () => {
    await expect(openDatabase('postgres://newsgate:s3cret@127.0.0.1:1/newsgate', { timeouts: { connectMs: 2000 } })).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: expect.stringMatching(/postgres:\/\/newsgate:\*\*\*@127\.0\.0\.1:1\/newsgate/),
    });
  });
});
