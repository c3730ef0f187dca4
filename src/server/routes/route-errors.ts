/**
 * How the plain-HTTP routes (search feeds, exports) answer a mistake: JSON
 * `{ "error": { "code", "message", "details" } }` with the status that fits the code — the
 * same code and words GraphQL would give, so a client handles both alike.
 */
import type http from 'node:http';
import { asNewsgateError, ErrorCode } from '../../model/errors.ts';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.STORE_UNAVAILABLE]: 503,
};

/** Sends `err` as JSON, or (when the body already started) cuts the response so the client sees it is incomplete. */
export function sendRouteError(res: http.ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.destroy(err instanceof Error ? err : undefined);
    return;
  }
  const e = asNewsgateError(err);
  const status = STATUS[e.code] ?? 500;
  const body = status === 500 ? { code: ErrorCode.INTERNAL, message: 'internal error; see the server log', details: {} } : e.toJSON();
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ error: body }));
}

/** The origin clients reached this server at (for the feeds' self links). */
export function requestOrigin(req: http.IncomingMessage): string {
  const proto = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() || 'http';
  const host = req.headers.host ?? '127.0.0.1';
  return `${proto === 'https' ? 'https' : 'http'}://${host}`;
}
