/**
 * The one typed, frozen configuration every other part of newsgate receives. Built only by
 * `loadConfig` (src/config/load-config.ts): nothing else reads `process.env` or `feeds.json`.
 */
import type { FeedConfig } from '../model/feed.ts';
import type { ProductionSettings } from './production-env.ts';
import type { ProxySettings } from '../ingest/fetch/proxy.ts';
import type { SavedSearchSpec } from '../model/saved-search.ts';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Fetcher limits and politeness, from the `fetch` section of feeds.json. */
export interface FetchSettings {
  readonly totalTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly maxBodyBytes: number;
  readonly maxRedirects: number;
  readonly concurrency: number;
  readonly perHostConcurrency: number;
  readonly perHostSpacingMs: number;
  readonly minIntervalMinutes: number;
  readonly maxIntervalMinutes: number;
  readonly userAgent?: string;
  /** Redirects may reach loopback/private/link-local addresses on origins not in feeds.json. Default false. */
  readonly allowPrivateAddresses: boolean;
}

/** From the `retention` section: what the store prunes. */
export interface RetentionSettings {
  readonly maxAgeDays?: number;
  readonly maxArticlesPerFeed?: number;
}

/** What `feeds.json` yields after validation and defaults. */
export interface FeedsSettings {
  /** Absolute path of the file read. */
  readonly file: string;
  readonly feeds: readonly FeedConfig[];
  readonly fetch: FetchSettings;
  readonly retention: RetentionSettings;
  /** Absolute paths of extra dictionary files. */
  readonly dictionaries: readonly string[];
  /** Saved searches declared in the file (`searches`), read-only through the API; absent: none. */
  readonly searches?: readonly SavedSearchSpec[];
}

/** What the environment yields (CORS, query limits and tracing in {@link ProductionSettings}). */
export interface EnvSettings extends ProductionSettings {
  readonly port: number;
  readonly host: string;
  readonly feedsFile: string;
  readonly storeUrl: string;
  readonly logLevel: LogLevel;
  readonly adminToken?: string;
  /** `POLL=false` serves the stored articles without fetching (read-only replicas, demos). */
  readonly poll: boolean;
  /** `RESPONSE_CACHE=off` turns off Apollo's response cache. */
  readonly responseCache: boolean;
  /** WEBHOOK_SECRET: the HMAC-SHA256 key saved-search webhooks are signed with; without it none is sent. */
  readonly webhookSecret?: string;
  /**
   * `CACHE_URL`: where the response cache lives: `memory://` (default, per process) or
   * `redis://…` (shared by replicas, so one replica's cached answer serves all).
   */
  readonly cacheUrl: string;
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY (or their lower-case spellings) for fetching feeds; absent when none is set. */
  readonly proxy?: ProxySettings;
}

export interface Config extends EnvSettings {
  readonly feeds: FeedsSettings;
}
