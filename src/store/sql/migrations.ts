/**
 * Versioned schema migrations, run at open and by `newsgate store migrate`. Each migration has
 * the DDL of both engines (they differ in types, full text and collation) and runs in one
 * transaction with its row in `newsgate_migrations`, so a crash leaves the schema at a known
 * version. A database whose highest version is unknown here was written by a newer newsgate and
 * is refused (running old code over a newer schema could lose data).
 *
 * Append new migrations at the end with the next version; never edit one that shipped.
 */
import { sql, type Kysely } from 'kysely';
import { ErrorCode, NewsgateError } from '../../model/errors.ts';
import type { Database } from './schema.ts';
import type { SqlEngine } from './dialect.ts';
import { CLAIMED_POSTINGS_MIGRATION } from './migration-claimed-postings.ts';
import { SAVED_SEARCHES_MIGRATION } from './migration-saved-searches.ts';
import { ROLLUPS_MIGRATION } from './rollups-migration.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  /** Statements, in order. */
  readonly sqlite: readonly string[];
  readonly postgres: readonly string[];
}

const COMMON_INDEXES = [
  'CREATE INDEX articles_published ON articles (published_ms, id)',
  'CREATE INDEX articles_fetched ON articles (fetched_ms, id)',
  'CREATE INDEX articles_feed ON articles (feed_id, published_ms, id)',
  'CREATE INDEX articles_language ON articles (language, published_ms, id)',
  'CREATE INDEX articles_story ON articles (story_id)',
  'CREATE INDEX article_entities_article ON article_entities (article_id)',
];

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, bodies, entity postings, full text, feed state, candidates',
    sqlite: [
      `CREATE TABLE articles (
        id TEXT PRIMARY KEY NOT NULL,
        feed_id TEXT NOT NULL,
        published_ms INTEGER NOT NULL,
        fetched_ms INTEGER NOT NULL,
        language TEXT,
        story_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        meta TEXT NOT NULL
      )`,
      'CREATE TABLE article_bodies (id TEXT PRIMARY KEY NOT NULL, body TEXT NOT NULL)',
      `CREATE TABLE article_entities (
        kind TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        published_ms INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (kind, entity_id, published_ms, article_id)
      ) WITHOUT ROWID`,
      // Contentless: the index only (the text is rebuilt from the article if ever needed).
      // The tokenizer only splits on spaces here: the terms come folded and stemmed.
      `CREATE VIRTUAL TABLE article_fts USING fts5(terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`,
      'CREATE TABLE feed_state (feed_id TEXT PRIMARY KEY NOT NULL, state TEXT NOT NULL)',
      `CREATE TABLE candidates (
        key TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        sample_ids TEXT NOT NULL
      )`,
      'CREATE INDEX candidates_mentions ON candidates (mentions)',
      ...COMMON_INDEXES,
    ],
    postgres: [
      `CREATE TABLE articles (
        id TEXT COLLATE "C" PRIMARY KEY,
        feed_id TEXT COLLATE "C" NOT NULL,
        published_ms BIGINT NOT NULL,
        fetched_ms BIGINT NOT NULL,
        language TEXT COLLATE "C",
        story_id TEXT COLLATE "C" NOT NULL,
        content_hash TEXT NOT NULL,
        meta TEXT NOT NULL
      )`,
      'CREATE TABLE article_bodies (id TEXT COLLATE "C" PRIMARY KEY, body TEXT NOT NULL)',
      `CREATE TABLE article_entities (
        kind TEXT COLLATE "C" NOT NULL,
        entity_id TEXT COLLATE "C" NOT NULL,
        published_ms BIGINT NOT NULL,
        article_id TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (kind, entity_id, published_ms, article_id)
      )`,
      'CREATE TABLE article_search (id TEXT COLLATE "C" PRIMARY KEY, search TSVECTOR NOT NULL)',
      'CREATE INDEX article_search_gin ON article_search USING GIN (search)',
      'CREATE TABLE feed_state (feed_id TEXT COLLATE "C" PRIMARY KEY, state TEXT NOT NULL)',
      `CREATE TABLE candidates (
        key TEXT COLLATE "C" PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        sample_ids TEXT NOT NULL
      )`,
      'CREATE INDEX candidates_mentions ON candidates (mentions)',
      ...COMMON_INDEXES,
    ],
  },
  SAVED_SEARCHES_MIGRATION,
  ROLLUPS_MIGRATION,
  CLAIMED_POSTINGS_MIGRATION,
];

/** The schema version this newsgate writes. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** What `migrate` did. */
export interface MigrationReport {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly string[];
}

/**
 * Brings the schema to {@link LATEST_VERSION}; refuses a newer one. Idempotent. On PostgreSQL
 * an advisory lock makes replicas starting together migrate once.
 */
export async function migrate(
  db: Kysely<Database>,
  engine: SqlEngine,
  where: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationReport> {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  return db.transaction().execute(async (trx) => {
    if (engine === 'postgres') await sql`SELECT pg_advisory_xact_lock(727274001)`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS newsgate_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`.execute(trx);
    const rows = await trx.selectFrom('newsgate_migrations').select(['version', 'name']).execute();
    const applied = new Set(rows.map((r) => Number(r.version)));
    const from = rows.reduce((max, r) => Math.max(max, Number(r.version)), 0);
    if (from > latest) {
      const newest = rows.find((r) => Number(r.version) === from)?.name ?? '?';
      throw new NewsgateError(
        ErrorCode.STORE_TOO_NEW,
        `The store at ${where} has schema version ${from} ("${newest}"), written by a newer newsgate; this newsgate knows versions up to ${latest}. ` +
          'Run the newsgate version that wrote it (or newer), or point STORE_URL at another store; nothing was changed.',
        { details: { url: where, version: from, supported: latest } },
      );
    }
    const done: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      for (const statement of engine === 'sqlite' ? m.sqlite : m.postgres) await sql.raw(statement).execute(trx);
      await trx.insertInto('newsgate_migrations').values({ version: m.version, name: m.name, applied_at: new Date().toISOString() }).execute();
      done.push(`${m.version}: ${m.name}`);
    }
    return { from, to: Math.max(from, latest), applied: done };
  });
}
