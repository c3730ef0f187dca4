/**
 * Reads the SQLite file newsgate 0.1 wrote: one keyv table (`keyv`, columns `key`, `value`)
 * whose keys are `namespace:id` (see legacy-records.ts for the values). Walks each namespace as
 * a key range in primary-key order, a page per query, so a million articles are read in bounded
 * memory; the bodies of a page come in one more query.
 *
 * Opened read-only: copying out of a 0.1 store never changes it (a -wal file left by a 0.1
 * gateway that was killed is read as SQLite reads it, without a checkpoint).
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Article } from '../../model/article.ts';
import type { FeedState } from '../../model/feed.ts';
import { ErrorCode, NewsgateError } from '../../model/errors.ts';
import {
  isLegacyFeedState,
  isLegacyMeta,
  LEGACY_BATCH,
  LEGACY_NAMESPACES,
  mergeLegacyArticle,
  toLegacyCandidate,
  unwrapKeyvValue,
  type LegacyCandidate,
  type LegacyCounts,
  type LegacyNamespace,
  type LegacyStoreReader,
} from './legacy-records.ts';

/** The table keyv's SQLite adapter creates (0.1 used its default name). */
const TABLE = 'keyv';

type Row = { key: string; value: string };

/**
 * True when `path` is a SQLite file in 0.1's format: it has the keyv table, no migrations table
 * (as sql/open-database.ts decides), and holds at least one article or feed record. False for a
 * missing file, a 0.2 store, or anything else.
 */
export function isLegacySqliteFile(path: string): boolean {
  if (!existsSync(path)) return false;
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const table = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`).get(TABLE);
    if (!table) return false;
    // A 0.2 store (it has migrations) is never 0.1's, whatever other tables it holds.
    if (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'newsgate_migrations'`).get()) return false;
    const row = db.prepare(`SELECT 1 FROM ${TABLE} WHERE (key >= 'articles:' AND key < 'articles;') OR (key >= 'feeds:' AND key < 'feeds;') LIMIT 1`).get();
    return row !== undefined;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

export class LegacySqliteReader implements LegacyStoreReader {
  readonly label: string;
  private readonly db: Database.Database;

  private constructor(db: Database.Database, path: string) {
    this.db = db;
    this.label = `sqlite://${path}`;
  }

  /** Opens the file read-only; NOT_FOUND-like STORE_UNAVAILABLE when it is not a 0.1 store. */
  static open(path: string): LegacySqliteReader {
    let db: Database.Database;
    try {
      db = new Database(path, { readonly: true, fileMustExist: true });
    } catch (cause) {
      throw new NewsgateError(ErrorCode.STORE_UNAVAILABLE, `Cannot open the newsgate 0.1 store ${path}: ${(cause as Error).message}.`, { cause, details: { path } });
    }
    const table = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`).get(TABLE);
    if (!table) {
      db.close();
      throw new NewsgateError(ErrorCode.STORE_UNAVAILABLE, `${path} is not a newsgate 0.1 store: it has no "${TABLE}" table.`, { details: { path } });
    }
    return new LegacySqliteReader(db, path);
  }

  /** Rows of one namespace in key order, `batch` per query, each page after the last key seen. */
  private *pages(ns: LegacyNamespace, batch: number): Generator<Row[]> {
    const hi = `${ns};`;
    const first = this.db.prepare(`SELECT key, value FROM ${TABLE} WHERE key >= ? AND key < ? ORDER BY key LIMIT ?`);
    const next = this.db.prepare(`SELECT key, value FROM ${TABLE} WHERE key > ? AND key < ? ORDER BY key LIMIT ?`);
    let rows = first.all(`${ns}:`, hi, batch) as Row[];
    while (rows.length > 0) {
      yield rows;
      if (rows.length < batch) return;
      rows = next.all(rows[rows.length - 1]!.key, hi, batch) as Row[];
    }
  }

  async *articles(batchSize: number = LEGACY_BATCH): AsyncGenerator<Article[]> {
    const bodies = this.db.prepare(`SELECT key, value FROM ${TABLE} WHERE key IN (SELECT 'bodies:' || value FROM json_each(?))`);
    const now = Date.now();
    for (const rows of this.pages('articles', batchSize)) {
      const metas = rows.map((r) => unwrapKeyvValue(r.value, now)).filter(isLegacyMeta);
      const byId = new Map<string, string>();
      for (const r of bodies.all(JSON.stringify(metas.map((m) => m.id))) as Row[]) byId.set(r.key.slice('bodies:'.length), r.value);
      const batch = metas.map((m) => mergeLegacyArticle(m, unwrapKeyvValue(byId.get(m.id), now)));
      if (batch.length > 0) yield batch;
    }
  }

  async *feedStates(): AsyncGenerator<FeedState[]> {
    for (const rows of this.pages('feeds', LEGACY_BATCH)) {
      const states = rows.map((r) => unwrapKeyvValue(r.value)).filter(isLegacyFeedState);
      if (states.length > 0) yield states;
    }
  }

  async *candidates(): AsyncGenerator<LegacyCandidate[]> {
    for (const rows of this.pages('candidates', LEGACY_BATCH)) {
      const list = rows.flatMap((r) => toLegacyCandidate(r.key.slice('candidates:'.length), unwrapKeyvValue(r.value)) ?? []);
      if (list.length > 0) yield list;
    }
  }

  async counts(): Promise<LegacyCounts> {
    const count = this.db.prepare(`SELECT count(*) AS n FROM ${TABLE} WHERE key >= ? AND key < ?`);
    const out = {} as LegacyCounts;
    for (const ns of LEGACY_NAMESPACES) out[ns] = (count.get(`${ns}:`, `${ns};`) as { n: number }).n;
    return out;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
