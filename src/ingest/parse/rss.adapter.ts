/**
 * RSS 0.9x, 1.0 (RDF) and 2.0 into ParsedFeed, through rss-parser. Every element rss-parser
 * flattens or ignores is read from the raw nodes handed over by its customFields: all authors
 * (RSS `<author>` without its e-mail, dc:creator, atom:author), categories as whole strings,
 * the permalink guid as link, xml:base, media enclosures, item language. Each fallback taken
 * is counted and reported as a warning.
 */
import type { ParsedFeed, RawItem } from '../../model/raw-feed.ts';
import { mapInSlices } from '../../model/time-slices.ts';
import type { DetectedXml } from './detect-format.ts';
import { authorNames } from './authors.ts';
import { dedupeEnclosures, makeEnclosure, mediaEnclosures } from './enclosures.ts';
import { Fallbacks } from './fallbacks.ts';
import { childBase, resolveHtmlUrls, resolveUrl } from './resolve-url.ts';
import { SHIELD, rawKey, runRssParser, type RssParserFields, type RssParserRecord } from './run-rss-parser.ts';
import { categoryStrings, firstOf, prefixedAttr } from './text-fields.ts';
import { attrOf, childrenOf, firstText, nodesOf, textOf, type XmlNode } from './xml-node.ts';

/** Where the XML adapters get their context. */
export interface XmlAdapterContext {
  /** The document URL: the base of relative links. */
  readonly url: string;
  readonly detected: DetectedXml;
}

const DESCRIPTION = `description${SHIELD}`;

const FIELDS: RssParserFields = {
  feed: ['$', 'title', 'dc:title', 'link', 'atom:link', DESCRIPTION, 'dc:description', 'language', 'dc:language', 'ttl'],
  item: [
    '$', 'title', 'dc:title', 'link', 'atom:link', 'feedburner:origLink', 'guid', 'dc:identifier',
    DESCRIPTION, 'dc:description', 'content:encoded', 'atom:content', 'atom:summary', 'xhtml:body',
    'author', 'dc:creator', 'dc:author', 'atom:author', 'itunes:author', 'category', 'dc:subject', 'atom:category',
    'itunes:keywords', 'itunes:summary',
    'pubDate', 'dc:date', 'atom:published', 'dcterms:issued', 'dcterms:created', 'atom:updated', 'dcterms:modified',
    'enclosure', 'media:content', 'media:thumbnail', 'media:group', 'dc:language',
  ],
};

function raw(record: RssParserRecord, name: string): unknown {
  return record[rawKey(name)];
}

function attrsNode(record: RssParserRecord): XmlNode | undefined {
  const attrs = raw(record, '$');
  return attrs !== null && typeof attrs === 'object' ? ({ $: attrs as Record<string, string> } as XmlNode) : undefined;
}

/** The href of the preferred atom:link (rel alternate or none) among raw nodes. */
export function atomAlternateHref(links: unknown): { href: string; node: XmlNode } | null {
  const candidates = nodesOf(links).filter((n) => (attrOf(n, 'href') ?? '').trim() !== '');
  const rel = (n: XmlNode): string => (attrOf(n, 'rel') ?? 'alternate').trim().toLowerCase();
  const htmlish = (n: XmlNode): boolean => /^(text\/html|application\/xhtml\+xml)?$/i.test((attrOf(n, 'type') ?? '').trim());
  const pick =
    candidates.find((n) => rel(n) === 'alternate' && htmlish(n)) ??
    candidates.find((n) => rel(n) === 'alternate') ??
    candidates.find((n) => !['self', 'enclosure', 'hub', 'replies', 'edit', 'next', 'previous', 'first', 'last'].includes(rel(n)));
  return pick === undefined ? null : { href: attrOf(pick, 'href') as string, node: pick };
}

