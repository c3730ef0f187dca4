/**
 * The `filter` of a saved search or an export, given as JSON text (a URL parameter) or as a
 * value: checked for shape — known keys (with "did you mean"), lists of strings, a boolean, ISO
 * dates — before the ids are checked against the dictionaries by resolve-filter. A mistake is
 * BAD_USER_INPUT naming the key, or for text that is not JSON the line and column. Pure.
 */
import { jsonErrorOffset } from '../config/json-error-position.ts';
import { closest, lineColumn } from '../config/json-location.ts';
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import type { SavedSearchFilter } from '../model/saved-search.ts';

const LIST_KEYS = ['topics', 'actors', 'regions', 'sources', 'languages', 'stories'] as const;
const STRING_KEYS = ['from', 'to', 'search', 'fetchedAfter'] as const;
const DATE_KEYS: readonly string[] = ['from', 'to', 'fetchedAfter'];
/** Every ArticleFilter key; saved searches keep all but `fetchedAfter` and `stories` (search-input.ts). */
const KEYS: readonly string[] = [...LIST_KEYS, ...STRING_KEYS, 'includeAffiliates'];

function bad(argument: string, message: string, details: Record<string, unknown> = {}): NewsgateError {
  return new NewsgateError(ErrorCode.BAD_USER_INPUT, `\`${argument}\`: ${message}`, { details: { argument, ...details } });
}

/** Parses the JSON text of a filter (blank: no filter). */
export function parseFilterParam(text: string | null | undefined, argument = 'filter'): SavedSearchFilter {
  if (text == null || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message.replace(/,? ?".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
    const offset = jsonErrorOffset(text) ?? 0;
    const { line, column } = lineColumn(text, offset);
    throw bad(argument, `not valid JSON at position ${offset + 1} (line ${line}, column ${column}): ${message}. Send an object such as {"regions":["IQ"],"languages":["en"]}.`, { position: offset + 1, line, column });
  }
  return checkFilterValue(value, argument);
}

/** Checks an already parsed filter value. */
export function checkFilterValue(value: unknown, argument = 'filter'): SavedSearchFilter {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw bad(argument, 'must be a JSON object such as {"regions":["IQ"]}.');
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (!KEYS.includes(key)) {
      const guess = closest(key, KEYS);
      throw bad(argument, `unknown key "${key}"${guess ? `; did you mean "${guess}"?` : ''} Allowed keys: ${KEYS.join(', ')}.`, { key });
    }
    if ((LIST_KEYS as readonly string[]).includes(key)) {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === '')) throw bad(argument, `"${key}" must be a list of ids (strings), e.g. "${key}": ["…"].`, { key });
      out[key] = v;
    } else if (key === 'includeAffiliates') {
      if (typeof v !== 'boolean') throw bad(argument, '"includeAffiliates" must be true or false.', { key });
      out[key] = v;
    } else {
      if (typeof v !== 'string') throw bad(argument, `"${key}" must be a string.`, { key });
      if (DATE_KEYS.includes(key) && (Number.isNaN(Date.parse(v)) || !/^\d{4}-\d{2}-\d{2}/.test(v))) {
        throw bad(argument, `"${key}" must be an ISO 8601 instant such as "2026-01-01T00:00:00Z", got "${v}".`, { key });
      }
      out[key] = v;
    }
  }
  return out as SavedSearchFilter;
}
