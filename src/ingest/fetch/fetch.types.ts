/**
 * The contract of the fetch stage: one HTTP(S) GET of one feed, with every limit applied, that
 * never throws for a network or HTTP failure: it returns `failed` with a NewsgateError instead.
 */
import type { NewsgateError } from '../../model/errors.ts';
import type { RedirectRecord } from '../../model/feed.ts';
import type { Resolver } from './address-guard.ts';
import type { ProxySettings } from './proxy.ts';

export interface FetchLimits {
  /** Time to establish the TCP/TLS connection. Default 10 s. */
  readonly connectTimeoutMs: number;
  /** Time until response headers arrive. Default 20 s. */
  readonly headersTimeoutMs: number;
  /** Time for the whole exchange including the body. Default 60 s. */
  readonly totalTimeoutMs: number;
  /** Body cap in bytes after decompression. Default 10 MiB. */
  readonly maxBodyBytes: number;
  /** Default 5. */
  readonly maxRedirects: number;
}

export interface FetchRequest {
  readonly url: string;
  /** Validators from the previous fetch, for conditional GET. */
  readonly etag?: string;
  readonly lastModified?: string;
  /** Per-feed headers (override defaults, including User-Agent). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Allow `file:` URLs (per-feed opt-in). */
  readonly allowFile?: boolean;
  readonly limits?: Partial<FetchLimits>;
  readonly signal?: AbortSignal;
  /**
   * Let redirects reach loopback, private and link-local addresses on any origin (the
   * operator's `fetch.allowPrivateAddresses`). The trusted origins are always allowed.
   */
  readonly allowPrivateAddresses?: boolean;
  /**
   * Origins the operator configured, where internal addresses are allowed. Default: the origin
   * of `url` (a feed URL is fetched as the operator wrote it). A URL the publisher chose — an
   * article link fetched for full text — passes its feed's origin instead, so a feed cannot steer
   * the fetcher to an internal service by linking to it.
   */
  readonly trustedOrigins?: readonly string[];
  /** Host name resolver for the address guard (the system's by default; tests pass a fake one). */
  readonly resolver?: Resolver;
  /** HTTP(S)_PROXY / NO_PROXY (from src/config/env.ts); direct connections when absent. */
  readonly proxy?: ProxySettings;
}

/** HTTP caching hints the scheduler turns into the next fetch time. */
export interface FreshnessHints {
  /** Cache-Control max-age, seconds. */
  readonly maxAgeSeconds?: number;
  /** Expires header as an ISO instant. */
  readonly expiresAt?: string;
  /** Retry-After as seconds from now (429/503). */
  readonly retryAfterSeconds?: number;
}

interface FetchResultBase {
  /** The URL asked for. */
  readonly requestedUrl: string;
  /** The URL that answered, after redirects. */
  readonly finalUrl: string;
  readonly redirects: readonly RedirectRecord[];
  readonly freshness: FreshnessHints;
  readonly durationMs: number;
}

export interface FetchModified extends FetchResultBase {
  readonly kind: 'modified';
  readonly status: number;
  /** Decompressed body bytes. */
  readonly body: Uint8Array;
  readonly contentType?: string;
  readonly etag?: string;
  readonly lastModified?: string;
}

export interface FetchNotModified extends FetchResultBase {
  readonly kind: 'notModified';
  readonly status: 304;
  readonly etag?: string;
  readonly lastModified?: string;
}

export interface FetchFailed extends FetchResultBase {
  readonly kind: 'failed';
  /** HTTP status when the server answered; undefined for transport failures. */
  readonly status?: number;
  readonly error: NewsgateError;
}

export type FetchResult = FetchModified | FetchNotModified | FetchFailed;
