/**
 * Atom 1.0 and 0.3 into ParsedFeed, through rss-parser. rss-parser keeps one author, no
 * categories, drops xml:base and may throw on a bad date, so links and dates are shielded
 * from it (see run-rss-parser.ts) and read here from raw nodes with the rest: the alternate
 * link preferred over other rels, all authors (inherited from the feed when an entry has
 * none, as RFC 4287 §4.2.1 says), category term/label, enclosures, 0.3's issued/modified and
 * base64 content.
 */
import type { ParsedFeed, RawItem } from '../../model/raw-feed.ts';
import { mapInSlices } from '../../model/time-slices.ts';
import { authorNames } from './authors.ts';
import { dedupeEnclosures, makeEnclosure, mediaEnclosures } from './enclosures.ts';
import { Fallbacks } from './fallbacks.ts';
import { atomAlternateHref, type XmlAdapterContext } from './rss.adapter.ts';
import { childBase, resolveHtmlUrls, resolveUrl } from './resolve-url.ts';
import { SHIELD, rawKey, runRssParser, type RssParserFields, type RssParserRecord } from './run-rss-parser.ts';
import { categoryStrings, firstOf, prefixedAttr } from './text-fields.ts';
import { attrOf, childrenOf, firstText, nodesOf, textOf, type XmlNode } from './xml-node.ts';

const LINK = `link${SHIELD}`;
const PUBLISHED = `published${SHIELD}`;
const UPDATED = `updated${SHIELD}`;
const CONTENT = `content${SHIELD}`;

const FIELDS: RssParserFields = {
  feed: ['$', 'title', 'subtitle', 'tagline', LINK, 'author', 'dc:language'],
  item: [
    '$', 'id', 'title', LINK, 'summary', CONTENT, 'author', 'dc:creator', 'category', 'dc:subject',
    PUBLISHED, UPDATED, 'issued', 'created', 'modified', 'dc:date', 'media:content', 'media:thumbnail',
    'media:group', 'dc:language', 'feedburner:origLink',
  ],
};

function raw(record: RssParserRecord, name: string): unknown {
  return record[rawKey(name)];
}

function attrsNode(record: RssParserRecord): XmlNode | undefined {
  const attrs = raw(record, '$');
  return attrs !== null && typeof attrs === 'object' ? ({ $: attrs as Record<string, string> } as XmlNode) : undefined;
}

/** The HTML of an Atom text construct (title, summary, content), null for out-of-line content (`src`). */
function textConstruct(value: unknown, base: string | null): string | null {
  for (const node of nodesOf(value)) {
    if (attrOf(node, 'src') !== undefined) continue;
    let text = textOf(node);
    if ((attrOf(node, 'mode') ?? '').toLowerCase() === 'base64') {
      text = Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
    }
    if (text.trim() !== '') return resolveHtmlUrls(text, childBase(base, prefixedAttr(node, 'base', 'xml:base')));
  }
  return null;
}

/** Names of Atom person constructs (`<author><name>`), or their text when a producer wrote `<author>Name</author>`. */
function personNames(value: unknown): string[] {
  return nodesOf(value).map((n) => firstText(childrenOf(n, 'name')) ?? (typeof n === 'string' ? n : n._ ?? ''));
}

