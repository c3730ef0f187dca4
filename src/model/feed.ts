/**
 * A feed as the operator configured it (validated by src/config) and as newsgate keeps its
 * health. Plain data: no behaviour, so that every stage can pass it around.
 */

/** One entry of `feeds.json` after validation and defaults. */
export interface FeedConfig {
  /** Stable slug chosen by the operator; part of every article id. */
  readonly id: string;
  readonly url: string;
  /** Overrides the feed's own title. */
  readonly title?: string;
  /** Added to every article's tags, and matched against topic rules. */
  readonly tags: readonly string[];
  /** Region ids every article of this feed is about (e.g. a local outlet: ["IQ"]). */
  readonly regions: readonly string[];
  /** ISO 639-1 language to assume when the feed and item say none. */
  readonly language?: string;
  readonly intervalMinutes: number;
  readonly enabled: boolean;
  /** Extra request headers (cookies, a User-Agent for sites behind a WAF). */
  readonly headers: Readonly<Record<string, string>>;
  /** IANA zone for dates that carry none (default UTC). */
  readonly timezone?: string;
  /** Allow `file:` URLs for this feed (local testing, mirrored feeds). */
  readonly allowFile: boolean;
  /** Fetch each new item's page for the article text (absent: use the feed's text as it is). */
  readonly fullText?: FullTextRule;
  /** This feed's own fetch settings (`feeds[].fetch`), over the top-level ones; absent when it sets none. */
  readonly fetch?: FeedFetchOverrides;
}

/**
 * How a feed's pages are turned into article text: automatic extraction (Readability) when
 * `selector` is absent, else the elements it matches; `remove` is taken out of the page first.
 */
export interface FullTextRule {
  readonly selector?: string;
  readonly remove: readonly string[];
}

/**
 * Why a fetched page was not used and the feed's text was kept: a cookie/consent wall, an
 * "enable JavaScript" page, a paywall, a page much shorter than the feed's text, no article
 * text found, or the fetch itself failed (HTTP error, timeout, too large…).
 */
export type FullTextKeptReason = 'consent' | 'javascript' | 'paywall' | 'short' | 'empty' | 'fetch';

/**
 * How full-text fetching goes for one feed, kept with its FeedState (optional: states written
 * before full text existed have none). Counts are since the feed's full text was first fetched.
 */
export interface FullTextCounters {
  /** Pages fetched whose article text replaced the feed's. */
  fetched: number;
  /** Articles that kept the feed's text (sum of `kept`). */
  failed: number;
  /** `failed` by reason. */
  kept: Partial<Record<FullTextKeptReason, number>>;
  lastError?: FeedErrorRecord;
  /** Articles queued but not yet done (resumed after a restart), at most a few hundred ids. */
  pending?: string[];
}

/** Fetch settings one feed may set for itself (the rest are shared by all feeds). */
export interface FeedFetchOverrides {
  readonly totalTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
  readonly headersTimeoutMs?: number;
  readonly maxBodyBytes?: number;
  readonly maxRedirects?: number;
  readonly minIntervalMinutes?: number;
  readonly maxIntervalMinutes?: number;
  readonly userAgent?: string;
  /** Redirects may reach internal addresses on other origins (see src/ingest/fetch/address-guard.ts). */
  readonly allowPrivateAddresses?: boolean;
}

/** Formats the parser recognises, named after what the document declares. */
export type FeedFormat = 'rss0.9x' | 'rss1.0' | 'rss2.0' | 'atom0.3' | 'atom1.0' | 'json1.0' | 'json1.1';

/** Feed-level health shown on `feeds` in GraphQL and persisted with the HTTP state. */
export type FeedStatus = 'NEW' | 'OK' | 'FAILING' | 'BACKING_OFF' | 'DISABLED';

/** A redirect seen while fetching; permanent ones are reported so the operator can update the URL. */
export interface RedirectRecord {
  readonly from: string;
  readonly to: string;
  readonly status: number;
  readonly permanent: boolean;
}

/** The error kept on a feed: a code, the human message, when. */
export interface FeedErrorRecord {
  readonly code: string;
  readonly message: string;
  readonly at: string;
}

/**
 * Everything newsgate remembers about a feed between fetches and restarts: the HTTP
 * validators for conditional GET, the schedule, and the health counters.
 */
export interface FeedState {
  readonly feedId: string;
  /** The URL these validators belong to; a changed URL in config fetches unconditionally. */
  feedUrl?: string;
  etag?: string;
  lastModified?: string;
  /** ISO instant of the last attempt (success or not). */
  lastFetchAt?: string;
  /** ISO instant of the last 200 or 304. */
  lastSuccessAt?: string;
  lastStatus?: number;
  lastError?: FeedErrorRecord;
  consecutiveFailures: number;
  /** ISO instant of the next planned fetch. */
  nextFetchAt?: string;
  /** Permanent redirects seen on the last fetch. */
  redirects: RedirectRecord[];
  /** From the document: its own title, site link, language and format. */
  title?: string;
  siteUrl?: string;
  language?: string;
  format?: FeedFormat;
  encoding?: string;
  /** Warnings of the last parse (ill-formed XML recovered, bad dates, …). */
  warnings: string[];
  /** Full-text fetching of the feed's pages, when it is on (or was). */
  fullText?: FullTextCounters;
}

/** A fresh state for a feed never fetched. */
export function emptyFeedState(feedId: string): FeedState {
  return { feedId, consecutiveFailures: 0, redirects: [], warnings: [] };
}

/** How the feed's warning names each reason, in the order it lists them. */
const KEPT_LABELS: Readonly<Record<FullTextKeptReason, readonly [one: string, many: string]>> = {
  consent: ['consent wall', 'consent walls'],
  javascript: ['"enable JavaScript" page', '"enable JavaScript" pages'],
  paywall: ['paywall', 'paywalls'],
  short: ['page much shorter than the feed\'s text', 'pages much shorter than the feed\'s text'],
  empty: ['page with no article text', 'pages with no article text'],
  fetch: ['page not fetched', 'pages not fetched'],
};

/**
 * The warning a feed carries while some of its articles kept the feed's text, saying which
 * causes and how many (e.g. `Full text: kept the feed's text for 2 of 5 articles: 1 consent
 * wall, 1 page not fetched. Last: …`); undefined when every page worked.
 */
export function fullTextWarning(counters: FullTextCounters | undefined): string | undefined {
  if (!counters || counters.failed === 0) return undefined;
  const parts = (Object.keys(KEPT_LABELS) as FullTextKeptReason[])
    .filter((reason) => (counters.kept[reason] ?? 0) > 0)
    .map((reason) => {
      const count = counters.kept[reason] ?? 0;
      return `${count} ${KEPT_LABELS[reason][count === 1 ? 0 : 1]}`;
    });
  const total = counters.fetched + counters.failed;
  const last = counters.lastError ? ` Last: ${counters.lastError.message}` : '';
  return `Full text: kept the feed's text for ${counters.failed} of ${total} article${total === 1 ? '' : 's'}: ${parts.join(', ')}.${last}`;
}
