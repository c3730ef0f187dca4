/**
 * SQLite specifics: full text in a contentless FTS5 table keyed by the articles' rowid, fed with
 * pre-folded terms (FTS5's own tokenizer would split vowelled Arabic words apart).
 */
import { sql } from 'kysely';
import type { SqlDialect } from './dialect.ts';

const FTS_CHUNK = 400;

export const sqliteDialect: SqlDialect = {
  engine: 'sqlite',
  maxParams: 30_000,
  searchCondition(terms) {
    const match = terms.map((t) => `"${t.term}"${t.prefix ? '*' : ''}`).join(' ');
    return sql<boolean>`articles.rowid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ${match})`;
  },
  async writeSearch(trx, rows, replaced) {
    for (let i = 0; i < rows.length; i += FTS_CHUNK) {
      const chunk = rows.slice(i, i + FTS_CHUNK);
      const ids = chunk.map((r) => r.id).filter((id) => replaced.has(id));
      if (ids.length > 0) await sql`DELETE FROM article_fts WHERE rowid IN (SELECT rowid FROM articles WHERE id IN (${sql.join(ids)}))`.execute(trx);
      const values = chunk.map((r) => sql`((SELECT rowid FROM articles WHERE id = ${r.id}), ${r.terms.join(' ')})`);
      await sql`INSERT INTO article_fts (rowid, terms) VALUES ${sql.join(values)}`.execute(trx);
    }
  },
  async deleteSearch(trx, ids) {
    for (let i = 0; i < ids.length; i += FTS_CHUNK) {
      const chunk = ids.slice(i, i + FTS_CHUNK);
      await sql`DELETE FROM article_fts WHERE rowid IN (SELECT rowid FROM articles WHERE id IN (${sql.join(chunk)}))`.execute(trx);
    }
  },
};
