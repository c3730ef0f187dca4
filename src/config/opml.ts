/**
 * OPML, the format feed readers exchange subscription lists in: read (import) and write
 * (export). Pure functions over text; outlines nested in folders keep the folder as a tag.
 */
import anyAscii from 'any-ascii';
import { Parser } from 'htmlparser2';

/** The namespace of newsgate's own outline attributes; other readers ignore them. */
export const NEWSGATE_OPML_NS = 'https://newsgate.invalid/ns/opml/1';

export interface OpmlFeed {
  readonly title?: string;
  readonly xmlUrl: string;
  readonly htmlUrl?: string;
  /** Titles of the folders the outline sits in, outermost first. */
  readonly folders: readonly string[];
  /** OPML 2.0 `category`: comma-separated; newsgate writes feed tags there. */
  readonly categories: readonly string[];
  /**
   * The feeds.json entry newsgate exported in `newsgate:entry` (id, title, language, regions,
   * interval, tags and every other key but url and headers), when the file came from newsgate.
   */
  readonly entry?: Record<string, unknown>;
  /** Why `newsgate:entry` was present but unusable, for the import to report. */
  readonly entryError?: string;
}

/** Reads every outline with an `xmlUrl`. Lenient about case and unclosed tags, as real OPML needs. */
export function parseOpml(text: string): OpmlFeed[] {
  const feeds: OpmlFeed[] = [];
  const stack: (string | null)[] = [];
  let prefix = 'newsgate';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'opml') {
          // Honour whatever prefix the file bound to our namespace.
          for (const [key, value] of Object.entries(attrs)) if (key.startsWith('xmlns:') && value === NEWSGATE_OPML_NS) prefix = key.slice(6);
        }
        if (name !== 'outline') return;
        const title = attrs.title ?? attrs.text;
        const xmlUrl = attrs.xmlurl?.trim();
        if (xmlUrl) {
          const raw = attrs[`${prefix}:entry`];
          const entry = raw === undefined ? undefined : readEntry(raw);
          feeds.push({
            xmlUrl,
            ...(title ? { title: title.trim() } : {}),
            ...(attrs.htmlurl ? { htmlUrl: attrs.htmlurl.trim() } : {}),
            folders: stack.filter((s): s is string => s !== null),
            categories: (attrs.category ?? '').split(',').map((c) => c.trim()).filter(Boolean),
            ...(entry && 'value' in entry ? { entry: entry.value } : {}),
            ...(entry && 'error' in entry ? { entryError: entry.error } : {}),
          });
          stack.push(null);
        } else stack.push(title?.trim() || null);
      },
      onclosetag(name) {
        if (name === 'outline') stack.pop();
      },
    },
    { xmlMode: false, recognizeSelfClosing: true, lowerCaseAttributeNames: true, decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  return feeds;
}

function readEntry(raw: string): { value: Record<string, unknown> } | { error: string } {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { value: value as Record<string, unknown> };
    return { error: 'newsgate:entry is not a JSON object' };
  } catch (err) {
    return { error: `newsgate:entry is not valid JSON (${(err as Error).message})` };
  }
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A feeds.json entry as written in the file (before defaults), which is what export keeps. */
export interface OpmlEntry {
  readonly id: string;
  readonly url: string;
  readonly title?: string;
  readonly tags?: readonly string[];
  readonly [key: string]: unknown;
}

/**
 * Writes OPML 2.0 with one outline per feed. Other readers see `text`, `title`, `xmlUrl` and
 * the tags as `category`; newsgate also writes the whole entry (but url and `headers`,
 * which may hold cookies or keys) as JSON in `newsgate:entry`, so an export read back by
 * `feeds import` gives the same entries — ids (part of every article id), language, regions,
 * interval, tags and any key added later.
 */
export function toOpml(feeds: readonly OpmlEntry[], title = 'newsgate feeds'): string {
  const outlines = feeds.map((f) => {
    const { url, headers: _headers, ...rest } = f;
    const name = escapeXml(f.title ?? f.id);
    const tags = f.tags ?? [];
    return `    <outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeXml(url)}"${
      tags.length ? ` category="${escapeXml(tags.join(','))}"` : ''
    } newsgate:entry="${escapeXml(JSON.stringify(rest))}"/>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0" xmlns:newsgate="${NEWSGATE_OPML_NS}">\n  <head>\n    <title>${escapeXml(title)}</title>\n  </head>\n  <body>\n${outlines.join('\n')}\n  </body>\n</opml>\n`;
}

/** A feed id from a title or URL: lower-case slug, at most 48 characters. */
export function slugForFeed(title: string | undefined, url: string): string {
  let base = title?.trim() ?? '';
  if (!base || !/[a-z0-9]/i.test(anyAscii(base))) {
    try {
      base = new URL(url).hostname.replace(/^www\./, '');
    } catch {
      base = 'feed';
    }
  }
  // Non-Latin titles (Arabic, Persian, Cyrillic…) are transliterated, not dropped.
  const slug = anyAscii(base)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'feed';
}