/** Turns one rss-parser entry into a RawItem; `feedAuthors` are inherited when the entry names none. */
export function atomItem(record: RssParserRecord, feedBase: string | null, feedAuthors: readonly string[], fallbacks: Fallbacks): RawItem {
  const attrs = attrsNode(record);
  const base = childBase(feedBase, prefixedAttr(attrs, 'base', 'xml:base'));

  const alternate = atomAlternateHref(raw(record, LINK));
  let link = alternate === null ? null : resolveUrl(alternate.href, childBase(base, prefixedAttr(alternate.node, 'base', 'xml:base')));
  const origLink = firstOf(raw(record, 'feedburner:origLink'));
  // FeedBurner/Pheedo's origLink only when there is no link: readers and other parsers show <link>.
  if (link === null && origLink !== null) link = resolveUrl(origLink, base);

  let authors = authorNames([...personNames(raw(record, 'author')), ...nodesOf(raw(record, 'dc:creator')).map((n) => textOf(n))]);
  if (authors.length === 0 && feedAuthors.length > 0) {
    authors = [...feedAuthors];
    fallbacks.note('no <author>; used the feed author');
  }

  const published = firstOf(raw(record, PUBLISHED), raw(record, 'issued'), raw(record, 'created'), raw(record, 'dc:date'));
  const updated = firstOf(raw(record, UPDATED), raw(record, 'modified'));

  const enclosures = dedupeEnclosures([
    ...nodesOf(raw(record, LINK))
      .filter((n) => (attrOf(n, 'rel') ?? '').trim().toLowerCase() === 'enclosure')
      .map((n) => makeEnclosure(attrOf(n, 'href'), base, 'enclosure', attrOf(n, 'type'), attrOf(n, 'length'))),
    ...mediaEnclosures(raw(record, 'media:content'), raw(record, 'media:thumbnail'), raw(record, 'media:group'), base),
  ]);

  const titleNode = nodesOf(raw(record, 'title'))[0];
  const title = titleNode === undefined ? null : textOf(titleNode).replace(/\s+/g, ' ').trim() || null;
  // The entry's xml:lang, else the one its body or title declares (a translated entry often
  // marks only its content), else dc:language.
  const language =
    prefixedAttr(attrs, 'lang', 'xml:lang')?.trim() ||
    [raw(record, CONTENT), raw(record, 'summary'), raw(record, 'title')]
      .flatMap((v) => nodesOf(v))
      .map((n) => prefixedAttr(n, 'lang', 'xml:lang')?.trim() ?? '')
      .find((l) => l !== '') ||
    firstOf(raw(record, 'dc:language'));

  return {
    guid: firstOf(raw(record, 'id')),
    link,
    title,
    summaryHtml: textConstruct(raw(record, 'summary'), base),
    contentHtml: textConstruct(raw(record, CONTENT), base),
    authors,
    categories: categoryStrings(raw(record, 'category'), raw(record, 'dc:subject')),
    published,
    updated,
    enclosures,
    language: language || null,
  };
}

/** Parses an Atom document (already repaired) into a ParsedFeed. Throws when rss-parser cannot read it. */
export async function parseAtomDocument(xml: string, ctx: XmlAdapterContext): Promise<ParsedFeed> {
  const { feed, items } = await runRssParser(xml, ctx.detected, FIELDS);
  const base = childBase(ctx.url, prefixedAttr(attrsNode(feed), 'base', 'xml:base') ?? ctx.detected.rootAttrs['xml:base']);
  const fallbacks = new Fallbacks();
  const feedAuthors = authorNames(personNames(raw(feed, 'author')));
  const rawItems = await mapInSlices(items, (record) => atomItem(record, base, feedAuthors, fallbacks));
  const alternate = atomAlternateHref(raw(feed, LINK));
  const language = prefixedAttr(attrsNode(feed), 'lang', 'xml:lang')?.trim() || firstOf(raw(feed, 'dc:language'));
  const titleNode = nodesOf(raw(feed, 'title'))[0];
  return {
    format: ctx.detected.format,
    title: titleNode === undefined ? null : textOf(titleNode).replace(/\s+/g, ' ').trim() || null,
    link: alternate === null ? null : resolveUrl(alternate.href, childBase(base, prefixedAttr(alternate.node, 'base', 'xml:base'))),
    description: firstOf(raw(feed, 'subtitle'), raw(feed, 'tagline')),
    language: language || null,
    ttlMinutes: null,
    items: rawItems,
    warnings: fallbacks.warnings(),
  };
}
