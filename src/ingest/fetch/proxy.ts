/**
 * The outbound proxy, as curl and most tools read it from the environment: HTTPS_PROXY for
 * https: URLs, HTTP_PROXY for http: URLs, NO_PROXY for hosts reached directly. Plain HTTP goes
 * to the proxy in absolute form; HTTPS goes through a CONNECT tunnel, so TLS stays end to end.
 * Which proxy a URL takes is a pure decision (`proxyFor`); opening the tunnel is the only I/O.
 */
import http from 'node:http';
import type { Socket } from 'node:net';

/** The proxy variables (read by src/config/env.ts). */
export interface ProxySettings {
  readonly httpProxy?: string;
  readonly httpsProxy?: string;
  /** Comma-separated hosts, domains (`.example.com` or `example.com`), `host:port`, or `*`. */
  readonly noProxy?: string;
}

/** True when `noProxy` names the URL's host (or a parent domain of it), on any port or on its port. */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
  if (noProxy === undefined) return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
    if (!m) continue;
    const name = (m[1] as string).replace(/^\[|\]$/g, '').replace(/^\*?\./, '');
    if (m[2] !== undefined && m[2] !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** The proxy URL for `url`, or null when it is fetched directly. */
export function proxyFor(url: URL, settings: ProxySettings | undefined): URL | null {
  if (settings === undefined) return null;
  const proxy = url.protocol === 'https:' ? settings.httpsProxy : settings.httpProxy;
  if (!proxy || bypassesProxy(url, settings.noProxy)) return null;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`);
  } catch {
    return null;
  }
}

/** `Proxy-Authorization` for a proxy URL with credentials (`http://user:pass@proxy:3128`). */
export function proxyAuthorization(proxy: URL): Record<string, string> {
  if (proxy.username === '') return {};
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'Proxy-Authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}

/**
 * Opens a CONNECT tunnel through `proxy` to the URL's host and port; resolves with the raw
 * socket once the proxy answers 200. Rejects with the proxy's status otherwise.
 */
export function openTunnel(proxy: URL, target: URL, signal: AbortSignal): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const authority = `${target.hostname}:${target.port || 443}`;
    const req = http.request({
      host: proxy.hostname.replace(/^\[|\]$/g, ''),
      port: proxy.port || 80,
      method: 'CONNECT',
      path: authority,
      headers: { host: authority, ...proxyAuthorization(proxy) },
      agent: false,
    });
    const onAbort = (): void => void req.destroy(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
    signal.addEventListener('abort', onAbort, { once: true });
    req.once('connect', (res, socket) => {
      signal.removeEventListener('abort', onAbort);
      if (res.statusCode === 200) return resolve(socket);
      socket.destroy();
      reject(Object.assign(new Error(`the proxy ${proxy.host} refused to open a tunnel to ${authority} (HTTP ${res.statusCode})`), { code: 'EPROXY' }));
    });
    req.once('error', (err) => {
      signal.removeEventListener('abort', onAbort);
      reject(err);
    });
    req.end();
  });
}
