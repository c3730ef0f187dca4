/** Parses and resolves a query synchronously for tests (no unconfigured `source:` ids in them). */
import type { FilterServices } from '../../src/graphql/resolve-filter.ts';
import type { ResolvedQuery } from '../../src/query/query-ast.ts';
import { parseQuery } from '../../src/query/parse-query.ts';
import { resolveQuery } from '../../src/query/resolve-query.ts';

export function compileNow(text: string | undefined, services: FilterServices, now: Date = new Date()): ResolvedQuery | undefined {
  const node = text === undefined ? undefined : parseQuery(text);
  return node === undefined ? undefined : resolveQuery(node, services, now);
}
