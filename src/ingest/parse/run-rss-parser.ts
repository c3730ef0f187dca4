/**
 * The one place rss-parser runs (a project requirement: it reads RSS and Atom for newsgate).
 * Its gaps are filled through its own `customFields` with `keepArray`, which hand the raw
 * xml2js nodes of the elements it ignores or flattens (all authors, category objects, every
 * link, xml:base/xml:lang attributes, media:*) to the adapters, so each document is parsed
 * once. An xml2js tag-name processor maps namespace prefixes to canonical ones from the
 * document's own declarations, so `<a:feed xmlns:a="…Atom">` or `<dcterms:…>` spelled with
 * another prefix read like the usual spelling.
 */
import Parser from 'rss-parser';
import { NS, type DetectedXml } from './detect-format.ts';

/** Canonical prefixes for the namespaces adapters read ('' = unprefixed). */
const CANONICAL_PREFIX: Readonly<Record<string, string>> = {
  [NS.atom10]: 'atom',
  [NS.atom03]: 'atom',
  [NS.rdf]: 'rdf',
  [NS.rss10]: '',
  [NS.rss090]: '',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.itunes.com/DTDs/PodCast-1.0.dtd': 'itunes',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
  // Pheedo's origLink means what FeedBurner's does: the article behind a click-tracking link.
  'http://www.pheedo.com/namespace/pheedo': 'feedburner',
  'http://www.w3.org/1999/xhtml': 'xhtml',
};

/**
 * Atom elements rss-parser converts in ways that can throw (dates, links without attributes),
 * or strips of markup with a regex that is quadratic on a body full of unclosed tags (its
 * `contentSnippet`, which newsgate never reads): renamed so only the adapter reads them.
 */
const ATOM_SHIELDED = new Set(['published', 'updated', 'link', 'content']);

/** RSS elements shielded for the same reason: rss-parser's `contentSnippet` of `<description>`. */
const RSS_SHIELDED = new Set(['description']);

/** Suffix of renamed elements (see ATOM_SHIELDED). */
export const SHIELD = '_ng';

/** A raw item or feed as rss-parser returns it, with the custom fields' raw nodes. */
export type RssParserRecord = Record<string, unknown>;

export interface RssParserOutput {
  readonly feed: RssParserRecord;
  readonly items: readonly RssParserRecord[];
}

export interface RssParserFields {
  /** Element names (canonical spelling) to hand over raw, for the channel/feed. */
  readonly feed: readonly string[];
  /** Element names (canonical spelling) to hand over raw, for each item/entry. `$` gives the attributes. */
  readonly item: readonly string[];
}

/** Builds the xml2js tag-name processor that canonicalises prefixes for this document. */
export function canonicalTagName(detected: DetectedXml): (name: string) => string {
  const isAtom = detected.format === 'atom1.0' || detected.format === 'atom0.3';
  return (name: string): string => {
    const colon = name.indexOf(':');
    const prefix = colon === -1 ? '' : name.slice(0, colon);
    const local = colon === -1 ? name : name.slice(colon + 1);
    let canonical: string;
    if (prefix === '') canonical = '';
    else {
      const uri = detected.namespaces.get(prefix);
      canonical = uri !== undefined && uri in CANONICAL_PREFIX ? (CANONICAL_PREFIX[uri] as string) : prefix;
    }
    if (isAtom && canonical === 'atom') canonical = '';
    if (canonical === '' && (isAtom ? ATOM_SHIELDED : RSS_SHIELDED).has(local)) return local + SHIELD;
    return canonical === '' ? local : `${canonical}:${local}`;
  };
}

/** Characters xml2js parses between two turns of the event loop (a few milliseconds of work). */
export const XML_CHUNK_CHARS = 32 * 1024;

/** The raw field name an adapter reads for element `name` (custom fields land under `raw:<name>`). */
export function rawKey(name: string): string {
  return `raw:${name}`;
}

/**
 * Parses one XML document with rss-parser. Throws what xml2js/rss-parser throw (the caller
 * decides about recovery).
 */
export async function runRssParser(xml: string, detected: DetectedXml, fields: RssParserFields): Promise<RssParserOutput> {
  const custom = (names: readonly string[]): [string, string, { keepArray: boolean }][] =>
    names.map((name) => [name, rawKey(name), { keepArray: true }]);
  const parser = new Parser({
    defaultRSS: 2,
    customFields: { feed: custom(fields.feed) as never, item: custom(fields.item) as never },
    // Parsed in chunks with a turn of the event loop between them, so a large document never
    // holds up queries; xml2js still builds one object at the end.
    xml2js: { tagNameProcessors: [canonicalTagName(detected)], async: true, chunkSize: XML_CHUNK_CHARS } as never,
  });
  const feed = (await parser.parseString(xml)) as unknown as RssParserRecord & { items?: RssParserRecord[] };
  return { feed, items: feed.items ?? [] };
}
