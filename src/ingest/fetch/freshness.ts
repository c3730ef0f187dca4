/**
 * HTTP caching and retry headers turned into the hints the scheduler plans with
 * (RFC 9111 Cache-Control/Expires/Age, RFC 9110 Retry-After). Pure: `now` is passed in.
 */
import type { FreshnessHints } from './fetch.types.ts';

/** The Cache-Control directives that matter for polling. */
export interface CacheControl {
  readonly maxAge?: number;
  readonly sMaxAge?: number;
  readonly noCache: boolean;
  readonly noStore: boolean;
}

/** Parses a Cache-Control header; malformed or negative ages are ignored, not guessed. */
export function parseCacheControl(value: string | undefined): CacheControl {
  const out: { maxAge?: number; sMaxAge?: number; noCache: boolean; noStore: boolean } = { noCache: false, noStore: false };
  if (!value) return out;
  for (const part of value.split(',')) {
    const [rawName, ...rest] = part.split('=');
    const name = (rawName ?? '').trim().toLowerCase();
    const arg = rest.join('=').trim().replace(/^"|"$/g, '');
    if (name === 'no-cache') out.noCache = true;
    else if (name === 'no-store') out.noStore = true;
    else if (name === 'max-age' || name === 's-maxage') {
      if (!/^\d+$/.test(arg)) continue;
      const seconds = Number(arg);
      if (name === 'max-age') out.maxAge = seconds;
      else out.sMaxAge = seconds;
    }
  }
  return out;
}

/**
 * An HTTP date (IMF-fixdate, RFC 850 or asctime, all of which Date.parse reads), or undefined
 * for anything else ("0", "-1", garbage), which caches must treat as already expired.
 */
export function parseHttpDate(value: string | undefined): Date | undefined {
  if (!value || /^\s*-?\d+\s*$/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/**
 * Retry-After as whole seconds from `now`: delay-seconds as given, or an HTTP date minus the
 * server's clock (`serverDate`, else `now`), never negative. Undefined when unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: Date, serverDate?: Date): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = parseHttpDate(trimmed);
  if (!at) return undefined;
  const reference = serverDate ?? now;
  return Math.max(0, Math.ceil((at.getTime() - reference.getTime()) / 1000));
}

/** The response headers freshness is read from (lower-case names, as node:http gives them). */
export interface FreshnessHeaders {
  readonly 'cache-control'?: string;
  readonly expires?: string;
  readonly date?: string;
  readonly age?: string;
  readonly 'retry-after'?: string;
}

/**
 * The hints of one response. newsgate is a shared cache for its users, so `s-maxage` wins over
 * `max-age`; `no-cache`/`no-store` give max-age 0 (no reason to wait beyond the feed's interval);
 * `Age` is subtracted; Expires counts only without max-age, and is moved from the server's clock
 * to ours via the Date header.
 */
export function freshnessFromHeaders(headers: FreshnessHeaders, now: Date): FreshnessHints {
  const hints: { maxAgeSeconds?: number; expiresAt?: string; retryAfterSeconds?: number } = {};
  const cc = parseCacheControl(headers['cache-control']);
  const serverDate = parseHttpDate(headers.date);
  const age = /^\s*\d+\s*$/.test(headers.age ?? '') ? Number(headers.age) : 0;
  if (cc.noCache || cc.noStore) {
    hints.maxAgeSeconds = 0;
  } else if (cc.sMaxAge !== undefined || cc.maxAge !== undefined) {
    hints.maxAgeSeconds = Math.max(0, (cc.sMaxAge ?? cc.maxAge ?? 0) - age);
  } else {
    const expires = parseHttpDate(headers.expires);
    if (expires) {
      const lifetimeMs = expires.getTime() - (serverDate ?? now).getTime();
      if (lifetimeMs > 0) hints.expiresAt = new Date(now.getTime() + lifetimeMs).toISOString();
    }
  }
  const retryAfter = parseRetryAfter(headers['retry-after'], now, serverDate);
  if (retryAfter !== undefined) hints.retryAfterSeconds = retryAfter;
  return hints;
}
