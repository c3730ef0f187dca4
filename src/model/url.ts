/**
 * Canonical URLs: one spelling per article link, so that the same story reached through a
 * newsletter link, a social share or a feed with `?utm_source=rss` gets the same id and the
 * same store entry. Pure string work on WHATWG `URL`; imports nothing of ours.
 */

/**
 * Query parameters that only say how a reader arrived, never which page it is. Matched on the
 * lower-cased name; `utm_*` and the other prefixes below are matched as prefixes.
 */
const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  'ref_src',
  'ref_url',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  '_openstat',
  'mkt_tok',
  'vero_id',
  'wt.mc_id',
  'oly_anon_id',
  'oly_enc_id',
  'rb_clickid',
  's_cid',
  'cmpid',
  'ocid',
  'spm',
  'fb_action_ids',
  'fb_action_types',
  'fb_ref',
  'fb_source',
  'action_object_map',
  'action_type_map',
  'action_ref_map',
  'feature',
  'xtor',
]);

/** Prefixes of tracking parameter families (Google Analytics, Piwik/Matomo, HubSpot, Adobe). */
const TRACKING_PREFIXES: readonly string[] = ['utm_', 'pk_', 'mtm_', 'hsa_', 'ga_', 'at_', 'itm_', 'stm_'];

/** Schemes newsgate treats as links. Everything else (`tag:`, `urn:`, `mailto:`, `javascript:`) is not. */
const LINK_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:']);

/** True when the query parameter named `name` is a tracking parameter that {@link canonicalUrl} drops. */
export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  if (TRACKING_PARAMS.has(lower)) return true;
  return TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * Resolves `link` against `base` and returns an absolute http(s) URL, or null when the link is
 * empty, unparseable or not http(s). Used where a URL must be absolute but is not an article
 * identity (images, links inside bodies), so tracking parameters are kept.
 */
export function absoluteUrl(link: string | null | undefined, base?: string | null): string | null {
  const trimmed = (link ?? '').trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return null;
  }
  if (!LINK_SCHEMES.has(url.protocol)) return null;
  return url.href;
}

/**
 * The canonical form of an article link: absolute (resolved against `base`), scheme and host in
 * lower case (WHATWG URL does that, and drops the default port), no fragment, no tracking
 * parameters, other parameters kept in their order. A trailing `?` left by removing every
 * parameter goes too. Returns null for anything that is not an http(s) URL: an Atom
 * `tag:example.com,2024:123` is an id, not a link, and must not become one.
 */
export function canonicalUrl(link: string | null | undefined, base?: string | null): string | null {
  const absolute = absoluteUrl(link, base);
  if (absolute === null) return null;
  const url = new URL(absolute);
  url.hash = '';
  if (url.search !== '') {
    // Filter the raw pairs rather than re-serialising through URLSearchParams, which would
    // rewrite `%20` as `+` and `?id` as `?id=`: kept parameters stay byte-for-byte as given.
    const kept = url.search
      .slice(1)
      .split('&')
      .filter((pair) => pair !== '' && !isTrackingParam(decodeParamName(pair)));
    url.search = kept.length === 0 ? '' : `?${kept.join('&')}`;
  }
  return url.href;
}

/** The decoded name of one raw `name=value` query pair (the raw name when it is badly encoded). */
function decodeParamName(pair: string): string {
  const eq = pair.indexOf('=');
  const raw = (eq === -1 ? pair : pair.slice(0, eq)).replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
