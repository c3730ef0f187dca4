/**
 * SQLite specifics: full text in a contentless FTS5 table keyed by the articles' rowid, fed with
 * pre-folded terms (FTS5's own tokenizer would split vowelled Arabic words apart).
 */
import { sql } from 'kysely';
import type { QueryTerm } from '../../normalize/gazetteer/search-terms.ts';
import type { SqlDialect } from './dialect.ts';

const FTS_CHUNK = 400;

/** An FTS5 query: every term quoted (they hold letters and digits only), prefixes starred, AND-ed. */
function matchExpression(terms: readonly QueryTerm[]): string {
  return terms.map((t) => `"${t.term}"${t.prefix ? '*' : ''}`).join(' ');
}

export const sqliteDialect: SqlDialect = {
  engine: 'sqlite',
  maxParams: 30_000,
  searchCondition(terms, plan = 'drive') {
    const match = matchExpression(terms);
    return plan === 'probe'
      ? sql<boolean>`EXISTS (SELECT 1 FROM article_fts WHERE article_fts MATCH ${match} AND article_fts.rowid = articles.rowid)`
      : sql<boolean>`articles.rowid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ${match})`;
  },
  async countSearchUpTo(db, terms, limit) {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT rowid FROM article_fts WHERE article_fts MATCH ${matchExpression(terms)} LIMIT ${limit})`.execute(db);
    return Number(rows[0]?.n ?? 0);
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
