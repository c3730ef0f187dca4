/**
 * Reads and validates `feeds.json`. The rules are the published JSON Schema
 * (`schema/feeds.schema.json`, so editors and newsgate agree), plus the checks a schema cannot
 * express: duplicate ids, URLs that do not parse, unknown time zones. Every problem is reported
 * at once, each naming the file, the JSON path, what is wrong and an example of what is right.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { DEFAULT_FETCH_LIMITS } from '../ingest/fetch/fetch-defaults.ts';
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import type { FeedConfig, FeedFetchOverrides, FullTextRule } from '../model/feed.ts';
import { selectorProblem } from '../fulltext/extract/check-selector.ts';
import type { SavedSearchFilter, SavedSearchSpec } from '../model/saved-search.ts';
import { searchSpecProblems } from './search-spec-problems.ts';
import type { FeedsSettings, FetchSettings } from './config.types.ts';
import { closest, lineColumn, pointerToPath } from './json-location.ts';
import { locateJsonPath } from './locate-json.ts';

/** The published schema, read once. */
export const FEEDS_SCHEMA_PATH = new URL('../../schema/feeds.schema.json', import.meta.url);
const feedsSchema = JSON.parse(readFileSync(FEEDS_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
const validateSchema = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(feedsSchema);

/** Defaults for what feeds.json leaves out, documented in the README. */
export const DEFAULT_INTERVAL_MINUTES = 15;
export const DEFAULT_FETCH: FetchSettings = Object.freeze({
  // Timeouts, body cap and redirects: the fetcher's own defaults, stated once.
  ...DEFAULT_FETCH_LIMITS,
  concurrency: 8,
  perHostConcurrency: 1,
  perHostSpacingMs: 2_000,
  minIntervalMinutes: 5,
  maxIntervalMinutes: 24 * 60,
  allowPrivateAddresses: false,
});

/** One problem found in the file. */
export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
  readonly example?: string;
  /** Where in the file (1-based), when the text is at hand. */
  readonly line?: number;
  readonly column?: number;
}

/** One entry of the `feeds` array as written in the file (before defaults). */
export interface FeedEntry {
  id: string;
  url: string;
  title?: string;
  tags?: string[];
  regions?: string[];
  language?: string;
  intervalMinutes?: number;
  enabled?: boolean;
  headers?: Record<string, string>;
  timezone?: string;
  allowFile?: boolean;
  fullText?: boolean | { selector?: string; remove?: string[] };
  fetch?: RawFeedFetch;
}
/** The `fetch` keys a feed may set for itself, as written. */
interface RawFeedFetch {
  timeoutSeconds?: number;
  connectTimeoutSeconds?: number;
  headersTimeoutSeconds?: number;
  maxBodyMegabytes?: number;
  maxRedirects?: number;
  minIntervalMinutes?: number;
  maxIntervalMinutes?: number;
  userAgent?: string;
  allowPrivateAddresses?: boolean;
}
type RawDefaults = Omit<FeedEntry, 'id' | 'url' | 'title' | 'allowFile' | 'fetch'>;
interface RawFile {
  defaults?: RawDefaults;
  fetch?: RawFeedFetch & {
    concurrency?: number;
    perHostConcurrency?: number;
    perHostSpacingSeconds?: number;
  };
  retention?: { maxAgeDays?: number; maxArticlesPerFeed?: number };
  dictionaries?: string[];
  feeds: FeedEntry[];
  searches?: SearchEntry[];
}

/** One entry of the `searches` array as written in the file. */
export interface SearchEntry {
  id: string;
  name: string;
  query?: string;
  filter?: SavedSearchFilter;
  webhook?: string;
  allowPrivateAddresses?: boolean;
}

/**
 * Parses and validates the text of a feeds file. Pure: `file` is only used in messages and to
 * resolve dictionary paths. Throws NewsgateError(CONFIG_INVALID) listing every problem.
 */
export function parseFeedsFile(text: string, file: string): FeedsSettings {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new NewsgateError(ErrorCode.CONFIG_INVALID, `${file}: not valid JSON: ${describeJsonError(text, err)}`, {
      cause: err,
      details: { file },
    });
  }
  const problems = [...schemaProblems(data), ...semanticProblems(data), ...searchesProblems(data, text)];
  if (problems.length > 0) throw configError(file, locateProblems(text, problems));
  return build(data as RawFile, file);
}

