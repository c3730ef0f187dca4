/**
 * Prepared statements reused by SQL text, for kysely over better-sqlite3. Kysely's SQLite
 * driver calls `prepare(sql)` for every query it runs, and SQLite parses and plans the text each
 * time: about a tenth of the CPU of a page of articles under load (the page, its metadata and
 * the feed states are four or five statements per request, of a handful of shapes). A
 * better-sqlite3 statement can run again with new parameters, so the same text gets the same
 * statement. Kysely runs one query at a time on its single SQLite connection (a stream holds
 * the connection until it ends), so a cached statement is never busy when it is handed out.
 * Bounded (least recently used out): IN lists of every length make new texts.
 */
import type BetterSqlite3 from 'better-sqlite3';

/** Statements kept per database: far more shapes than the store's queries have. */
export const STATEMENT_CACHE_SIZE = 500;

/** What kysely's SqliteDialect needs of a database: `prepare` and `close`. */
export interface PreparingDatabase {
  prepare: BetterSqlite3.Database['prepare'];
  close(): void;
}

/** `database` with `prepare` answering from a cache of up to `max` statements. */
export function withStatementCache(database: PreparingDatabase, max = STATEMENT_CACHE_SIZE): PreparingDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = ((source: string) => {
    let statement = statements.get(source);
    if (statement !== undefined) {
      statements.delete(source); // re-inserted: most recently used last
    } else {
      statement = database.prepare(source);
      if (statements.size >= max) statements.delete(statements.keys().next().value as string);
    }
    statements.set(source, statement);
    return statement;
  }) as BetterSqlite3.Database['prepare'];
  return {
    prepare,
    close() {
      statements.clear();
      database.close();
    },
  };
}
