/**
 * The one check mutations that change state make: the request must carry
 * `Authorization: Bearer <ADMIN_TOKEN>`. Compared in constant time; with no ADMIN_TOKEN
 * configured, nobody may change state through the API.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import type { Context } from './context.ts';

/** Compares digests, so neither the content nor the length of the token leaks through timing. */
function sameSecret(a: string, b: string): boolean {
  const digest = (v: string) => createHash('sha256').update(v, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * True when the request carries the admin token: such callers see feed URLs and errors as
 * written, secrets included; everyone else sees them redacted (src/model/redact-url.ts).
 */
export function isAdmin(ctx: Context): boolean {
  const token = ctx.services.adminToken;
  if (token === undefined || token === '') return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(ctx.authorization ?? '');
  return match !== null && sameSecret(match[1] as string, token);
}

/** Throws UNAUTHENTICATED (saying what to send) unless the request carries the admin token. */
export function requireAdmin(ctx: Context, operation: string): void {
  const token = ctx.services.adminToken;
  if (token === undefined || token === '') {
    throw new NewsgateError(
      ErrorCode.UNAUTHENTICATED,
      `\`${operation}\` is disabled because the server has no ADMIN_TOKEN. Start newsgate with ADMIN_TOKEN set, then send \`Authorization: Bearer <ADMIN_TOKEN>\`.`,
      { details: { operation } },
    );
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(ctx.authorization ?? '');
  if (match === null || !sameSecret(match[1] as string, token)) {
    throw new NewsgateError(
      ErrorCode.UNAUTHENTICATED,
      `\`${operation}\` changes state and needs the header \`Authorization: Bearer <ADMIN_TOKEN>\`; ` +
        (ctx.authorization === undefined ? 'the request had no Authorization header.' : 'the token sent is not the one configured.'),
      { details: { operation } },
    );
  }
}
