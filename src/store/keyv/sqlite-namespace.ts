/**
 * One SQLite connection shared by every namespace of a store file, seen through one keyv
 * adapter per namespace.
 *
 * Why not one `@keyv/sqlite` adapter per namespace: each would open its own connection to the
 * same file (writers then contend for the lock), and Keyv writes the namespace onto the adapter
 * it is given, so one adapter cannot serve two namespaces. Why not the adapter's own batch and
 * iteration: @keyv/sqlite 4 has no `setMany` (Keyv falls back to one autocommit INSERT per key),
 * its `getMany` matches rows with a linear search per key, and its iterator pages with
 * `LIKE … OFFSET`, a full scan per page. Here the writes of a batch are one statement (one
 * transaction), and restore walks the primary key in key ranges.
 */
import { EventEmitter } from 'node:events';
import { KeyvSqlite } from '@keyv/sqlite';

/** Rows per page when iterating a namespace (restore reads these in one query each). */
const ITERATION_PAGE = 2000;

/** A connection to one SQLite file, counted by the namespace adapters using it. */
export class SharedSqlite {
  readonly base: KeyvSqlite;
  readonly path: string;
  private refs = 0;
  private closed: Promise<void> | undefined;

  private constructor(path: string, base: KeyvSqlite) {
    this.path = path;
    this.base = base;
  }

  /**
   * Opens (creating if needed) the file and switches it to WAL, which lets readers (the CLI,
   * a backup) work while newsgate writes, and makes each batch one cheap append.
   */
  static async open(path: string, onError: (err: unknown) => void): Promise<SharedSqlite> {
    const base = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 5000 });
    base.on('error', onError);
    const shared = new SharedSqlite(path, base);
    await shared.query('PRAGMA journal_mode=WAL');
    await shared.query('PRAGMA synchronous=NORMAL');
    return shared;
  }

  /** Runs one statement; rows for SELECTs. */
  query(sql: string, ...params: unknown[]): Promise<Array<Record<string, unknown>>> {
    return (this.base.query as (s: string, ...p: unknown[]) => Promise<Array<Record<string, unknown>>>)(sql, ...params);
  }

  get table(): string {
    return (this.base.opts as { table: string }).table;
  }

  /** Registers one more user of the connection. */
  acquire(): void {
    this.refs += 1;
  }

  /**
   * Drops a user; the last one calls `onLast` (synchronously, so that no one is handed a
   * connection about to close) and then closes the file.
   */
  async release(onLast: () => void): Promise<void> {
    this.refs -= 1;
    if (this.refs > 0) return;
    onLast();
    this.closed ??= this.base.disconnect() as Promise<void>;
    await this.closed;
  }
}

/** The keyv adapter of one namespace over a {@link SharedSqlite}. */
export class SqliteNamespaceAdapter extends EventEmitter {
  /** Keyv reads `opts.dialect` to know the adapter can iterate. */
  readonly opts: { dialect: 'sqlite'; url: string };
  /** Set by Keyv to its namespace; keys arrive already prefixed with `${namespace}:`. */
  namespace: string | undefined;
  private readonly shared: SharedSqlite;
  private readonly onRelease: () => Promise<void>;
  private released = false;

  constructor(shared: SharedSqlite, onRelease: () => Promise<void>) {
    super();
    this.shared = shared;
    this.onRelease = onRelease;
    this.opts = { dialect: 'sqlite', url: `sqlite://${shared.path}` };
  }

  async get(key: string): Promise<string | undefined> {
    const rows = await this.shared.query(`SELECT value FROM ${this.shared.table} WHERE key = ?`, key);
    return rows[0]?.value as string | undefined;
  }

  /** One query for all keys, answered in the order asked. */
  async getMany(keys: string[]): Promise<Array<string | undefined>> {
    if (keys.length === 0) return [];
    const rows = await this.shared.query(
      `SELECT key, value FROM ${this.shared.table} WHERE key IN (SELECT value FROM json_each(?))`,
      JSON.stringify(keys),
    );
    const byKey = new Map<string, string>();
    for (const row of rows) byKey.set(row.key as string, row.value as string);
    return keys.map((k) => byKey.get(k));
  }

