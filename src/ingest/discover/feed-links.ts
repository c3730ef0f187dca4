/**
 * Feed autodiscovery: the `<link rel="alternate" type="application/rss+xml" href=…>` elements a
 * web page uses to announce its feeds (the RSS Autodiscovery convention every browser and feed
 * reader follows). `newsgate feeds add <page URL>` offers what it finds, so an operator can
 * paste a site's address instead of hunting for its feed. Pure: text in, links out.
 */
import { Parser } from 'htmlparser2';

/** One feed a page announces. */
export interface FeedLink {
  /** Absolute URL, resolved against the page (and its `<base href>`). */
  readonly url: string;
  readonly title?: string;
  /** `rss`, `atom` or `json`, from the link's media type. */
  readonly format: 'rss' | 'atom' | 'json';
}

const FORMATS: Readonly<Record<string, FeedLink['format']>> = {
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
  'application/json': 'json',
};

/** The feeds `html` announces, in document order, without duplicates. */
export function findFeedLinks(html: string, pageUrl: string): FeedLink[] {
  const found: FeedLink[] = [];
  const seen = new Set<string>();
  let base = pageUrl;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'base' && attrs.href) base = resolve(attrs.href, pageUrl) ?? base;
        if (name !== 'link' || !attrs.href) return;
        const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
        const format = FORMATS[(attrs.type ?? '').toLowerCase().split(';')[0]!.trim()];
        if (!rels.includes('alternate') || !format) return;
        // A JSON link counts only when it says it is a feed (plain application/json is too common).
        if (format === 'json' && attrs.type?.toLowerCase().startsWith('application/json') && !/feed/i.test(attrs.title ?? attrs.href)) return;
        const url = resolve(attrs.href, base);
        if (!url || seen.has(url)) return;
        seen.add(url);
        const title = attrs.title?.trim();
        found.push({ url, format, ...(title ? { title } : {}) });
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

function resolve(href: string, base: string): string | undefined {
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}