/** Text of raw HTML-bearing nodes, with relative URLs made absolute against `base`. */
function html(value: unknown, base: string | null): string | null {
  for (const node of nodesOf(value)) {
    const text = textOf(node);
    if (text.trim() !== '') return resolveHtmlUrls(text, childBase(base, attrOf(node, 'xml:base')));
  }
  return null;
}

/** Turns one rss-parser item into a RawItem. */
export function rssItem(record: RssParserRecord, channelBase: string | null, fallbacks: Fallbacks, rdf = false): RawItem {
  const attrs = attrsNode(record);
  const base = childBase(channelBase, prefixedAttr(attrs, 'base', 'xml:base'));

  const title = firstOf(raw(record, 'title'), raw(record, 'dc:title'));
  if (firstOf(raw(record, 'title')) === null && title !== null) fallbacks.note('no <title>; used dc:title');

  const guidNode = nodesOf(raw(record, 'guid')).find((n) => textOf(n).trim() !== '');
  let guid = guidNode === undefined ? null : textOf(guidNode).trim();
  if (guid === null) {
    guid = firstOf(raw(record, 'dc:identifier')) ?? prefixedAttr(attrs, 'about', 'rdf:about')?.trim() ?? null;
    // RSS 1.0/0.90 have no <guid>: rdf:about is their id, not a fallback.
    if (guid !== null && !rdf) fallbacks.note('no <guid>; used dc:identifier or rdf:about as the id');
  }

  let link: string | null = null;
  const origLink = firstOf(raw(record, 'feedburner:origLink'));
  for (const node of nodesOf(raw(record, 'link'))) {
    const href = textOf(node).trim() || attrOf(node, 'href')?.trim() || '';
    if (href !== '') {
      link = resolveUrl(href, childBase(base, attrOf(node, 'xml:base')));
      break;
    }
  }
  // FeedBurner/Pheedo's origLink only when there is no link: readers and other parsers show <link>.
  if (link === null && origLink !== null) link = resolveUrl(origLink, base);
  if (link === null) {
    const alternate = atomAlternateHref(raw(record, 'atom:link'));
    if (alternate !== null) {
      link = resolveUrl(alternate.href, childBase(base, attrOf(alternate.node, 'xml:base')));
      fallbacks.note('no <link>; used atom:link');
    }
  }
  if (link === null && guidNode !== undefined && guid !== null) {
    const permalink = (attrOf(guidNode, 'isPermaLink') ?? 'true').trim().toLowerCase() !== 'false';
    if (permalink && /^https?:\/\//i.test(guid)) {
      link = resolveUrl(guid, base);
      fallbacks.note('no <link>; used the permalink <guid>');
    }
  }

  const summaryHtml =
    html(raw(record, DESCRIPTION), base) ??
    html(raw(record, 'dc:description'), base) ??
    html(raw(record, 'atom:summary'), base) ??
    html(raw(record, 'itunes:summary'), base);
  const contentHtml = html(raw(record, 'content:encoded'), base) ?? html(raw(record, 'atom:content'), base) ?? html(raw(record, 'xhtml:body'), base);

  const authorRaws: string[] = [];
  for (const n of nodesOf(raw(record, 'author'))) authorRaws.push(textOf(n));
  for (const n of nodesOf(raw(record, 'dc:creator'))) authorRaws.push(textOf(n));
  for (const n of nodesOf(raw(record, 'dc:author'))) authorRaws.push(textOf(n));
  for (const n of nodesOf(raw(record, 'atom:author'))) authorRaws.push(firstText(childrenOf(n, 'atom:name')) ?? textOf(n));
  if (authorRaws.every((a) => a.trim() === '')) for (const n of nodesOf(raw(record, 'itunes:author'))) authorRaws.push(textOf(n));
  const authors = authorNames(authorRaws);
  if (authors.length === 0 && authorRaws.some((a) => a.trim() !== '')) fallbacks.note('author given only as an e-mail address; dropped');

  const published = firstOf(raw(record, 'pubDate'), raw(record, 'dc:date'), raw(record, 'atom:published'), raw(record, 'dcterms:issued'), raw(record, 'dcterms:created'));
  if (!rdf && firstOf(raw(record, 'pubDate')) === null && published !== null) fallbacks.note('no <pubDate>; used dc:date or another date element');
  const updated = firstOf(raw(record, 'atom:updated'), raw(record, 'dcterms:modified'));

  const enclosures = dedupeEnclosures([
    ...nodesOf(raw(record, 'enclosure')).map((n) => makeEnclosure(attrOf(n, 'url'), base, 'enclosure', attrOf(n, 'type'), attrOf(n, 'length'))),
    ...mediaEnclosures(raw(record, 'media:content'), raw(record, 'media:thumbnail'), raw(record, 'media:group'), base),
    ...nodesOf(raw(record, 'atom:link'))
      .filter((n) => attrOf(n, 'rel') === 'enclosure')
      .map((n) => makeEnclosure(attrOf(n, 'href'), base, 'enclosure', attrOf(n, 'type'), attrOf(n, 'length'))),
  ]);

  const language = prefixedAttr(attrs, 'lang', 'xml:lang')?.trim() || firstOf(raw(record, 'dc:language'));

  return {
    guid,
    link,
    title,
    summaryHtml,
    contentHtml,
    authors,
    categories: [
      ...new Set([
        ...categoryStrings(raw(record, 'category'), raw(record, 'dc:subject'), raw(record, 'atom:category')),
        // iTunes keywords are a comma-separated list by definition (unlike categories).
        ...(firstOf(raw(record, 'itunes:keywords')) ?? '').split(',').map((k) => k.trim()).filter((k) => k !== ''),
      ]),
    ],
    published,
    updated,
    enclosures,
    language: language || null,
  };
}