/** Reads `file` from disk and validates it (see {@link parseFeedsFile}). */
export function readFeedsFile(file: string): FeedsSettings {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new NewsgateError(
      ErrorCode.CONFIG_INVALID,
      missing
        ? `${absolute}: file not found. Create it (see the README's "Configuration") or point FEEDS_FILE at your feeds file.`
        : `${absolute}: cannot be read: ${(err as Error).message}`,
      { cause: err, details: { file: absolute } },
    );
  }
  return parseFeedsFile(text, absolute);
}

/** Adds line and column to each problem, found from its JSON path in `text`. */
export function locateProblems(text: string, problems: readonly ConfigProblem[]): ConfigProblem[] {
  return problems.map((p) => {
    if (p.line !== undefined) return p;
    const at = locateJsonPath(text, p.path);
    return at ? { ...p, line: at.line, column: at.column } : p;
  });
}

/** Formats problems into the one error start-up and `newsgate feeds check` print. */
export function configError(file: string, problems: readonly ConfigProblem[]): NewsgateError {
  const lines = problems.map(
    (p) =>
      `  - ${p.line === undefined ? '' : `line ${p.line}, column ${p.column}: `}${p.path}: ${p.message}${
        p.example === undefined ? '' : `\n      example: ${p.example}`
      }`,
  );
  return new NewsgateError(
    ErrorCode.CONFIG_INVALID,
    `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`,
    { details: { file, problems } },
  );
}

