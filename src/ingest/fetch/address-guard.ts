/**
 * Publishers must not steer newsgate inside the network it runs in. The URL an operator writes
 * in feeds.json is fetched as written (a feed on `localhost` or an intranet host is the
 * operator's choice), but whatever a publisher steers — a redirect, an article link fetched for
 * its full text — may reach a loopback, link-local, private, CGNAT, unique-local, multicast or
 * unspecified address only on an origin the operator configured, or when the operator allows
 * private addresses (`fetch.allowPrivateAddresses`).
 *
 * The check is made on the address a connection is actually opened to: a `lookup` function
 * given to the socket (so the name is resolved once, by us, and DNS rebinding between a check
 * and the connect cannot get around it), and a direct check of IP literals, which sockets
 * never look up. Reusable by anything that fetches on a publisher's say-so.
 */
import dns from 'node:dns';
import net, { type LookupFunction } from 'node:net';
import { ErrorCode, NewsgateError } from '../../model/errors.ts';

/** Who may be reached at internal addresses. */
export interface AddressPolicy {
  /** The operator allows internal addresses everywhere (`fetch.allowPrivateAddresses`). */
  readonly allowPrivateAddresses: boolean;
  /** Origins (`scheme://host:port`) the operator configured; reaching them is always allowed. */
  readonly trustedOrigins: readonly string[];
}

/** One resolved address, as `dns.lookup(…, { all: true })` gives them. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** Resolves a host name to all its addresses (dns.lookup by default; tests pass a fake one). */
export type Resolver = (hostname: string, family: number) => Promise<ResolvedAddress[]>;

/** The system resolver (getaddrinfo: /etc/hosts, then DNS), like sockets use. */
export const systemResolver: Resolver = async (hostname, family) =>
  dns.promises.lookup(hostname, { all: true, family: family === 4 || family === 6 ? family : 0 });

const INTERNAL = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // RFC 1918
  ['100.64.0.0', 10], // CGNAT, RFC 6598
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata services live here)
  ['172.16.0.0', 12], // RFC 1918
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // RFC 1918
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) INTERNAL.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, still routed inside some networks)
  ['ff00::', 8], // multicast
] as const) INTERNAL.addSubnet(prefix, bits, 'ipv6');

/** The IPv4 address inside an IPv4-mapped (::ffff:…), IPv4-compatible (::…) or NAT64 (64:ff9b::…) IPv6 address. */
function embeddedIpv4(ip: string): string | null {
  const dotted = /^(?:::ffff:|::ffff:0:|64:ff9b::|::)((?:\d{1,3}\.){3}\d{1,3})$/i.exec(ip);
  if (dotted) return dotted[1] as string;
  const hex = /^(?:::ffff:|::ffff:0:|64:ff9b::|::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (!hex) return null;
  const hi = Number.parseInt(hex[1] as string, 16);
  const lo = Number.parseInt(hex[2] as string, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** True for addresses inside a network rather than on the internet (see the module comment). */
export function isInternalAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = net.isIP(bare);
  if (family === 4) return INTERNAL.check(bare, 'ipv4');
  if (family !== 6) return true; // not an address at all: never connect to it unchecked
  const v4 = embeddedIpv4(bare);
  if (v4 !== null && net.isIPv4(v4)) return INTERNAL.check(v4, 'ipv4');
  return INTERNAL.check(bare, 'ipv6');
}

/** True when `url` is on an origin the operator configured, or internal addresses are allowed. */
export function isTrusted(url: URL, policy: AddressPolicy): boolean {
  return policy.allowPrivateAddresses || policy.trustedOrigins.includes(url.origin);
}

/** FETCH_FORBIDDEN_ADDRESS for `url`, which resolved to `address`. */
export function forbiddenAddressError(url: URL, address: string): NewsgateError {
  return new NewsgateError(
    ErrorCode.FETCH_FORBIDDEN_ADDRESS,
    `Refused to connect to ${url.host} (${address}): a loopback, private or link-local address, reached through a redirect or link ` +
      'the publisher chose rather than a URL in feeds.json. If this feed really lives on an internal host, set ' +
      '"allowPrivateAddresses": true in the feed\'s "fetch" object in feeds.json (or in the top-level "fetch" for every feed).',
    { details: { url: url.href, address } },
  );
}

/**
 * Socket options that keep a connection to `url` off internal addresses unless the policy
 * trusts it: throws FETCH_FORBIDDEN_ADDRESS at once for an internal IP literal, and returns a
 * `lookup` that fails the connection when the name resolves to any internal address. Trusted
 * URLs get no options (the system lookup).
 */
export function connectGuard(url: URL, policy: AddressPolicy, resolver: Resolver = systemResolver): { lookup?: LookupFunction } {
  if (isTrusted(url, policy)) return {};
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) !== 0) {
    if (isInternalAddress(host)) throw forbiddenAddressError(url, host);
    return {};
  }
  const lookup = ((hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void): void => {
    resolver(hostname, typeof options.family === 'number' ? options.family : 0).then(
      (addresses) => {
        const internal = addresses.find((a) => isInternalAddress(a.address));
        if (internal !== undefined) return callback(forbiddenAddressError(url, internal.address));
        if (addresses.length === 0) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }));
        if (options.all) return callback(null, addresses);
        const first = addresses[0] as ResolvedAddress;
        return callback(null, first.address, first.family);
      },
      (err: unknown) => callback(err),
    );
  }) as unknown as LookupFunction;
  return { lookup };
}

/**
 * Checks a host name before a request goes through a forward proxy, which resolves the name
 * itself: the best that can be done there (a rebinding between this check and the proxy's own
 * lookup is not caught; the proxy's own rules are the line of defence for that).
 */
export async function checkHostBeforeProxy(url: URL, policy: AddressPolicy, resolver: Resolver = systemResolver): Promise<void> {
  if (isTrusted(url, policy)) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) !== 0) {
    if (isInternalAddress(host)) throw forbiddenAddressError(url, host);
    return;
  }
  const internal = (await resolver(host, 0)).find((a) => isInternalAddress(a.address));
  if (internal !== undefined) throw forbiddenAddressError(url, internal.address);
}
