/**
 * A resolved query (query-ast.ts) as one SQL condition on the `articles` table, for SQLite and
 * PostgreSQL alike, to AND with the store's `filterCondition`. Words and phrases become the
 * store's full-text condition over the terms phrase-terms.ts defines (the same terms the
 * brute-force evaluator checks); entity terms reuse `filterCondition` (posting tables, region
 * and topic ancestors expanded at write time); dates compare the epoch-ms columns. Every leaf
 * is two-valued (never NULL), so NOT means "does not match", as in the evaluator.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { phraseQueryTerms } from '../../normalize/gazetteer/phrase-terms.ts';
import type { SqlDialect } from '../../store/sql/dialect.ts';
import { filterCondition } from '../../store/sql/filter-sql.ts';
import type { Database } from '../../store/sql/schema.ts';
import type { ResolvedQuery } from '../query-ast.ts';

const COLUMN = { publishedAt: 'articles.published_ms', fetchedAt: 'articles.fetched_ms' } as const;

/** The condition for `query` on rows of `articles`. */
export function queryCondition(eb: ExpressionBuilder<Database, 'articles'>, query: ResolvedQuery, dialect: SqlDialect): Expression<SqlBool> {
  switch (query.kind) {
    case 'all':
      return sql<SqlBool>`1 = 1`;
    case 'none':
      return sql<SqlBool>`1 = 0`;
    case 'and':
      return eb.and(query.children.map((c) => queryCondition(eb, c, dialect)));
    case 'or':
      return eb.or(query.children.map((c) => queryCondition(eb, c, dialect)));
    case 'not':
      return eb.not(queryCondition(eb, query.child, dialect));
    case 'text':
      return dialect.searchCondition(phraseQueryTerms(query.tokens, query.prefix, query.scope === 'title'));
    case 'date':
      return eb(COLUMN[query.column], query.op, Date.parse(query.at));
    case 'entity':
      if (query.column === 'languages') {
        // language is nullable: compare a non-null value so NOT lang:ar keeps unknown languages.
        return eb(sql<string>`coalesce(articles.language, '')`, 'in', [...query.ids]);
      }
      return filterCondition(eb, { [query.column]: query.ids }, dialect);
  }
}

/** The words and phrases outside any NOT: what relevance ranks by. */
export function positiveTextTerms(query: ResolvedQuery | undefined): Extract<ResolvedQuery, { kind: 'text' }>[] {
  if (query === undefined) return [];
  if (query.kind === 'text') return [query];
  if (query.kind === 'and' || query.kind === 'or') return query.children.flatMap(positiveTextTerms);
  return [];
}
