/**
 * The request headers of a feed fetch: newsgate's defaults, the feed's own headers over them
 * (matched case-insensitively, so `user-agent` replaces `User-Agent`), and the validators of
 * the previous fetch for a conditional GET.
 */
import { ACCEPT, ACCEPT_ENCODING, USER_AGENT } from './fetch-defaults.ts';

/** Headers that carry credentials: not forwarded when a redirect leaves the origin. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

/** Inputs of {@link buildHeaders}. */
export interface HeaderInputs {
  readonly headers?: Readonly<Record<string, string>>;
  readonly etag?: string;
  readonly lastModified?: string;
}

/** Defaults, then per-feed overrides, then If-None-Match / If-Modified-Since. */
export function buildHeaders(inputs: HeaderInputs): Record<string, string> {
  const out = new Map<string, [string, string]>();
  const set = (name: string, value: string): void => {
    out.set(name.toLowerCase(), [name, value]);
  };
  set('User-Agent', USER_AGENT);
  set('Accept', ACCEPT);
  set('Accept-Encoding', ACCEPT_ENCODING);
  for (const [name, value] of Object.entries(inputs.headers ?? {})) set(name, value);
  if (inputs.etag) set('If-None-Match', inputs.etag);
  if (inputs.lastModified) set('If-Modified-Since', inputs.lastModified);
  return Object.fromEntries([...out.values()]);
}

/** The headers to send after a redirect from `from` to `to`: credentials dropped across origins. */
export function headersForRedirect(headers: Readonly<Record<string, string>>, from: URL, to: URL): Record<string, string> {
  if (from.origin === to.origin) return { ...headers };
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.has(name.toLowerCase())));
}
