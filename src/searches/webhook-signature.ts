/**
 * How a webhook receiver knows a POST came from this newsgate: the header
 * `X-Newsgate-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed with WEBHOOK_SECRET>`
 * (GitHub's scheme, so existing verifiers work). Receivers recompute it over the bytes they got
 * and compare in constant time; `X-Newsgate-Delivery` (stable across retries) lets them drop a
 * delivery they already handled, since delivery is at-least-once. Pure.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-newsgate-signature';
export const DELIVERY_HEADER = 'x-newsgate-delivery';
export const SEARCH_HEADER = 'x-newsgate-search';

/** The header value for `body`. */
export function signPayload(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** What a receiver does: true when `header` is the signature of `body` under `secret`. */
export function verifySignature(secret: string, body: string, header: string | undefined): boolean {
  if (header === undefined) return false;
  const expected = Buffer.from(signPayload(secret, body));
  const got = Buffer.from(header);
  return got.length === expected.length && timingSafeEqual(got, expected);
}
