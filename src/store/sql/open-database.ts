/**
 * Turns STORE_URL into an open, migrated database: a kysely instance over better-sqlite3 (a file
 * in WAL mode, or in memory) or over a `pg` pool, with every call bounded by a timeout.
 *
 * - SQLite: WAL with synchronous=NORMAL (a committed transaction survives kill -9 of the
 *   process), busy_timeout so a second process (the CLI) waits instead of failing at once.
 *   A file written by newsgate 0.1 (keyv tables, no migrations table) is refused with the
 *   command that upgrades it, and is left untouched.
 * - PostgreSQL: connection, statement and query timeouts; BIGINT read as numbers (epoch ms and
 *   counts fit in a double); an idle connection that dies is logged, never a crash.
 * - `memory://name`: an in-memory SQLite kept for the life of the process under that name (tests
 *   close and reopen it); `memory://` alone is fresh every time.
 */
import { mkdirSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { ErrorCode, NewsgateError } from '../../model/errors.ts';
import { parseArticleStoreUrl, redactStoreUrl } from '../store-url.ts';
import type { ArticleWriter } from './article-writer.ts';
import type { SqlDialect, SqlEngine } from './dialect.ts';
import { migrate, type MigrationReport } from './migrations.ts';
import { postgresDialect } from './postgres-dialect.ts';
import { postgresWriter } from './postgres-writer.ts';
import type { Database } from './schema.ts';
import { sqliteDialect } from './sqlite-dialect.ts';
import { sqliteWriter } from './sqlite-writer.ts';
import { withStatementCache } from './statement-cache.ts';
import { storeUnavailable } from './store-errors.ts';

/** Bounds on every database call. */
export interface StoreTimeouts {
  /** PostgreSQL: how long to wait for a connection (ms). */
  readonly connectMs?: number;
  /** PostgreSQL statement_timeout and client query_timeout (ms). */
  readonly statementMs?: number;
  /** SQLite busy_timeout: how long to wait for another process's write lock (ms). */
  readonly busyMs?: number;
}

export const DEFAULT_TIMEOUTS: Required<StoreTimeouts> = Object.freeze({ connectMs: 5000, statementMs: 30_000, busyMs: 5000 });

/** An open database and what the store needs to speak to it. */
export interface StoreDatabase {
  readonly db: Kysely<Database>;
  readonly engine: SqlEngine;
  readonly dialect: SqlDialect;
  /** The bulk write path of this engine (the store's upserts). */
  readonly writer: ArticleWriter;
  /** The URL with its password hidden, for messages. */
  readonly where: string;
  /** Migrations run by this open. */
  readonly migration: MigrationReport;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  readonly timeouts?: StoreTimeouts;
  /** Where idle-connection errors go (PostgreSQL). */
  readonly onError?: (err: unknown) => void;
  /** Run pending migrations (default true). False fails on a database that needs some. */
  readonly migrate?: boolean;
  /**
   * SQLite page cache of this connection, in MiB (SQLite's default is 2). Bulk writers (`store
   * import`, `store copy`) give it more: their inserts land all over the indexes, and a cache
   * smaller than the indexes turns each one into reads of pages evicted a moment ago.
   */
  readonly sqliteCacheMiB?: number;
}

/** Named in-memory databases: they live as long as the process. */
const memoryDatabases = new Map<string, BetterSqlite3.Database>();

/**
 * Opens and migrates the store at `url`. Rejects with CONFIG_INVALID (bad URL, Redis),
 * STORE_OLD_FORMAT (a 0.1 file), STORE_TOO_NEW (a newer schema) or STORE_UNAVAILABLE (cannot
 * connect, cannot create the file).
 */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<StoreDatabase> {
  const location = parseArticleStoreUrl(url);
  const where = redactStoreUrl(url);
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  let db: Kysely<Database>;
  let engine: SqlEngine;
  let sqliteHandle: BetterSqlite3.Database | undefined;
  if (location.kind === 'postgres') {
    engine = 'postgres';
    const pool = new pg.Pool({
      connectionString: location.url,
      max: 10,
      connectionTimeoutMillis: timeouts.connectMs,
      statement_timeout: timeouts.statementMs,
      query_timeout: timeouts.statementMs + 1000,
      idleTimeoutMillis: 30_000,
      application_name: 'newsgate',
      types: { getTypeParser: ((oid: number, format?: string) => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser },
    });
    pool.on('error', (err) => options.onError?.(err));
    // A connection lost while checked out (between a transaction's statements) emits 'error'
    // on its client, where pg-pool listens only while it is idle: without this listener that
    // would be an uncaught exception. The statement under way fails on its own path.
    pool.on('connect', (client) => client.on('error', (err) => options.onError?.(err)));
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      await sql`SELECT 1`.execute(db);
    } catch (cause) {
      await db.destroy().catch(() => undefined);
      throw storeUnavailable(where, 'connect to PostgreSQL', cause);
    }
  } else {
    engine = 'sqlite';
    let handle: BetterSqlite3.Database;
    let sqliteDb: { prepare: BetterSqlite3.Database['prepare']; close(): void };
    try {
      if (location.kind === 'memory') {
        const named = location.name !== '' ? memoryDatabases.get(location.name) : undefined;
        handle = named ?? new BetterSqlite3(':memory:');
        if (location.name !== '' && !named) memoryDatabases.set(location.name, handle);
        // A named memory database outlives its stores; closing one must not drop it.
        sqliteDb = location.name !== '' ? { prepare: handle.prepare.bind(handle), close: () => {} } : handle;
      } else {
        mkdirSync(dirname(location.path), { recursive: true });
        const existed = existsSync(location.path);
        handle = new BetterSqlite3(location.path, { timeout: timeouts.busyMs });
        if (existed) refuseLegacy(handle, url, where);
        handle.pragma('journal_mode = WAL');
        handle.pragma('synchronous = NORMAL');
        sqliteDb = handle;
      }
      handle.pragma(`busy_timeout = ${Math.round(timeouts.busyMs)}`);
      if (options.sqliteCacheMiB !== undefined) handle.pragma(`cache_size = ${-Math.round(options.sqliteCacheMiB * 1024)}`);
    } catch (cause) {
      if (cause instanceof NewsgateError) throw cause;
      throw storeUnavailable(where, 'open the SQLite database', cause);
    }
    sqliteHandle = handle;
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqliteDb) as unknown as BetterSqlite3.Database }) });
  }
  let migration: MigrationReport;
  try {
    migration = await migrate(db, engine, where, options.migrate === false ? [] : undefined);
  } catch (cause) {
    await db.destroy().catch(() => undefined);
    if (cause instanceof NewsgateError) throw cause;
    throw storeUnavailable(where, 'prepare the schema', cause);
  }
  let closed: Promise<void> | undefined;
  return {
    db,
    engine,
    dialect: engine === 'sqlite' ? sqliteDialect : postgresDialect,
    // Prepared after the migrations: the statements need the tables.
    writer: sqliteHandle ? sqliteWriter(sqliteHandle) : postgresWriter,
    where,
    migration,
    close: () => (closed ??= db.destroy()),
  };
}

/** Throws STORE_OLD_FORMAT when the file holds newsgate 0.1's keyv table and no migrations. */
function refuseLegacy(handle: BetterSqlite3.Database, url: string, where: string): void {
  const tables = new Set(
    (handle.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
  );
  if (!tables.has('keyv') || tables.has('newsgate_migrations')) return;
  handle.close();
  const file = url.replace(/^sqlite:\/\//i, '');
  const target = file.replace(/(\.sqlite3?|\.db)?$/i, (ext) => `-v2${ext || '.sqlite'}`);
  throw new NewsgateError(
    ErrorCode.STORE_OLD_FORMAT,
    `The store at ${where} was written by newsgate 0.1 (key-value tables); this newsgate keeps articles in SQL tables. ` +
      `Upgrade it, without refetching, with: newsgate store copy sqlite://${file} sqlite://${target} ` +
      `— then start with STORE_URL=sqlite://${target}. The 0.1 file is only read, so it stays as a backup.`,
    { details: { url: where, upgrade: `newsgate store copy sqlite://${file} sqlite://${target}` } },
  );
}
