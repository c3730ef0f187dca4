/**
 * withStatementCache: one prepare per SQL text, least recently used out past the bound, and
 * cached statements that really run again with new parameters on SQLite.
 */
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/store/sql/statement-cache.ts';

function countingDatabase() {
  const handle = new BetterSqlite3(':memory:');
  const prepared: string[] = [];
  let closed = false;
  return {
    prepared,
    isClosed: () => closed,
    database: {
      prepare: ((source: string) => {
        prepared.push(source);
        return handle.prepare(source);
      }) as BetterSqlite3.Database['prepare'],
      close: () => {
        closed = true;
        handle.close();
      },
    },
  };
}

describe('withStatementCache', () => {
  it('prepares each text once and runs the statement again with new parameters', () => {
    const { database, prepared } = countingDatabase();
    const cached = withStatementCache(database);
    cached.prepare('CREATE TABLE t (n INTEGER)').run();
    for (const n of [1, 2, 3]) cached.prepare('INSERT INTO t (n) VALUES (?)').run(n);
    expect(cached.prepare('SELECT sum(n) AS s FROM t WHERE n >= ?').get(2)).toEqual({ s: 5 });
    expect(cached.prepare('SELECT sum(n) AS s FROM t WHERE n >= ?').get(1)).toEqual({ s: 6 });
    expect(prepared).toEqual(['CREATE TABLE t (n INTEGER)', 'INSERT INTO t (n) VALUES (?)', 'SELECT sum(n) AS s FROM t WHERE n >= ?']);
  });

  it('drops the least recently used text past the bound', () => {
    const { database, prepared } = countingDatabase();
    const cached = withStatementCache(database, 2);
    cached.prepare('SELECT 1');
    cached.prepare('SELECT 2');
    cached.prepare('SELECT 1'); // 1 is now the most recent
    cached.prepare('SELECT 3'); // evicts 2
    cached.prepare('SELECT 1');
    cached.prepare('SELECT 2'); // prepared again
    expect(prepared).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3', 'SELECT 2']);
  });

  it('closes the database', () => {
    const fake = countingDatabase();
    withStatementCache(fake.database).close();
    expect(fake.isClosed()).toBe(true);
  });
});
