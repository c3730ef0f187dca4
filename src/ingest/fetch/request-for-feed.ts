/**
 * The fetch request of a feed's URLs, the feed document and (full text) its pages alike: the
 * configured limits, the configured User-Agent, then the feed's own headers over it. Stated
 * once so that a page is fetched with exactly the politeness and limits of its feed.
 */
import type { FetchSettings } from '../../config/config.types.ts';
import type { FeedConfig } from '../../model/feed.ts';
import type { Resolver } from './address-guard.ts';
import type { FetchRequest } from './fetch.types.ts';
import type { ProxySettings } from './proxy.ts';

/**
 * A request for `url` on behalf of `feed`: the feed's own `fetch` settings over the shared ones;
 * `extra` (Accept, validators) goes under the feed's headers. The address guard's setting
 * (`allowPrivateAddresses`) travels with it, so a page is held to the same rule as its feed.
 */
export function requestForFeed(
  url: string,
  feed: Pick<FeedConfig, 'headers' | 'allowFile' | 'fetch'>,
  shared: FetchSettings,
  extra: {
    headers?: Readonly<Record<string, string>>;
    etag?: string;
    lastModified?: string;
    signal?: AbortSignal;
    resolver?: Resolver;
    proxy?: ProxySettings;
    /** See FetchRequest.trustedOrigins: pages pass their feed's origin. */
    trustedOrigins?: readonly string[];
  } = {},
): FetchRequest {
  const settings: FetchSettings = feed.fetch ? { ...shared, ...feed.fetch } : shared;
  return {
    url,
    ...(extra.etag ? { etag: extra.etag } : {}),
    ...(extra.lastModified ? { lastModified: extra.lastModified } : {}),
    headers: { ...(settings.userAgent ? { 'User-Agent': settings.userAgent } : {}), ...extra.headers, ...feed.headers },
    allowFile: feed.allowFile,
    limits: {
      connectTimeoutMs: settings.connectTimeoutMs,
      headersTimeoutMs: settings.headersTimeoutMs,
      totalTimeoutMs: settings.totalTimeoutMs,
      maxBodyBytes: settings.maxBodyBytes,
      maxRedirects: settings.maxRedirects,
    },
    allowPrivateAddresses: settings.allowPrivateAddresses,
    ...(extra.trustedOrigins ? { trustedOrigins: extra.trustedOrigins } : {}),
    ...(extra.resolver ? { resolver: extra.resolver } : {}),
    ...(extra.proxy ? { proxy: extra.proxy } : {}),
    ...(extra.signal ? { signal: extra.signal } : {}),
  };
}
