/**
 * One HTTP(S) GET up to the response headers, with its own connect and headers timeouts and a
 * cancel signal. Redirects, bodies and the total timeout belong to the caller. A fresh
 * connection per request (`agent: false`): feeds are polled minutes apart, so pooled sockets
 * would only go stale, and a fresh socket makes the connect timeout mean what it says.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import { timeoutError } from './fetch-errors.ts';

/** Limits and cancellation for {@link requestOnce}. */
export interface RequestOnceOptions {
  readonly headers: Readonly<Record<string, string>>;
  readonly connectTimeoutMs: number;
  readonly headersTimeoutMs: number;
  /** Aborting destroys the request with `signal.reason`. */
  readonly signal: AbortSignal;
  /** Resolves the host for the socket (the address guard's; the system lookup when absent). */
  readonly lookup?: LookupFunction;
}

/**
 * Sends the GET and resolves with the response once its headers are in; the body is left
 * unread for the caller. Rejects with FETCH_TIMEOUT (connect/headers), the abort reason, or the
 * raw transport error (ECONNREFUSED, ENOTFOUND, TLS, …) for the caller to word.
 */
export function requestOnce(url: URL, options: RequestOnceOptions): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) {
      reject(options.signal.reason);
      return;
    }
    const secure = url.protocol === 'https:';
    const mod = secure ? https : http;
    const req = mod.request(url, { method: 'GET', headers: options.headers, agent: false, ...(options.lookup ? { lookup: options.lookup } : {}) });
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
