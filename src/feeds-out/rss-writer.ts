/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) for one saved search. Dates are RFC 822
 * as the spec asks (`Thu, 03 Dec 2026 16:44:23 GMT`); each item's `guid` is newsgate's article
 * id (isPermaLink="false": it is stable but not a URL); `atom:link rel="self"` as the RSS
 * Advisory Board recommends. Pure.
 */
import type { FeedOutChannel, FeedOutItem } from './feed-out.types.ts';
import { xmlElement, xmlText } from './xml-text.ts';

/** RFC 822 date-time in GMT (four-digit year, as RFC 1123 and every RSS reader expect). */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

function item(i: FeedOutItem): string {
  return [
    '<item>',
    xmlElement('title', i.title),
    xmlElement('link', i.url),
    xmlElement('description', i.summary === '' ? null : i.summary),
    ...i.authors.slice(0, 1).map((a) => xmlElement('dc:creator', a)),
    ...i.categories.map((c) => xmlElement('category', c)),
    xmlElement('guid', i.id, { isPermaLink: 'false' }),
    xmlElement('pubDate', rfc822(i.publishedAt)),
    i.sourceUrl === null ? '' : xmlElement('source', i.sourceTitle, { url: i.sourceUrl }),
    '</item>',
  ].join('');
}

/** The whole RSS document, items in the order given (newest first). */
export function writeRss(channel: FeedOutChannel, items: readonly FeedOutItem[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    xmlElement('title', channel.title),
    xmlElement('link', channel.homeUrl),
    xmlElement('description', channel.description),
    `<atom:link href="${xmlText(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    xmlElement('lastBuildDate', rfc822(channel.updatedAt)),
    xmlElement('generator', 'newsgate'),
    '\n',
    items.map(item).join('\n'),
    '\n</channel>',
    '</rss>\n',
  ].join('');
}
