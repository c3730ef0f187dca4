/**
 * The one check mutations that change state make: the request must carry
 * `Authorization: Bearer <ADMIN_TOKEN>`. Compared in constant time; with no ADMIN_TOKEN
 * configured, nobody may change state through the API.
 */
import { timingSafeEqual } from 'node:crypto';
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import type { Context } from './context.ts';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
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
