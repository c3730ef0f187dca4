/**
 * Per-request context for logs and metrics. Every request gets an id — the caller's
 * `x-request-id` when it is a sane token (so a proxy's id follows the request through), else a
 * new UUID — echoed in the response's `x-request-id`. The id is held in an AsyncLocalStorage for
 * the life of the request, and the process logger's pino `mixin` adds it as `reqId` to every log
 * line written while handling it, in any module (GraphQL errors, store, pipeline), without
 * threading a child logger through every call. When the response is finished, the request is
 * counted and timed by route, and logged at debug level.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';

const requests = new AsyncLocalStorage<{ readonly reqId: string }>();

/** For pino's `mixin`: the current request's id, or nothing outside a request. */
export function requestLogFields(): object {
  return requests.getStore() ?? {};
}

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return requests.getStore()?.reqId;
}

/** An `x-request-id` worth keeping: a short token of safe characters (it goes into logs). */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The routes metrics are labelled with (a fixed set: paths are client-chosen, labels must not be). */
const ROUTES = new Set(['/graphql', '/health', '/healthz', '/readyz', '/metrics']);
export function routeLabel(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0]!;
  if (ROUTES.has(path)) return path;
  if (path.startsWith('/graphql/assets/')) return '/graphql/assets';
  return 'other';
}

/** Wraps the server's handler with the request id, the access log line and the HTTP metrics. */
export function withRequestContext(
  deps: { readonly logger: Logger; readonly metrics: Pick<Metrics, 'httpRequests' | 'httpSeconds'> },
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): RequestListener {
  return (req, res) => {
    const given = req.headers['x-request-id'];
    const reqId = typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', reqId);
    const started = performance.now();
    res.once('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      const route = routeLabel(req.url);
      const method = req.method ?? 'GET';
      deps.metrics.httpRequests.inc({ route, method, status: String(res.statusCode) });
      deps.metrics.httpSeconds.observe({ route, method }, seconds);
      if (deps.logger.isLevelEnabled('debug')) {
        requests.run({ reqId }, () => deps.logger.debug({ method, url: req.url, status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request'));
      }
    });
    requests.run({ reqId }, () => handler(req, res));
  };
}