/** The base in effect for the channel's children: document URL, then xml:base on the root and on the channel. */
function channelBaseOf(feed: RssParserRecord, ctx: XmlAdapterContext): string | null {
  const rootBase = childBase(ctx.url, ctx.detected.rootAttrs['xml:base']);
  return childBase(rootBase, prefixedAttr(attrsNode(feed), 'base', 'xml:base'));
}

/** Parses an RSS document (already repaired) into a ParsedFeed. Throws when rss-parser cannot read it. */
export async function parseRssDocument(xml: string, ctx: XmlAdapterContext): Promise<ParsedFeed> {
  const { feed, items } = await runRssParser(xml, ctx.detected, FIELDS);
  const base = channelBaseOf(feed, ctx);
  const fallbacks = new Fallbacks();
  const rdf = /(^|:)RDF$/.test(ctx.detected.rootName);
  const rawItems = await mapInSlices(items, (record) => rssItem(record, base, fallbacks, rdf));

  let link: string | null = null;
  for (const node of nodesOf(raw(feed, 'link'))) {
    const text = textOf(node).trim();
    if (text !== '') { link = resolveUrl(text, base); break; }
  }
  if (link === null) {
    const alternate = atomAlternateHref(raw(feed, 'atom:link'));
    if (alternate !== null) link = resolveUrl(alternate.href, base);
  }
  const ttl = Number.parseInt(firstOf(raw(feed, 'ttl')) ?? '', 10);
  const language =
    firstOf(raw(feed, 'language'), raw(feed, 'dc:language')) ??
    prefixedAttr(attrsNode(feed), 'lang', 'xml:lang')?.trim() ??
    ctx.detected.rootAttrs['xml:lang']?.trim() ??
    null;

  return {
    format: ctx.detected.format,
    title: firstOf(raw(feed, 'title'), raw(feed, 'dc:title')),
    link,
    description: firstOf(raw(feed, DESCRIPTION), raw(feed, 'dc:description')),
    language: language === '' ? null : language,
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
    items: rawItems,
    warnings: fallbacks.warnings(),
  };
}
