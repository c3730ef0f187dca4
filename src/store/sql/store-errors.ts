/**
 * Database errors as NewsgateErrors: anything that means "the database cannot be reached or
 * written now" (connection refused or lost, timeouts, a locked or full SQLite file) becomes
 * STORE_UNAVAILABLE, which /health, the scheduler and GraphQL clients understand as "retry
 * later"; anything else is INTERNAL (a bug), with the database's message kept.
 */
import { ErrorCode, NewsgateError } from '../../model/errors.ts';

const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED']);
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|PROTOCOL|NOMEM)/;

/** True when `err` says the database is out of reach (or too busy) rather than the query wrong. */
export function isUnavailableError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : String(err);
  if (NET_CODES.has(code) || SQLITE_UNAVAILABLE.test(code)) return true;
  // PostgreSQL SQLSTATE classes: 08 connection, 53 resources, 57 operator intervention (incl. 57014 timeout), 3D000 no database.
  if (/^(08|53|57)/.test(code) || code === '3D000') return true;
  return /timeout|timed out|terminat|Connection ended|connection error|not open|closed|ECONNREFUSED/i.test(message);
}

/** STORE_UNAVAILABLE for `what` at `where`, with the cause's message. */
export function storeUnavailable(where: string, what: string, cause: unknown): NewsgateError {
  const why = cause instanceof Error ? cause.message || cause.name : String(cause);
  return new NewsgateError(
    ErrorCode.STORE_UNAVAILABLE,
    `Could not ${what} in the store at ${where}: ${why}. Check that the database is reachable (GET /health); newsgate retries by itself.`,
    { cause, details: { url: where } },
  );
}

/** The NewsgateError for a failed database call (passes NewsgateErrors through). */
export function databaseError(where: string, what: string, cause: unknown): NewsgateError {
  if (cause instanceof NewsgateError) return cause;
  if (isUnavailableError(cause)) return storeUnavailable(where, what, cause);
  const why = cause instanceof Error ? cause.message : String(cause);
  return new NewsgateError(ErrorCode.INTERNAL, `Could not ${what} in the store at ${where}: ${why}.`, { cause, details: { url: where } });
}
