/**
 * PostgreSQL specifics: full text in `article_search` (a tsvector per article, GIN-indexed),
 * built with `array_to_tsvector` from pre-folded terms, so PostgreSQL's parser and its `arabic`
 * configuration (which strips prefixes inconsistently) never touch them; queries are tsquery
 * literals of the same terms.
 */
import { sql } from 'kysely';
import type { SqlDialect } from './dialect.ts';

const CHUNK = 500;

export const postgresDialect: SqlDialect = {
  engine: 'postgres',
  maxParams: 30_000,
  searchCondition(terms) {
    const query = terms.map((t) => `'${t.term}'${t.prefix ? ':*' : ''}`).join(' & ');
    return sql<boolean>`articles.id IN (SELECT id FROM article_search WHERE search @@ ${query}::tsquery)`;
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
