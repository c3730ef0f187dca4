/**
 * One fetch of one feed, with every limit of FetchLimits real: connect, headers and total
 * timeouts, a body cap after decompression, manual redirects (counted, loops caught, each hop
 * recorded), http/https only unless the feed allows `file:`, and no redirect to an internal
 * address on another origin (address-guard.ts). Conditional GET with the previous
 * validators. Never throws: every failure resolves as `failed` with a NewsgateError that tells
 * the operator what to do.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { NewsgateError } from '../../model/errors.ts';
import type { RedirectRecord } from '../../model/feed.ts';
import { checkHostBeforeProxy, connectGuard, type AddressPolicy } from './address-guard.ts';
import { buildHeaders, headersForRedirect } from './build-headers.ts';
import { resolveLimits } from './fetch-defaults.ts';
import {
  abortedError,
  httpStatusError,
  networkError,
  protocolError,
  redirectLoopError,
  timeoutError,
  tooLargeError,
  tooManyRedirectsError,
} from './fetch-errors.ts';
import type { FetchLimits, FetchRequest, FetchResult, FreshnessHints } from './fetch.types.ts';
import { freshnessFromHeaders } from './freshness.ts';
import { proxyFor } from './proxy.ts';
import { readCappedBody } from './read-body.ts';
import { readFileUrl } from './read-file.ts';
import { requestOnce } from './request-once.ts';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Fetches a feed. Always resolves; see the module comment. */
export async function fetchFeed(req: FetchRequest): Promise<FetchResult> {
  const started = performance.now();
  const limits = resolveLimits(req.limits);
  const controller = new AbortController();
  const cancel = (): void => controller.abort(abortedError(req.url, req.signal?.reason));
  if (req.signal?.aborted) cancel();
  else req.signal?.addEventListener('abort', cancel, { once: true });
  const totalTimer = setTimeout(() => controller.abort(timeoutError('total', req.url, limits.totalTimeoutMs)), limits.totalTimeoutMs);

  const trace = new Trace(req.url, started);
  try {
    return await run(req, limits, controller.signal, trace);
  } catch (err) {
    const error = err instanceof NewsgateError
      ? err
      : controller.signal.aborted && controller.signal.reason instanceof NewsgateError
        ? controller.signal.reason
        : networkError(err, trace.finalUrl);
    return { kind: 'failed', ...trace.base(), ...(trace.status === undefined ? {} : { status: trace.status }), error };
  } finally {
    clearTimeout(totalTimer);
    req.signal?.removeEventListener('abort', cancel);
  }
}

/** What the fetch has seen so far, so that a failure at any point still reports it. */
class Trace {
  finalUrl: string;
  status: number | undefined;
  freshness: FreshnessHints = {};
  readonly redirects: RedirectRecord[] = [];

  constructor(
    readonly requestedUrl: string,
    private readonly started: number,
  ) {
    this.finalUrl = requestedUrl;
  }

  /** The fields every FetchResult carries. */
  base(): { requestedUrl: string; finalUrl: string; redirects: RedirectRecord[]; freshness: FreshnessHints; durationMs: number } {
    return {
      requestedUrl: this.requestedUrl,
      finalUrl: this.finalUrl,
      redirects: this.redirects,
      freshness: this.freshness,
      durationMs: Math.round(performance.now() - this.started),
    };
  }
}