  async set(key: string, value: string): Promise<void> {
    await this.setMany([{ key, value }]);
  }

  /** All entries in one statement, hence one transaction: a batch is stored whole or not at all. */
  async setMany(entries: Array<{ key: string; value: unknown; ttl?: number }>): Promise<void> {
    if (entries.length === 0) return;
    const pairs = entries.map((e) => [e.key, typeof e.value === 'string' ? e.value : JSON.stringify(e.value)]);
    await this.shared.query(
      `INSERT INTO ${this.shared.table} (key, value)
         SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?) WHERE true
         ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      JSON.stringify(pairs),
    );
  }

  async delete(key: string): Promise<boolean> {
    return this.deleteMany([key]);
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    if (keys.length === 0) return false;
    const rows = await this.shared.query(
      `DELETE FROM ${this.shared.table} WHERE key IN (SELECT value FROM json_each(?)) RETURNING key`,
      JSON.stringify(keys),
    );
    return rows.length > 0;
  }

  async has(key: string): Promise<boolean> {
    const rows = await this.shared.query(`SELECT 1 AS one FROM ${this.shared.table} WHERE key = ?`, key);
    return rows.length > 0;
  }

  /** Deletes this namespace's keys only (a key range on the primary key). */
  async clear(): Promise<void> {
    const [lo, hi] = range(this.namespace);
    await this.shared.query(`DELETE FROM ${this.shared.table} WHERE key >= ? AND key < ?`, lo, hi);
  }

  /**
   * Walks the namespace in primary-key order, a page per query, each page starting after the
   * last key seen (no OFFSET, so every page costs the same).
   */
  async *iterator(namespace?: string): AsyncGenerator<[string, string], void> {
    for await (const rows of this.rowPages(namespace)) for (const row of rows) yield [row.key as string, row.value as string];
  }

  /**
   * The stored (serialised) values of the namespace, a page at a time: what a restore reads,
   * without an await per entry (see `valuePages` in open-keyv.ts).
   */
  async *rawValuePages(namespace?: string): AsyncGenerator<string[], void> {
    for await (const rows of this.rowPages(namespace)) yield rows.map((row) => row.value as string);
  }

  /**
   * Pages of rows in key order. The next page is asked for before this one is handed over, so
   * SQLite reads it (on libuv's thread pool) while the caller parses this one.
   */
  private async *rowPages(namespace?: string): AsyncGenerator<Array<Record<string, unknown>>, void> {
    const [lo, hi] = range(namespace ?? this.namespace);
    const page = (after: string | undefined) =>
      after === undefined
        ? this.shared.query(`SELECT key, value FROM ${this.shared.table} WHERE key >= ? AND key < ? ORDER BY key LIMIT ?`, lo, hi, ITERATION_PAGE)
        : this.shared.query(`SELECT key, value FROM ${this.shared.table} WHERE key > ? AND key < ? ORDER BY key LIMIT ?`, after, hi, ITERATION_PAGE);
    let pending = page(undefined);
    for (;;) {
      const rows = await pending;
      const last = rows[rows.length - 1];
      const more = rows.length >= ITERATION_PAGE && last !== undefined;
      if (more) {
        pending = page(last.key as string);
        // A consumer that stops early must not leave a rejected read unobserved.
        pending.catch(() => undefined);
      }
      if (rows.length > 0) yield rows;
      if (!more) return;
    }
  }

  /** Releases this namespace's hold on the shared connection (idempotent). */
  async disconnect(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.onRelease();
  }
}

/** `[ns + ':', ns + ';')`: every key Keyv prefixes with `ns:` (';' follows ':' in code order). */
function range(namespace: string | undefined): [string, string] {
  if (!namespace) return ['', '\uffff'];
  return [`${namespace}:`, `${namespace};`];
}