function describeJsonError(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const position = /position (\d+)/.exec(message);
  if (position) {
    const { line, column } = lineColumn(text, Number(position[1]));
    return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}. Check for a missing comma, a trailing comma or an unquoted key there.`;
  }
  return message;
}

function schemaProblems(data: unknown): ConfigProblem[] {
  if (validateSchema(data)) return [];
  const errors = (validateSchema.errors ?? []).filter(
    // `if`/`anyOf` wrappers repeat what their branches say.
    (e) => e.keyword !== 'if' && e.keyword !== 'anyOf',
  );
  return errors.map(describeSchemaError);
}

function describeSchemaError(e: ErrorObject): ConfigProblem {
  const at = pointerToPath(e.instancePath);
  const parent = (e.parentSchema ?? {}) as { examples?: unknown[]; description?: string; 'x-rule'?: string; properties?: Record<string, { examples?: unknown[] }> };
  const got = e.data === undefined ? '' : `, got ${JSON.stringify(e.data)}`;
  const example = parent.examples?.[0];
  const exampleOf = (key: string, value: unknown) => `"${key}": ${JSON.stringify(value)}`;
  const lastKey = e.instancePath.split('/').pop() ?? '';
  const asExample = example === undefined ? undefined : /^\d*$/.test(lastKey) ? JSON.stringify(example) : exampleOf(lastKey, example);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys(parent.properties ?? {});
      const guess = closest(key, allowed);
      return {
        path: `${at}.${key}`,
        message: `unknown key "${key}"${guess ? `; did you mean "${guess}"?` : ''} Allowed keys here: ${allowed.join(', ')}.`,
      };
    }
    case 'required': {
      const key = String((e.params as { missingProperty: string }).missingProperty);
      const ex = parent.properties?.[key]?.examples?.[0];
      return { path: at, message: `missing required key "${key}".`, ...(ex === undefined ? {} : { example: exampleOf(key, ex) }) };
    }
    case 'pattern':
      return { path: at, message: `must be ${parent['x-rule'] ?? `a string matching ${String(e.params.pattern)}`}${got}.`, ...(asExample ? { example: asExample } : {}) };
    default:
      return { path: at, message: `${e.message ?? 'is invalid'}${got}.`, ...(asExample ? { example: asExample } : {}) };
  }
}

/** Checks a schema cannot express; runs on whatever parts are well-shaped, so all problems show at once. */
function semanticProblems(input: unknown): ConfigProblem[] {
  if (typeof input !== 'object' || input === null || !Array.isArray((input as RawFile).feeds)) return [];
  const data = input as RawFile;
  const problems: ConfigProblem[] = [];
  const seen = new Map<string, number>();
  data.feeds.forEach((feed, i) => {
    if (typeof feed !== 'object' || feed === null || typeof feed.id !== 'string' || typeof feed.url !== 'string') return;
    const at = `$.feeds[${i}]`;
    const first = seen.get(feed.id);
    if (first !== undefined) {
      problems.push({
        path: `${at}.id`,
        message: `duplicate id "${feed.id}" (also used by $.feeds[${first}]); every feed needs its own id.`,
        example: `"id": "${feed.id}-2"`,
      });
    } else seen.set(feed.id, i);
    problems.push(...urlProblems(feed, at));
    problems.push(...fullTextProblems(feed.fullText, `${at}.fullText`));
    const ff = feed.fetch;
    if (typeof ff === 'object' && ff !== null && typeof ff.minIntervalMinutes === 'number' && typeof ff.maxIntervalMinutes === 'number' && ff.minIntervalMinutes > ff.maxIntervalMinutes) {
      problems.push({ path: `${at}.fetch.maxIntervalMinutes`, message: `must be at least minIntervalMinutes (${ff.minIntervalMinutes}).` });
    }
    for (const [where, tz] of [[`${at}.timezone`, feed.timezone], ['$.defaults.timezone', i === 0 ? data.defaults?.timezone : undefined]] as const) {
      if (typeof tz === 'string' && !isTimeZone(tz)) {
        problems.push({ path: where, message: `unknown time zone "${tz}"; use an IANA name.`, example: '"timezone": "Asia/Baghdad"' });
      }
    }
  });
  problems.push(...fullTextProblems(data.defaults?.fullText, '$.defaults.fullText'));
  const fetch = data.fetch;
  if (typeof fetch?.minIntervalMinutes === 'number' && typeof fetch.maxIntervalMinutes === 'number' && fetch.minIntervalMinutes > fetch.maxIntervalMinutes) {
    problems.push({ path: '$.fetch.maxIntervalMinutes', message: `must be at least minIntervalMinutes (${fetch.minIntervalMinutes}).` });
  }
  return problems;
}

/** Duplicate ids, queries that do not parse, bad dates and webhook URLs, in `searches`. */
function searchesProblems(input: unknown, text: string): ConfigProblem[] {
  if (typeof input !== 'object' || input === null || !Array.isArray((input as RawFile).searches)) return [];
  const problems: ConfigProblem[] = [];
  const seen = new Map<string, number>();
  ((input as RawFile).searches as unknown[]).forEach((entry, i) => {
    if (typeof entry !== 'object' || entry === null) return;
    const search = entry as Partial<SearchEntry>;
    const at = `$.searches[${i}]`;
    if (typeof search.id === 'string') {
      const first = seen.get(search.id);
      if (first !== undefined) {
        problems.push({ path: `${at}.id`, message: `duplicate id "${search.id}" (also used by $.searches[${first}]); every saved search needs its own id.`, example: `"id": "${search.id}-2"` });
      } else seen.set(search.id, i);
    }
    problems.push(...searchSpecProblems(search, at, text));
  });
  return problems;
}

function urlProblems(feed: FeedEntry, at: string): ConfigProblem[] {
  let url: URL;
  try {
    url = new URL(feed.url);
  } catch {
    return [{ path: `${at}.url`, message: `"${feed.url}" is not an absolute URL.`, example: '"url": "https://www.example.org/feed.xml"' }];
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return [];
  if (url.protocol === 'file:') {
    return feed.allowFile
      ? []
      : [{ path: `${at}.url`, message: 'file: URLs are read only when the feed sets "allowFile": true.', example: '"allowFile": true' }];
  }
  return [{ path: `${at}.url`, message: `unsupported scheme "${url.protocol}"; use http: or https:.`, example: '"url": "https://www.example.org/feed.xml"' }];
}

/** CSS selectors that no DOM can run (a typo such as `article..body` or `.share,`). */
function fullTextProblems(value: FeedEntry['fullText'], at: string): ConfigProblem[] {
  if (typeof value !== 'object' || value === null) return [];
  const problems: ConfigProblem[] = [];
  if (typeof value.selector === 'string') {
    const problem = selectorProblem(value.selector);
    if (problem) problems.push({ path: `${at}.selector`, message: `"${value.selector}" is not a valid CSS selector: ${problem}.`, example: '"selector": "article .body"' });
  }
  (Array.isArray(value.remove) ? value.remove : []).forEach((sel, i) => {
    const problem = typeof sel === 'string' ? selectorProblem(sel) : undefined;
    if (problem) problems.push({ path: `${at}.remove[${i}]`, message: `"${sel}" is not a valid CSS selector: ${problem}.`, example: '"remove": [".share", ".related"]' });
  });
  return problems;
}

/** `true` is automatic extraction, an object a rule, `false` or absent is off. */
function fullTextRule(value: FeedEntry['fullText']): FullTextRule | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return Object.freeze({ remove: Object.freeze([]) });
  return Object.freeze({ ...(value.selector === undefined ? {} : { selector: value.selector }), remove: Object.freeze(unique(value.remove ?? [])) });
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function withFullText(rule: FullTextRule | undefined): { fullText?: FullTextRule } {
  return rule === undefined ? {} : { fullText: rule };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The fetch keys written (seconds, megabytes) in newsgate's units; keys not written stay absent. */
function fetchOverrides(fx: RawFeedFetch): FeedFetchOverrides {
  const out: { -readonly [K in keyof FeedFetchOverrides]: FeedFetchOverrides[K] } = {};
  if (fx.timeoutSeconds !== undefined) out.totalTimeoutMs = fx.timeoutSeconds * 1000;
  if (fx.connectTimeoutSeconds !== undefined) out.connectTimeoutMs = fx.connectTimeoutSeconds * 1000;
  if (fx.headersTimeoutSeconds !== undefined) out.headersTimeoutMs = fx.headersTimeoutSeconds * 1000;
  if (fx.maxBodyMegabytes !== undefined) out.maxBodyBytes = Math.round(fx.maxBodyMegabytes * 1024 * 1024);
  if (fx.maxRedirects !== undefined) out.maxRedirects = fx.maxRedirects;
  if (fx.minIntervalMinutes !== undefined) out.minIntervalMinutes = fx.minIntervalMinutes;
  if (fx.maxIntervalMinutes !== undefined) out.maxIntervalMinutes = fx.maxIntervalMinutes;
  if (fx.userAgent !== undefined) out.userAgent = fx.userAgent;
  if (fx.allowPrivateAddresses !== undefined) out.allowPrivateAddresses = fx.allowPrivateAddresses;
  return out;
}

function build(data: RawFile, file: string): FeedsSettings {
  const d = data.defaults ?? {};
  const feeds: FeedConfig[] = data.feeds.map((f) =>
    Object.freeze({
      id: f.id,
      url: f.url,
      ...(f.title === undefined ? {} : { title: f.title }),
      tags: Object.freeze(unique([...(d.tags ?? []), ...(f.tags ?? [])])),
      regions: Object.freeze(unique([...(d.regions ?? []), ...(f.regions ?? [])])),
      ...((f.language ?? d.language) === undefined ? {} : { language: f.language ?? d.language }),
      intervalMinutes: f.intervalMinutes ?? d.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES,
      enabled: f.enabled ?? d.enabled ?? true,
      headers: Object.freeze({ ...(d.headers ?? {}), ...(f.headers ?? {}) }),
      ...((f.timezone ?? d.timezone) === undefined ? {} : { timezone: f.timezone ?? d.timezone }),
      allowFile: f.allowFile ?? false,
      ...withFullText(fullTextRule(f.fullText ?? d.fullText)),
      ...(f.fetch === undefined ? {} : { fetch: Object.freeze(fetchOverrides(f.fetch)) }),
    }),
  );
  const fx = data.fetch ?? {};
  const fetch: FetchSettings = Object.freeze({
    ...DEFAULT_FETCH,
    ...fetchOverrides(fx),
    concurrency: fx.concurrency ?? DEFAULT_FETCH.concurrency,
    perHostConcurrency: fx.perHostConcurrency ?? DEFAULT_FETCH.perHostConcurrency,
    perHostSpacingMs: fx.perHostSpacingSeconds !== undefined ? fx.perHostSpacingSeconds * 1000 : DEFAULT_FETCH.perHostSpacingMs,
  });
  const dir = path.dirname(file);
  return Object.freeze({
    file,
    feeds: Object.freeze(feeds),
    fetch,
    retention: Object.freeze({ ...(data.retention ?? {}) }),
    dictionaries: Object.freeze((data.dictionaries ?? []).map((p) => path.resolve(dir, p))),
    searches: Object.freeze((data.searches ?? []).map(buildSearch)),
  });
}

function buildSearch(s: SearchEntry): SavedSearchSpec {
  return Object.freeze({
    id: s.id,
    name: s.name,
    query: s.query?.trim() ?? '',
    filter: Object.freeze({ ...(s.filter ?? {}) }),
    webhook: s.webhook ?? null,
    ...(s.allowPrivateAddresses === true ? { allowPrivateAddresses: true } : {}),
  });
}
