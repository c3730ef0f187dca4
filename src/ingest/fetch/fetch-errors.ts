/**
 * The errors a feed fetch can end with, worded for the operator: what happened, to which URL,
 * and what to do about it. Each carries structured `details` (url, host, status, errno, limit)
 * for logs and GraphQL.
 */
import { ErrorCode, NewsgateError } from '../../model/errors.ts';

/** Which time limit fired. */
export type TimeoutPhase = 'connect' | 'headers' | 'total';

const TIMEOUT_TEXT: Record<TimeoutPhase, { what: string; setting: string }> = {
  // The names operators write in feeds.json (top-level "fetch", or the feed's own "fetch").
  connect: { what: 'No connection (TCP and TLS handshake) could be made', setting: 'fetch.connectTimeoutSeconds in feeds.json' },
  headers: { what: 'The server sent no response headers', setting: 'fetch.headersTimeoutSeconds in feeds.json' },
  total: { what: 'The fetch (redirects and body included) did not finish', setting: 'fetch.timeoutSeconds in feeds.json' },
};

/** A time limit that fired. */
export function timeoutError(phase: TimeoutPhase, url: string, limitMs: number): NewsgateError {
  const { what, setting } = TIMEOUT_TEXT[phase];
  return new NewsgateError(
    ErrorCode.FETCH_TIMEOUT,
    `${what} within ${limitMs} ms (${phase} timeout) for ${url}; the site may be down or slow. newsgate will retry with backoff; raise ${setting} if the site is just slow.`,
    { details: { url, phase, limitMs } },
  );
}

/** A body over the cap, seen from Content-Length or while streaming. */
export function tooLargeError(url: string, maxBytes: number, declaredBytes?: number): NewsgateError {
  const seen = declaredBytes === undefined ? 'its body grew past' : `it declares Content-Length ${declaredBytes}, over`;
  return new NewsgateError(
    ErrorCode.FETCH_TOO_LARGE,
    `The feed at ${url} is too large: ${seen} the cap of ${maxBytes} bytes (after decompression). Check that the URL is a feed and not a page or an archive; raise fetch.maxBodyMegabytes in feeds.json if it really is that large.`,
    { details: { url, maxBytes, ...(declaredBytes === undefined ? {} : { declaredBytes }) } },
  );
}

/** More hops than allowed. */
export function tooManyRedirectsError(url: string, maxRedirects: number, chain: readonly string[]): NewsgateError {
  return new NewsgateError(
    ErrorCode.FETCH_TOO_MANY_REDIRECTS,
    `More than ${maxRedirects} redirects starting at ${url} (${chain.join(' → ')}); set the feed's url to where it ends up, or raise fetch.maxRedirects in feeds.json.`,
    { details: { url, maxRedirects, chain } },
  );
}

/** A redirect back to a URL already visited. */
export function redirectLoopError(url: string, chain: readonly string[]): NewsgateError {
  return new NewsgateError(
    ErrorCode.FETCH_TOO_MANY_REDIRECTS,
    `Redirect loop starting at ${url} (${chain.join(' → ')}); the site is misconfigured or wants cookies: open the URL in a browser, and set the feed's url or headers accordingly.`,
    { details: { url, chain, loop: true } },
  );
}

/** A scheme newsgate will not fetch, or a URL that is not one. */
export function protocolError(url: string, reason: 'scheme' | 'file-not-allowed' | 'file-via-redirect' | 'invalid', from?: string): NewsgateError {
  const messages = {
    scheme: `Cannot fetch ${url}: only http and https URLs are fetched${from ? ` (redirected from ${from})` : ''}.`,
    'file-not-allowed': `Cannot fetch ${url}: file: URLs are read only for feeds that set "allowFile": true.`,
    'file-via-redirect': `Refused the redirect from ${from ?? '?'} to ${url}: a server may not redirect to a local file.`,
    invalid: `"${url}" is not a valid URL${from ? ` (Location header of ${from})` : ''}; write an absolute http(s) URL such as https://example.com/feed.xml.`,
  } as const;
  return new NewsgateError(ErrorCode.FETCH_PROTOCOL, messages[reason], { details: { url, reason, ...(from ? { from } : {}) } });
}

