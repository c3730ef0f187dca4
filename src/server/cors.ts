/**
 * CORS by the Fetch standard, for the API (/graphql) and the other GET routes, so browser apps
 * on another origin can call newsgate. Allowed origins come from `CORS_ORIGINS`; by default
 * none (same-origin only: the playground, served from newsgate itself, needs no CORS).
 * - A preflight (OPTIONS with Origin and Access-Control-Request-Method) from an allowed origin
 *   gets 204 with Access-Control-Allow-Origin (the origin echoed, or `*`), -Allow-Methods,
 *   -Allow-Headers (the headers the request asked for, so `authorization` and `content-type`
 *   pass), -Max-Age, and Vary; from another origin, 403 without any Access-Control header.
 * - An actual request from an allowed origin gets Access-Control-Allow-Origin and
 *   Access-Control-Expose-Headers; every response varies on Origin when the answer depends on it.
 * No credentials mode: newsgate uses no cookies (mutations take a bearer token).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsOrigins } from '../config/production-env.ts';

/** How long a browser may reuse a preflight answer (seconds; browsers cap it at 2 h or less). */
export const PREFLIGHT_MAX_AGE_S = 600;
const ALLOW_METHODS = 'GET, HEAD, POST, OPTIONS';
/** Response headers scripts on other origins may read. */
const EXPOSE_HEADERS = 'x-request-id';

/** The Access-Control-Allow-Origin value for `origin`, or undefined when it is not allowed. */
export function allowedOrigin(policy: CorsOrigins, origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  if (policy === '*') return '*';
  return policy.includes(origin.toLowerCase()) ? origin : undefined;
}

/**
 * The handler: answers preflights (resolves true) and adds the CORS headers of the actual
 * response to `res` for everything else (resolves false so routing goes on).
 */
export function createCors(policy: CorsOrigins): (req: IncomingMessage, res: ServerResponse) => boolean {
  const varies = policy !== '*';
  return (req, res) => {
    const origin = req.headers.origin;
    const allow = allowedOrigin(policy, origin);
    const preflight = req.method === 'OPTIONS' && origin !== undefined && req.headers['access-control-request-method'] !== undefined;
    if (preflight) {
      if (allow === undefined) {
        const body = JSON.stringify({ error: `origin ${origin} is not allowed: add it to CORS_ORIGINS (a comma list, or *) to call newsgate from that page` });
        res.writeHead(403, { 'content-type': 'application/json', vary: 'Origin', 'content-length': Buffer.byteLength(body) });
        res.end(body);
        return true;
      }
      const requested = req.headers['access-control-request-headers'];
      res.writeHead(204, {
        'access-control-allow-origin': allow,
        'access-control-allow-methods': ALLOW_METHODS,
        ...(requested ? { 'access-control-allow-headers': requested } : {}),
        'access-control-max-age': String(PREFLIGHT_MAX_AGE_S),
        vary: varies ? 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers' : 'Access-Control-Request-Method, Access-Control-Request-Headers',
        'content-length': '0',
      });
      res.end();
      return true;
    }
    if (varies) res.setHeader('vary', 'Origin');
    if (allow !== undefined) {
      res.setHeader('access-control-allow-origin', allow);
      res.setHeader('access-control-expose-headers', EXPOSE_HEADERS);
    }
    return false;
  };
}
