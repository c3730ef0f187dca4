/**
 * OPML, the format feed readers exchange subscription lists in: read (import) and write
 * (export). Pure functions over text; outlines nested in folders keep the folder as a tag.
 */
import { Parser } from 'htmlparser2';

export interface OpmlFeed {
  readonly title?: string;
  readonly xmlUrl: string;
  readonly htmlUrl?: string;
  /** Titles of the folders the outline sits in, outermost first. */
  readonly folders: readonly string[];
}

/** Reads every outline with an `xmlUrl`. Lenient about case and unclosed tags, as real OPML needs. */
export function parseOpml(text: string): OpmlFeed[] {
  const feeds: OpmlFeed[] = [];
  const stack: (string | null)[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name !== 'outline') return;
        const title = attrs.title ?? attrs.text;
        const xmlUrl = attrs.xmlurl?.trim();
        if (xmlUrl) {
          feeds.push({
            xmlUrl,
            ...(title ? { title: title.trim() } : {}),
            ...(attrs.htmlurl ? { htmlUrl: attrs.htmlurl.trim() } : {}),
            folders: stack.filter((s): s is string => s !== null),
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

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Writes OPML 2.0 with one outline per feed (tags become the `category` attribute). */
export function toOpml(feeds: readonly { id: string; url: string; title?: string; tags: readonly string[] }[], title = 'newsgate feeds'): string {
  const outlines = feeds.map(
    (f) =>
      `    <outline type="rss" text="${escapeXml(f.title ?? f.id)}" title="${escapeXml(f.title ?? f.id)}" xmlUrl="${escapeXml(f.url)}"${
        f.tags.length ? ` category="${escapeXml(f.tags.join(','))}"` : ''
      }/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head>\n    <title>${escapeXml(title)}</title>\n  </head>\n  <body>\n${outlines.join('\n')}\n  </body>\n</opml>\n`;
}

/** A feed id from a title or URL: lower-case slug, at most 48 characters. */
export function slugForFeed(title: string | undefined, url: string): string {
  let base = title?.trim() ?? '';
  if (!base || !/[a-z0-9]/i.test(base)) {
    try {
      base = new URL(url).hostname.replace(/^www\./, '');
    } catch {
      base = 'feed';
    }
  }
  const slug = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'feed';
}
