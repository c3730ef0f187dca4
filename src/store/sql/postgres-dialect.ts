/**
 * PostgreSQL specifics: full text in `article_search` (a tsvector per article, GIN-indexed),
 * built with `array_to_tsvector` from pre-folded terms, so PostgreSQL's parser and its `arabic`
 * configuration (which strips prefixes inconsistently) never touch them; queries are tsquery
 * literals of the same terms.
 */
import { sql } from 'kysely';
import type { QueryTerm } from '../../normalize/gazetteer/search-terms.ts';
import type { SqlDialect } from './dialect.ts';

const CHUNK = 500;

/** A tsquery literal: every term quoted (letters and digits only), prefixes as `:*`, AND-ed. */
function tsquery(terms: readonly QueryTerm[]): string {
  return terms.map((t) => `'${t.term}'${t.prefix ? ':*' : ''}`).join(' & ');
}

export const postgresDialect: SqlDialect = {
  engine: 'postgres',
  maxParams: 30_000,
  searchCondition(terms, plan = 'drive') {
    const query = tsquery(terms);
    return plan === 'probe'
      ? sql<boolean>`EXISTS (SELECT 1 FROM article_search s WHERE s.id = articles.id AND s.search @@ ${query}::tsquery)`
      : sql<boolean>`articles.id IN (SELECT id FROM article_search WHERE search @@ ${query}::tsquery)`;
  },
  async countSearchUpTo(db, terms, limit) {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM article_search WHERE search @@ ${tsquery(terms)}::tsquery LIMIT ${limit}) m`.execute(db);
    return Number(rows[0]?.n ?? 0);
  },
  async writeSearch(trx, rows, _replaced) {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const values = chunk.map((r) => sql`(${r.id}, array_to_tsvector(${[...r.terms]}::text[]))`);
      await sql`INSERT INTO article_search (id, search) VALUES ${sql.join(values)}
        ON CONFLICT (id) DO UPDATE SET search = excluded.search`.execute(trx);
    }
  },
  async deleteSearch(trx, ids) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      await sql`DELETE FROM article_search WHERE id IN (${sql.join(ids.slice(i, i + CHUNK))})`.execute(trx);
    }
  },
};
