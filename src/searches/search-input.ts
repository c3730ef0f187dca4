/**
 * What `saveSearch` accepts: the same rules as a `searches` entry of feeds.json (id slug,
 * name, a query that parses, dates in order, an http(s) webhook — search-spec-problems.ts), plus
 * what only a running newsgate can check: the ids in the query and filter exist (resolved as
 * the search will run), and a webhook can be signed (WEBHOOK_SECRET is set). Every problem is
 * reported at once, as BAD_USER_INPUT naming the field.
 */
import { searchSpecProblems } from '../config/search-spec-problems.ts';
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import { SAVED_SEARCH_ID, type SavedSearchFilter, type SavedSearchSpec } from '../model/saved-search.ts';
import { checkFilterValue } from './filter-param.ts';

/** The mutation's input, as GraphQL gives it (null where the client sent null). */
export interface SaveSearchArgs {
  readonly id: string;
  readonly name: string;
  readonly query?: string | null;
  readonly filter?: SavedSearchFilter | null;
  readonly webhook?: string | null;
}

/** Longest query text kept (as the feeds.json schema says). */
export const MAX_SAVED_QUERY_LENGTH = 1000;

/**
 * Validates `input` into a spec; `resolve` is the check that ids exist (it throws
 * BAD_USER_INPUT naming them); `canSign` says whether WEBHOOK_SECRET is set.
 */
export async function validateSaveSearch(input: SaveSearchArgs, resolve: (spec: SavedSearchSpec) => Promise<unknown>, canSign: boolean): Promise<SavedSearchSpec> {
  const problems: string[] = [];
  const id = input.id.trim();
  if (!SAVED_SEARCH_ID.test(id)) problems.push(`input.id: must be a slug of lower-case letters, digits, '.', '_' or '-' (at most 64, starting with a letter or digit), got ${JSON.stringify(input.id)}; e.g. "irgc-iraq".`);
  const name = input.name.trim();
  if (name === '' || name.length > 200) problems.push('input.name: must be 1 to 200 characters.');
  const query = (input.query ?? '').trim();
  if (query.length > MAX_SAVED_QUERY_LENGTH) problems.push(`input.query: at most ${MAX_SAVED_QUERY_LENGTH} characters.`);
  let filter: SavedSearchFilter = {};
  try {
    filter = checkFilterValue(input.filter ?? {}, 'input.filter');
    for (const key of ['fetchedAfter', 'stories'] as const) {
      if (filter[key] !== undefined) problems.push(`input.filter.${key}: a saved search cannot keep it (its feeds always show the newest matches); use it with articles or the export.`);
    }
  } catch (err) {
    problems.push((err as Error).message);
  }
  const webhook = input.webhook?.trim() || null;
  for (const p of searchSpecProblems({ query, filter, ...(webhook === null ? {} : { webhook }) }, 'input')) problems.push(`${p.path}: ${p.message}`);
  if (webhook !== null && !canSign) problems.push('input.webhook: this newsgate has no WEBHOOK_SECRET, so it cannot sign webhook POSTs; start it with WEBHOOK_SECRET set, or save the search without a webhook.');
  if (problems.length > 0) {
    throw new NewsgateError(ErrorCode.BAD_USER_INPUT, `saveSearch: ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.join(' ')}`, { details: { argument: 'input', problems } });
  }
  const spec: SavedSearchSpec = { id, name, query, filter, webhook };
  await resolve(spec);
  return spec;
}
