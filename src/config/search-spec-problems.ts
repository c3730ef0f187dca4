/**
 * The checks a JSON Schema cannot make on one saved search, shared by feeds.json (each problem
 * at its JSON path, with the line and column of a bad query in the file) and the `saveSearch`
 * mutation (the same words, so a search is valid or not whichever way it is saved): the query
 * must parse (the query language's own parser and messages), dates must be instants in order,
 * a webhook must be an http(s) URL. Ids in the query and filter are checked against the
 * dictionaries when the search runs (the dictionaries are not loaded while reading config).
 * Pure.
 */
import { NewsgateError } from '../model/errors.ts';
import type { SavedSearchFilter } from '../model/saved-search.ts';
import { parseQuery } from '../query/parse-query.ts';
import { lineColumn } from './json-location.ts';

/** One problem, as feeds-file.ts reports them. */
export interface SearchSpecProblem {
  readonly path: string;
  readonly message: string;
  readonly example?: string;
}

/** The parts of a saved search these checks read (any of them may be missing or mistyped). */
export interface SearchSpecInput {
  readonly query?: unknown;
  readonly filter?: unknown;
  readonly webhook?: unknown;
}

/**
 * Where in `fileText` the query's text starts, when it occurs there exactly once (as the JSON
 * string it was written as), so an error can give the line and column of the bad character.
 */
function queryOffsetInFile(query: string, fileText: string | undefined): number | undefined {
  if (fileText === undefined) return undefined;
  const written = JSON.stringify(query);
  const first = fileText.indexOf(written);
  if (first < 0 || fileText.indexOf(written, first + 1) >= 0) return undefined;
  // Exact while nothing before the position needed escaping (the usual case).
  return first + 1;
}

/** Problems of one search; `at` is its path (`$.searches[2]` or `input`); `fileText` adds line/column. */
export function searchSpecProblems(search: SearchSpecInput, at: string, fileText?: string): SearchSpecProblem[] {
  const problems: SearchSpecProblem[] = [];
  if (typeof search.query === 'string') {
    try {
      parseQuery(search.query);
    } catch (err) {
      if (!(err instanceof NewsgateError)) throw err;
      const position = typeof err.details.position === 'number' ? err.details.position : 1;
      const offset = queryOffsetInFile(search.query, fileText);
      const where = offset === undefined || fileText === undefined ? '' : (({ line, column }) => ` (line ${line}, column ${column} of the file)`)(lineColumn(fileText, offset + position - 1));
      problems.push({ path: `${at}.query`, message: `${err.message}${where}`, example: '"query": "drone OR rocket -houthi"' });
    }
  }
  if (typeof search.filter === 'object' && search.filter !== null) {
    const filter = search.filter as SavedSearchFilter;
    const instants: Partial<Record<'from' | 'to', number>> = {};
    for (const key of ['from', 'to'] as const) {
      const value = filter[key];
      if (typeof value !== 'string') continue;
      const ms = Date.parse(value);
      if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
        problems.push({ path: `${at}.filter.${key}`, message: `"${value}" is not an ISO 8601 instant.`, example: `"${key}": "2026-01-01T00:00:00Z"` });
      } else instants[key] = ms;
    }
    if (instants.from !== undefined && instants.to !== undefined && instants.from > instants.to) {
      problems.push({ path: `${at}.filter.to`, message: `is before filter.from: no article could match. Swap them, or keep one bound.` });
    }
  }
  if (typeof search.webhook === 'string') {
    let url: URL | undefined;
    try {
      url = new URL(search.webhook);
    } catch {
      url = undefined;
    }
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      problems.push({ path: `${at}.webhook`, message: `"${search.webhook}" is not an absolute http(s) URL.`, example: '"webhook": "https://hooks.example.org/newsgate"' });
    }
  }
  return problems;
}
