/**
 * One webhook POST, held to the address guard (src/ingest/fetch/address-guard.ts): the receiver
 * is resolved by newsgate at connect time and refused (FETCH_FORBIDDEN_ADDRESS) when it is a
 * loopback, private, link-local or otherwise internal address the operator has not allowed, so
 * a saved search cannot be used to make newsgate POST into the network it runs in (a cloud
 * metadata service, an admin port on localhost). Redirects are never followed: a 3xx is the
 * receiver's answer, and a failure like any other non-2xx.
 */
import http from 'node:http';
import https from 'node:https';
import { connectGuard, type AddressPolicy, type Resolver } from '../ingest/fetch/address-guard.ts';

export interface WebhookPostOptions {
  readonly headers: Readonly<Record<string, string>>;
  /** Whether internal addresses may be reached (see WebhookWorkerOptions). */
  readonly policy: AddressPolicy;
  /** Host name resolver (tests map names to chosen addresses); the system's by default. */
  readonly resolver?: Resolver;
  /** Connect to last byte of the answer. */
  readonly timeoutMs: number;
}

/**
 * POSTs `body` to `url` and resolves with the receiver's HTTP status (the answer's body is read
 * and dropped). Rejects on a refused address (NewsgateError FETCH_FORBIDDEN_ADDRESS), a network
 * failure or the timeout.
 */
export function postWebhook(url: string, body: string, options: WebhookPostOptions): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const target = new URL(url);
    const signal = AbortSignal.timeout(options.timeoutMs);
    let guard: ReturnType<typeof connectGuard>;
    try {
      guard = connectGuard(target, options.policy, options.resolver);
    } catch (err) {
      reject(err);
      return;
    }
    const send = target.protocol === 'https:' ? https.request : http.request;
    const req = send(target, {
      method: 'POST',
      headers: { ...options.headers, 'content-length': String(Buffer.byteLength(body)) },
      signal,
      ...guard,
    });
    req.on('error', reject);
    req.on('response', (res) => {
      res.on('error', reject);
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.resume();
    });
    req.end(body);
  });
}
