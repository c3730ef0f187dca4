/**
 * One HTTP(S) GET up to the response headers, with its own connect and headers timeouts and a
 * cancel signal. Redirects, bodies and the total timeout belong to the caller. A fresh
 * connection per request (`agent: false`): feeds are polled minutes apart, so pooled sockets
 * would only go stale, and a fresh socket makes the connect timeout mean what it says.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import tls from 'node:tls';
import { timeoutError } from './fetch-errors.ts';
import { openTunnel, proxyAuthorization } from './proxy.ts';

/** Limits and cancellation for {@link requestOnce}. */
export interface RequestOnceOptions {
  readonly headers: Readonly<Record<string, string>>;
  readonly connectTimeoutMs: number;
  readonly headersTimeoutMs: number;
  /** Aborting destroys the request with `signal.reason`. */
  readonly signal: AbortSignal;
  /** Resolves the host for the socket (the address guard's; the system lookup when absent). */
  readonly lookup?: LookupFunction;
  /** The outbound proxy for this URL (proxy.ts `proxyFor`), or null/absent to connect directly. */
  readonly proxy?: URL | null;
}

/**
 * Like {@link send}, through the proxy when one is given: HTTPS over a CONNECT tunnel opened
 * within the connect timeout, plain HTTP in absolute form to the proxy.
 */
export async function requestOnce(url: URL, options: RequestOnceOptions): Promise<http.IncomingMessage> {
  const proxy = options.proxy ?? null;
  if (proxy === null) return send(url, options, undefined);
  if (url.protocol === 'http:') {
    return send(url, options, {
      host: proxy.hostname.replace(/^\[|\]$/g, ''),
      port: proxy.port || 80,
      path: url.href,
      headers: { ...options.headers, host: url.host, ...proxyAuthorization(proxy) },
    });
  }
  const tunnel = new AbortController();
  const onAbort = (): void => tunnel.abort(options.signal.reason);
  options.signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => tunnel.abort(timeoutError('connect', url.href, options.connectTimeoutMs)), options.connectTimeoutMs);
  let socket: Socket;
  try {
    socket = await openTunnel(proxy, url, tunnel.signal);
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', onAbort);
  }
  const servername = url.hostname.replace(/^\[|\]$/g, '');
  return send(url, options, { createConnection: () => tls.connect({ socket, servername }) });
}

/**
 * Sends the GET and resolves with the response once its headers are in; the body is left
 * unread for the caller. Rejects with FETCH_TIMEOUT (connect/headers), the abort reason, or the
 * raw transport error (ECONNREFUSED, ENOTFOUND, TLS, …) for the caller to word.
 */
function send(url: URL, options: RequestOnceOptions, via: http.RequestOptions | undefined): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) {
      reject(options.signal.reason);
      return;
    }
    const secure = url.protocol === 'https:' && via?.path === undefined;
    const base: http.RequestOptions = { method: 'GET', headers: options.headers, agent: false, ...(options.lookup ? { lookup: options.lookup } : {}) };
    const req = via?.path !== undefined
      ? http.request({ ...base, ...via }) // plain HTTP to the proxy, absolute URL as the path
      : (secure ? https : http).request(url, { ...base, ...via });
    const timers: NodeJS.Timeout[] = [];
    const clear = (): void => {
      for (const t of timers) clearTimeout(t);
      options.signal.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      req.destroy(options.signal.reason instanceof Error ? options.signal.reason : new Error(String(options.signal.reason)));
    };
    options.signal.addEventListener('abort', onAbort, { once: true });

    timers.push(setTimeout(() => req.destroy(timeoutError('headers', url.href, options.headersTimeoutMs)), options.headersTimeoutMs));
    req.once('socket', (socket: Socket) => {
      const connectedEvent = secure ? 'secureConnect' : 'connect';
      if (!socket.connecting) return;
      const timer = setTimeout(() => req.destroy(timeoutError('connect', url.href, options.connectTimeoutMs)), options.connectTimeoutMs);
      timers.push(timer);
      socket.once(connectedEvent, () => clearTimeout(timer));
    });
    req.once('response', (res) => {
      clear();
      // From here on failures surface on the response stream; keep late request errors from going unhandled.
      req.on('error', () => undefined);
      resolve(res);
    });
    req.once('error', (err) => {
      clear();
      reject(err);
    });
    req.end();
  });
}
