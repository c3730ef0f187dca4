/**
 * A saved search made runnable: its filter checked and widened exactly as the `articles` filter
 * is (resolve-filter.ts) and its query parsed and resolved by the query language
 * (src/query), both at the time it runs — ids are checked against the dictionaries and feeds
 * loaded now, and relative dates (`published:>now-7d`) move with the clock. Errors are the
 * same BAD_USER_INPUT the API gives, naming the id or the position.
 */
import type { ArticleFilterArgs, FilterServices } from '../graphql/resolve-filter.ts';
import { resolveFilter } from '../graphql/resolve-filter.ts';
import type { SavedSearchFilter, SavedSearchSpec } from '../model/saved-search.ts';
import type { ResolvedQuery } from '../query/query-ast.ts';
import { compileQuery } from '../query/resolve-query.ts';
import type { ArticleFilter } from '../store/article-store.types.ts';
import { badUserInput } from '../graphql/errors.ts';

/** What a search selects: the store filter AND the resolved query (undefined: no query). */
export interface ResolvedSearch {
  readonly filter: ArticleFilter;
  readonly query: ResolvedQuery | undefined;
}

/** The saved JSON filter as the GraphQL layer receives an `ArticleFilter` (dates as Dates). */
export function filterArgs(filter: SavedSearchFilter): ArticleFilterArgs {
  const date = (value: string | undefined, key: string): Date | undefined => {
    if (value === undefined) return undefined;
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) throw badUserInput(`\`filter.${key}\` "${value}" is not an ISO 8601 instant (e.g. 2026-11-20T08:30:00Z).`, { argument: `filter.${key}` });
    return d;
  };
  const from = date(filter.from, 'from');
  const to = date(filter.to, 'to');
  const fetchedAfter = date(filter.fetchedAfter, 'fetchedAfter');
  return {
    ...(filter.topics ? { topics: filter.topics } : {}),
    ...(filter.actors ? { actors: filter.actors } : {}),
    ...(filter.regions ? { regions: filter.regions } : {}),
    ...(filter.sources ? { sources: filter.sources } : {}),
    ...(filter.languages ? { languages: filter.languages } : {}),
    ...(filter.search ? { search: filter.search } : {}),
    ...(filter.includeAffiliates !== undefined ? { includeAffiliates: filter.includeAffiliates } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(fetchedAfter ? { fetchedAfter } : {}),
    ...(filter.stories ? { stories: filter.stories } : {}),
  };
}

/** Resolves query and filter; throws BAD_USER_INPUT (unknown id, query error with its position). */
export async function resolveSearch(
  spec: Pick<SavedSearchSpec, 'query' | 'filter'>,
  services: FilterServices,
  now: Date = new Date(),
): Promise<ResolvedSearch> {
  // `await` whether the filter resolves synchronously or (with the SQL store) asynchronously.
  const filter = await resolveFilter(filterArgs(spec.filter), services);
  const query = await compileQuery(spec.query, services, now);
  return { filter, query };
}
