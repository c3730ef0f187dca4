/**
 * `store export --filter JSON`: the contract's ArticleFilter written as JSON, checked field by
 * field (a typo would otherwise export everything). Pure.
 */
import { ErrorCode, NewsgateError } from '../../model/errors.ts';
import type { ArticleFilter } from '../../store/article-store.types.ts';

const LISTS = ['topics', 'actors', 'regions', 'sources', 'languages', 'stories', 'ids'] as const;
const INSTANTS = ['from', 'to', 'fetchedAfter'] as const;
const EXAMPLE = `--filter '{"actors":["kataib-hizbullah"],"regions":["IQ"],"from":"2026-01-01T00:00:00Z"}'`;

/** The filter, or CONFIG_INVALID saying which field is wrong and how to write it. */
export function parseExportFilter(text: string | undefined): ArticleFilter {
  if (text === undefined || text.trim() === '') return {};
  const bad = (what: string) =>
    new NewsgateError(ErrorCode.CONFIG_INVALID, `--filter: ${what}. Fields: ${[...LISTS, ...INSTANTS, 'search'].join(', ')}; e.g. ${EXAMPLE}`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw bad(`not JSON (${(err as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw bad('must be a JSON object');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if ((LISTS as readonly string[]).includes(key)) {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) throw bad(`"${key}" must be a list of ids (strings)`);
      out[key] = value;
    } else if ((INSTANTS as readonly string[]).includes(key)) {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw bad(`"${key}" must be an ISO 8601 date-time`);
      out[key] = new Date(value).toISOString();
    } else if (key === 'search') {
      if (typeof value !== 'string') throw bad('"search" must be a string');
      out[key] = value;
    } else {
      throw bad(`unknown field "${key}"`);
    }
  }
  return out as ArticleFilter;
}
