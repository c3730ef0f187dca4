/**
 * Atom 1.0 (RFC 4287) for one saved search. Dates are RFC 3339 (`2026-12-03T16:44:23.000Z`);
 * entry ids are `urn:newsgate:article:<article id>` (Atom ids must be IRIs, and this one never
 * changes for an article); the feed's author is newsgate, so entries need none of their own.
 * Pure.
 */
import type { FeedOutChannel, FeedOutItem } from './feed-out.types.ts';
import { xmlElement, xmlText } from './xml-text.ts';

/** The Atom id of an article (stable: the article id). */
export function atomEntryId(articleId: string): string {
  return `urn:newsgate:article:${encodeURIComponent(articleId)}`;
}

function rfc3339(iso: string): string {
  return new Date(iso).toISOString();
}

function entry(i: FeedOutItem): string {
  return [
    '<entry>',
    xmlElement('id', atomEntryId(i.id)),
    xmlElement('title', i.title, { type: 'text' }),
    i.url === null ? '' : `<link rel="alternate" href="${xmlText(i.url)}"/>`,
    xmlElement('published', rfc3339(i.publishedAt)),
    xmlElement('updated', rfc3339(i.updatedAt ?? i.publishedAt)),
    ...i.authors.map((a) => `<author>${xmlElement('name', a)}</author>`),
    xmlElement('summary', i.summary === '' ? null : i.summary, { type: 'text' }),
    ...i.categories.map((c) => `<category term="${xmlText(c)}"/>`),
    `<source>${xmlElement('title', i.sourceTitle)}${i.sourceUrl === null ? '' : `<link rel="self" href="${xmlText(i.sourceUrl)}"/>`}</source>`,
    '</entry>',
  ].join('');
}

/** The whole Atom document, entries in the order given (newest first). */
export function writeAtom(channel: FeedOutChannel, items: readonly FeedOutItem[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    xmlElement('id', channel.selfUrl),
    xmlElement('title', channel.title, { type: 'text' }),
    xmlElement('subtitle', channel.description, { type: 'text' }),
    xmlElement('updated', rfc3339(channel.updatedAt)),
    `<link rel="self" type="application/atom+xml" href="${xmlText(channel.selfUrl)}"/>`,
    `<link rel="alternate" href="${xmlText(channel.homeUrl)}"/>`,
    '<author><name>newsgate</name></author>',
    xmlElement('generator', 'newsgate'),
    '\n',
    items.map(entry).join('\n'),
    '\n</feed>\n',
  ].join('');
}
