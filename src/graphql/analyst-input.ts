/**
 * What every analyst field does first: resolve `filter` (resolve-filter.ts) and `query` (the
 * query language) against the catalog and feeds, and reach the SQL database. One place, so
 * `articles`, `facets`, `timeline`, `actorNetwork` and `cooccurring` read their inputs alike.
 */
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import type { ResolvedQuery } from '../query/query-ast.ts';
import { compileQuery } from '../query/resolve-query.ts';
import type { SearchDatabase } from '../query/sql/search-articles.ts';
import type { ArticleFilter } from '../store/article-store.types.ts';
import type { Context } from './context.ts';
import { badUserInput } from './errors.ts';
import { resolveFilter, type ArticleFilterArgs } from './resolve-filter.ts';

/** A list field's `first`, bounded (like connection.ts checkFirst, with the field's own maximum). */
export function checkLimit(first: number | null | undefined, fallback: number, max: number, field: string): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw badUserInput(`\`first\` on \`${field}\` must be between 1 and ${max}; got ${value}.`, { argument: 'first', field, max });
  }
  return value;
}

/** The SQL database behind the store; INTERNAL when the store has none (a test double). */
export function sqlOf(ctx: Context): SearchDatabase {
  const sql = ctx.services.sql;
  if (sql === undefined) throw new NewsgateError(ErrorCode.INTERNAL, 'The analyst API needs the SQL article store (GatewayServices.sql).');
  return sql;
}

export interface AnalystInput {
  readonly filter: ArticleFilter;
  readonly query: ResolvedQuery | undefined;
}

/** Resolves `filter` and `query` (BAD_USER_INPUT for either, with where and what). */
export async function analystInput(ctx: Context, filter: ArticleFilterArgs | null | undefined, query: string | null | undefined): Promise<AnalystInput> {
  const [resolvedFilter, resolvedQuery] = await Promise.all([resolveFilter(filter, ctx.services), compileQuery(query, ctx.services)]);
  return { filter: resolvedFilter, query: resolvedQuery };
}