async function run(req: FetchRequest, limits: FetchLimits, signal: AbortSignal, p: Trace): Promise<FetchResult> {
  let current: URL;
  try {
    current = new URL(req.url);
  } catch {
    throw protocolError(req.url, 'invalid');
  }
  if (current.protocol === 'file:') {
    if (!req.allowFile) throw protocolError(req.url, 'file-not-allowed');
    return fetchFile(current, req, limits, signal, p);
  }
  if (current.protocol !== 'http:' && current.protocol !== 'https:') throw protocolError(req.url, 'scheme');

  let headers = buildHeaders(req);
  const visited = new Set([current.href]);
  // The URL the operator wrote is fetched as written; where redirects (and publisher links) lead is checked.
  const policy: AddressPolicy = { allowPrivateAddresses: req.allowPrivateAddresses ?? false, trustedOrigins: req.trustedOrigins ?? [current.origin] };
  for (;;) {
    // Through a proxy the proxy resolves the name: the guard checks it just before.
    const proxy = proxyFor(current, req.proxy);
    if (proxy !== null) await checkHostBeforeProxy(current, policy, req.resolver);
    const res = await requestOnce(current, {
      headers,
      connectTimeoutMs: limits.connectTimeoutMs,
      headersTimeoutMs: limits.headersTimeoutMs,
      signal,
      ...(proxy === null ? connectGuard(current, policy, req.resolver) : { proxy }),
    });
    const status = res.statusCode ?? 0;
    p.status = status;
    p.freshness = freshnessFromHeaders(pickFreshness(res.headers), new Date());
    const location = header(res.headers, 'location');
    if (REDIRECT_STATUSES.has(status) && location !== undefined) {
      res.destroy();
      const next = resolveLocation(location, current);
      p.redirects.push({ from: current.href, to: next.href, status, permanent: status === 301 || status === 308 });
      const chain = [req.url, ...p.redirects.map((r) => r.to)];
      if (next.protocol === 'file:') throw protocolError(next.href, 'file-via-redirect', current.href);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') throw protocolError(next.href, 'scheme', current.href);
      if (visited.has(next.href)) throw redirectLoopError(req.url, chain);
      if (p.redirects.length > limits.maxRedirects) throw tooManyRedirectsError(req.url, limits.maxRedirects, chain);
      visited.add(next.href);
      headers = headersForRedirect(headers, current, next);
      current = next;
      p.finalUrl = current.href;
      continue;
    }
    return answer(res, status, current, limits, signal, p);
  }
}

async function answer(res: IncomingMessage, status: number, url: URL, limits: FetchLimits, signal: AbortSignal, p: Trace): Promise<FetchResult> {
  const etag = header(res.headers, 'etag');
  const lastModified = header(res.headers, 'last-modified');
  const validators = { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
  if (status === 304) {
    res.destroy();
    return { kind: 'notModified', ...p.base(), status: 304, ...validators };
  }
  if (status < 200 || status > 299) {
    res.destroy();
    const error = httpStatusError(status, url.href, p.freshness.retryAfterSeconds);
    return { kind: 'failed', ...p.base(), status, error };
  }
  const declared = Number(header(res.headers, 'content-length'));
  if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
    res.destroy();
    throw tooLargeError(url.href, limits.maxBodyBytes, declared);
  }
  // The total timeout and the caller's abort also stop a body that trickles in.
  const onAbort = (): void => void res.destroy(signal.reason as Error);
  if (signal.aborted) onAbort();
  signal.addEventListener('abort', onAbort, { once: true });
  let body: Uint8Array;
  try {
    body = await readCappedBody(res, header(res.headers, 'content-encoding'), limits.maxBodyBytes, url.href);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  const contentType = header(res.headers, 'content-type');
  return { kind: 'modified', ...p.base(), status, body, ...(contentType ? { contentType } : {}), ...validators };
}

async function fetchFile(url: URL, req: FetchRequest, limits: FetchLimits, signal: AbortSignal, p: Trace): Promise<FetchResult> {
  try {
    const read = await readFileUrl(url, limits.maxBodyBytes, req.lastModified, signal);
    if (!read.body) return { kind: 'notModified', ...p.base(), status: 304, lastModified: read.lastModified };
    p.status = 200;
    return { kind: 'modified', ...p.base(), status: 200, body: read.body, lastModified: read.lastModified };
  } catch (err) {
    if (err instanceof NewsgateError || signal.aborted) throw err;
    throw networkError(err, url.href);
  }
}

function resolveLocation(location: string, base: URL): URL {
  try {
    return new URL(location, base);
  } catch {
    throw protocolError(location, 'invalid', base.href);
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

function pickFreshness(headers: IncomingHttpHeaders): Parameters<typeof freshnessFromHeaders>[0] {
  const out: Record<string, string> = {};
  for (const name of ['cache-control', 'expires', 'date', 'age', 'retry-after']) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
