/**
 * What newsgate sends and allows by default when it fetches a feed. Kept in one place so the
 * CLI, the pipeline and the tests agree, and so operators can read what "polite" means here.
 */
import type { FetchLimits } from './fetch.types.ts';

/**
 * Names newsgate, its version and where to read about it, as feed publishers ask of crawlers:
 * a site that blocks or rate-limits us can see who we are and how to reach us. A feed's
 * `headers` may replace it for sites behind a WAF that only let browsers through.
 */
export const USER_AGENT = 'newsgate/0.1 (+https://github.com/newsgate/newsgate; feed fetcher)';

/** Prefers feed media types, then generic XML/JSON, then anything (many feeds are served as text/html). */
export const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, */*;q=0.5';

/** The encodings fetch-feed can decode (node:zlib). */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** Limits applied when the request does not set them (see FetchLimits for what each means). */
export const DEFAULT_FETCH_LIMITS: FetchLimits = Object.freeze({
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 20_000,
  totalTimeoutMs: 60_000,
  maxBodyBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
});

/** The request's limits over the defaults. */
export function resolveLimits(partial: Partial<FetchLimits> | undefined): FetchLimits {
  const out = { ...DEFAULT_FETCH_LIMITS };
  for (const key of Object.keys(out) as (keyof FetchLimits)[]) {
    const value = partial?.[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) out[key] = value;
  }
  return out;
}
