/**
 * Relative links in feeds: `xml:base` on any element (RFC 3986 resolution against the parent's
 * base), falling back to the document URL. Unlike model/url.ts's absoluteUrl, any absolute
 * scheme is kept (an Atom link may legitimately be `tag:` or `urn:`): deciding whether a link
 * is an article URL is normalize's job; the parse stage only makes it absolute.
 */

/** Resolves `ref` against `base`; an absolute ref of any scheme is returned normalised, an unresolvable one as written. */
export function resolveUrl(ref: string | null | undefined, base: string | null): string | null {
  const trimmed = (ref ?? '').trim();
  if (trimmed === '') return null;
  try {
    return new URL(trimmed, base ?? undefined).href;
  } catch {
    try {
      return new URL(trimmed).href;
    } catch {
      return trimmed;
    }
  }
}

/** The base in effect inside an element carrying `xmlBase` (or none) whose parent's base is `parent`. */
export function childBase(parent: string | null, xmlBase: string | undefined): string | null {
  if (xmlBase === undefined) return parent;
  const trimmed = xmlBase.trim();
  if (trimmed === '') return parent;
  const resolved = resolveUrl(trimmed, parent);
  return resolved !== null && /^[a-z][a-z0-9+.-]*:/i.test(resolved) ? resolved : parent;
}

const URL_ATTR = /(\s(?:href|src|poster)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi;

/**
 * Makes the relative `href`/`src` of an HTML fragment absolute against the item's base, so that
 * a body carried with `xml:base` keeps working links after it leaves the feed. Fragment-only
 * links and absolute URLs are left alone.
 */
export function resolveHtmlUrls(html: string, base: string | null): string {
  if (base === null || !/^https?:/i.test(base)) return html;
  return html.replace(URL_ATTR, (whole, prefix: string, dq: string | undefined, sq: string | undefined) => {
    const value = dq ?? sq ?? '';
    if (value.trim() === '' || value.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(value.trim())) return whole;
    const resolved = resolveUrl(value, base);
    if (resolved === null || resolved === value) return whole;
    const quote = dq !== undefined ? '"' : "'";
    return `${prefix}${quote}${resolved.replace(new RegExp(quote, 'g'), encodeURIComponent(quote))}${quote}`;
  });
}
