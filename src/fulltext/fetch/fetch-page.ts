/**
 * One fetch of an article's page, through the fetcher feeds use (src/ingest/fetch: limits,
 * redirects, the address rules) with the feed's request (User-Agent, headers), under the same
 * host limiter as the feeds when one is given, and decoded like feeds (src/ingest/decode, with
 * `<meta charset>`). Never throws: a failure is a NewsgateError the feed's state can keep.
 */
import type { FetchSettings } from '../../config/config.types.ts';
import { decodePage } from '../../ingest/decode/decode-page.ts';
import { fetchFeed } from '../../ingest/fetch/fetch-feed.ts';
import { requestForFeed } from '../../ingest/fetch/request-for-feed.ts';
import { asNewsgateError, ErrorCode, NewsgateError } from '../../model/errors.ts';
import type { FeedConfig } from '../../model/feed.ts';
import type { ProxySettings } from '../../ingest/fetch/proxy.ts';

/** Web pages first; some sites answer feeds' Accept with a feed. */
export const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/** Runs a request when the per-host limits allow (src/ingest/fetch/host-limiter.ts). */
export interface PageLimiter {
  run<T>(url: string, task: () => Promise<T>): Promise<T>;
}

export type PageResult =
  | { readonly kind: 'page'; readonly html: string; readonly finalUrl: string; readonly encoding: string }
  | { readonly kind: 'failed'; readonly error: NewsgateError };

function trustedOriginsOf(feedUrl: string): string[] {
  try {
    const origin = new URL(feedUrl).origin;
    return origin === 'null' ? [] : [origin];
  } catch {
    return [];
  }
}

/** Fetches and decodes the page at `url` for `feed`. */
export async function fetchPage(
  url: string,
  feed: FeedConfig,
  settings: FetchSettings,
  options: { limiter?: PageLimiter; signal?: AbortSignal; proxy?: ProxySettings } = {},
): Promise<PageResult> {
  // A page link is the publisher's, never the operator's: `file:` is refused even for a feed
  // that may itself be a file (allowFile), so an item cannot make newsgate read local files;
  // internal addresses are reached only on the feed's own origin.
  const request = requestForFeed(url, { ...feed, allowFile: false }, settings, {
    headers: { Accept: PAGE_ACCEPT },
    trustedOrigins: trustedOriginsOf(feed.url),
    ...(options.proxy ? { proxy: options.proxy } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const run = () => fetchFeed(request);
  const result = await (options.limiter ? options.limiter.run(url, run) : run());
  if (result.kind === 'failed') return { kind: 'failed', error: result.error };
  if (result.kind === 'notModified') {
    return { kind: 'failed', error: new NewsgateError(ErrorCode.FETCH_HTTP_STATUS, `${url} answered 304 Not Modified to a request without validators.`) };
  }
  try {
    const decoded = decodePage(result.body, result.contentType, settings.maxBodyBytes);
    return { kind: 'page', html: decoded.text, finalUrl: result.finalUrl, encoding: decoded.encoding };
  } catch (err) {
    return { kind: 'failed', error: asNewsgateError(err, ErrorCode.DECODE_FAILED) };
  }
}