/** A non-2xx, non-304 answer, with advice for the statuses operators meet most. */
export function httpStatusError(status: number, url: string, retryAfterSeconds?: number): NewsgateError {
  let advice: string;
  if (status === 404) advice = 'not found: check the URL (the site may have moved its feed; look for a <link rel="alternate"> on its home page).';
  else if (status === 410) advice = 'gone: the site removed this feed; remove it from feeds.json or find its new URL.';
  else if (status === 401 || status === 403) advice = 'access denied: the site may need headers or a User-Agent; set `headers` on the feed.';
  else if (status === 429 || status === 503) {
    advice = retryAfterSeconds === undefined
      ? 'rate limited or unavailable; will retry with backoff.'
      : `rate limited or unavailable; will retry after ${retryAfterSeconds} s.`;
  } else if (status >= 500) advice = 'server error at the site; will retry with backoff.';
  else if (status >= 300 && status < 400) advice = 'a redirect without a usable Location header; open the URL in a browser and set the feed\'s url to the final address.';
  else advice = 'unexpected status; check the URL in a browser.';
  return new NewsgateError(ErrorCode.FETCH_HTTP_STATUS, `HTTP ${status} from ${url}: ${advice}`, {
    details: { url, status, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) },
  });
}

const ERRNO_HINTS: Record<string, string> = {
  ENOTFOUND: 'the host name does not resolve; check the URL for typos',
  EAI_AGAIN: 'DNS lookup failed temporarily; will retry',
  ECONNREFUSED: 'the connection was refused: nothing listens on that port, or the site is down',
  ECONNRESET: 'the server closed the connection; it may block automated clients (try `headers` with a User-Agent)',
  EPIPE: 'the server closed the connection while newsgate was writing',
  ETIMEDOUT: 'the network timed out',
  EHOSTUNREACH: 'the host is unreachable from this machine',
  ENETUNREACH: 'the network is unreachable from this machine',
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'the path is a directory, not a feed file',
  HPE_INVALID_CONSTANT: 'the server sent a malformed HTTP response',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the TLS certificate is not valid for this host name',
  CERT_HAS_EXPIRED: 'the TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the TLS certificate chain has a self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the TLS certificate chain is incomplete on the server',
};

/** A transport failure (DNS, TCP, TLS, malformed HTTP, file system), naming the host and errno. */
export function networkError(err: unknown, url: string): NewsgateError {
  const code = (err as { code?: unknown } | null)?.code;
  const errno = typeof code === 'string' ? code : 'UNKNOWN';
  let host = url;
  try {
    const parsed = new URL(url);
    host = parsed.protocol === 'file:' ? parsed.pathname : parsed.host;
  } catch {
    // keep the raw string
  }
  const hint = ERRNO_HINTS[errno] ?? (err instanceof Error ? err.message : String(err));
  return new NewsgateError(ErrorCode.FETCH_NETWORK, `Could not fetch ${url}: ${errno} at ${host}: ${hint}.`, {
    cause: err,
    details: { url, host, errno },
  });
}

/** The fetch was cancelled by its caller (shutdown, a newer refresh): no fault of the feed. */
export function abortedError(url: string, reason: unknown): NewsgateError {
  return new NewsgateError(ErrorCode.FETCH_NETWORK, `The fetch of ${url} was cancelled by newsgate (shutting down or superseded); it will run again on schedule.`, {
    cause: reason,
    details: { url, errno: 'ABORTED', aborted: true },
  });
}

/** A Content-Encoding the fetcher did not ask for and cannot decode. */
export function unsupportedEncodingError(url: string, encoding: string): NewsgateError {
  return new NewsgateError(
    ErrorCode.FETCH_NETWORK,
    `The server sent ${url} with Content-Encoding "${encoding}", which newsgate cannot decode (it asks for gzip, deflate or br); the server ignores Accept-Encoding.`,
    { details: { url, contentEncoding: encoding } },
  );
}

/** A compressed body that does not decompress. */
export function corruptBodyError(url: string, encoding: string, cause: unknown): NewsgateError {
  return new NewsgateError(
    ErrorCode.FETCH_NETWORK,
    `The ${encoding} body of ${url} does not decompress (${cause instanceof Error ? cause.message : String(cause)}); the server or a proxy corrupts it.`,
    { cause, details: { url, contentEncoding: encoding } },
  );
}
