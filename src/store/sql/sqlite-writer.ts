/**
 * SQLite's bulk writer: better-sqlite3 statements prepared once per store and reused for every
 * batch, each inserting a fixed number of rows (a remainder goes row by row through a one-row
 * statement), so a batch of 1,000 articles is a few dozen statement runs and no SQL is built or
 * parsed per batch. Runs inside the store's (kysely) transaction on the same connection:
 * better-sqlite3 is synchronous, so nothing else runs on the connection meanwhile.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { ArticleRows } from './article-rows.ts';
import type { ArticleWriter } from './article-writer.ts';
import type { ArticleEntitiesTable } from './schema.ts';

/** Rows per multi-row statement, per table (× columns = bound parameters, far below SQLite's 32,766). */
const ARTICLE_ROWS = 100;
const PAIR_ROWS = 250;

const ARTICLE_COLUMNS = ['id', 'feed_id', 'published_ms', 'fetched_ms', 'language', 'story_id', 'content_hash', 'meta'] as const;

/** `(?,?,…),(?,?,…)…`: `rows` groups of `columns` placeholders. */
function placeholders(rows: number, columns: number): string {
  const one = `(${new Array<string>(columns).fill('?').join(',')})`;
  return new Array<string>(rows).fill(one).join(',');
}

/** One table's insert at two sizes: `rows` per run, and one row for the remainder. */
class BulkInsert {
  private readonly many: BetterSqlite3.Statement;
  private readonly one: BetterSqlite3.Statement;

  constructor(
    handle: BetterSqlite3.Database,
    private readonly columns: number,
    private readonly rows: number,
    sqlFor: (values: string) => string,
  ) {
    this.many = handle.prepare(sqlFor(placeholders(rows, columns)));
    this.one = handle.prepare(sqlFor(placeholders(1, columns)));
  }

  /** Runs the insert over `params` (flat, `columns` per row); returns RETURNING rows, if any. */
  run(params: readonly unknown[], returning = false): unknown[] {
    const out: unknown[] = [];
    const step = this.rows * this.columns;
    let i = 0;
    for (; i + step <= params.length; i += step) {
      const slice = params.slice(i, i + step);
      if (returning) out.push(...this.many.all(slice));
      else this.many.run(slice);
    }
    for (; i < params.length; i += this.columns) {
      const slice = params.slice(i, i + this.columns);
      if (returning) out.push(...this.one.all(slice));
      else this.one.run(slice);
    }
    return out;
  }
}

/** The statements of the writer, prepared once the tables exist (at the first write). */
function prepare(handle: BetterSqlite3.Database) {
  const updateSet = ARTICLE_COLUMNS.slice(1).map((c) => `${c} = excluded.${c}`).join(', ');
  return {
    articles: new BulkInsert(handle, ARTICLE_COLUMNS.length, ARTICLE_ROWS, (v) =>
      `INSERT INTO articles (${ARTICLE_COLUMNS.join(', ')}) VALUES ${v} ON CONFLICT (id) DO UPDATE SET ${updateSet} RETURNING id, rowid AS rid`,
    ),
    bodies: new BulkInsert(handle, 2, PAIR_ROWS, (v) => `INSERT INTO article_bodies (id, body) VALUES ${v} ON CONFLICT (id) DO UPDATE SET body = excluded.body`),
    postings: new BulkInsert(handle, 4, PAIR_ROWS, (v) => `INSERT OR IGNORE INTO article_entities (kind, entity_id, published_ms, article_id) VALUES ${v}`),
    fullText: new BulkInsert(handle, 2, PAIR_ROWS, (v) => `INSERT INTO article_fts (rowid, terms) VALUES ${v}`),
    deleteFullText: handle.prepare('DELETE FROM article_fts WHERE rowid = ?'),
    deletePostings: handle.prepare('DELETE FROM article_entities WHERE article_id IN (SELECT value FROM json_each(?))'),
  };
}

function byPostingKey(a: ArticleEntitiesTable, b: ArticleEntitiesTable): number {
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  if (a.entity_id !== b.entity_id) return a.entity_id < b.entity_id ? -1 : 1;
  if (a.published_ms !== b.published_ms) return a.published_ms - b.published_ms;
  return a.article_id < b.article_id ? -1 : a.article_id > b.article_id ? 1 : 0;
}

export function sqliteWriter(handle: BetterSqlite3.Database): ArticleWriter {
  let statements: ReturnType<typeof prepare> | undefined;

  return {
    async hashes(q, ids) {
      const out = new Map<string, string>();
      if (ids.length === 0) return out;
      const { rows } = await sql<{ id: string; content_hash: string }>`SELECT id, content_hash FROM articles WHERE id IN (SELECT value FROM json_each(${JSON.stringify([...new Set(ids)])}))`.execute(q);
      for (const r of rows) out.set(r.id, r.content_hash);
      return out;
    },
    async write(_trx, rows, replaced) {
      const { articles, bodies, postings, fullText, deleteFullText, deletePostings } = (statements ??= prepare(handle));
      const articleParams: unknown[] = [];
      const bodyParams: unknown[] = [];
      const postingParams: unknown[] = [];
      for (const { article: a, body } of rows) {
        articleParams.push(a.id, a.feed_id, a.published_ms, a.fetched_ms, a.language, a.story_id, a.content_hash, a.meta);
        bodyParams.push(a.id, body);
      }
      // In primary-key order: each insert lands next to the previous one in the B-tree.
      for (const p of rows.flatMap((r) => r.postings).sort(byPostingKey)) postingParams.push(p.kind, p.entity_id, p.published_ms, p.article_id);
      const rowids = new Map<string, number | bigint>();
      for (const r of articles.run(articleParams, true) as { id: string; rid: number | bigint }[]) rowids.set(r.id, r.rid);
      bodies.run(bodyParams);
      if (replaced.size > 0) {
        deletePostings.run(JSON.stringify([...replaced]));
        for (const id of replaced) {
          const rid = rowids.get(id);
          if (rid !== undefined) deleteFullText.run(rid);
        }
      }
      postings.run(postingParams);
      const ftsParams: unknown[] = [];
      for (const r of rows) ftsParams.push(rowids.get(r.article.id), r.terms.join(' '));
      fullText.run(ftsParams);
    },
  };
}
