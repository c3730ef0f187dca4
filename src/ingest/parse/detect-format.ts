/**
 * Which feed format a document is, decided from its CONTENT (root element, namespaces,
 * version attributes, a JSON Feed version URL), never from the URL or Content-Type: real
 * feeds are served as text/html, application/octet-stream or from `.php` URLs. Tolerates what
 * real servers put before the root: whitespace, BOM remnants, PHP warnings, comments,
 * doctypes and processing instructions.
 */
import type { FeedFormat } from '../../model/feed.ts';
import { ErrorCode, NewsgateError } from '../../model/errors.ts';

/** Namespace URIs that decide a format. */
export const NS = {
  atom10: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rss10: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
} as const;

/** A JSON Feed, already parsed (detection had to parse it to read its version). */
export interface DetectedJson {
  readonly kind: 'json';
  readonly format: 'json1.0' | 'json1.1';
  readonly data: Record<string, unknown>;
  readonly warnings: readonly string[];
}

/** An XML feed: where its root starts and what it declares. */
export interface DetectedXml {
  readonly kind: 'xml';
  readonly format: FeedFormat;
  /** Offset of the root element's `<` in the text. */
  readonly rootIndex: number;
  /** The root's qualified name as written (`rss`, `rdf:RDF`, `a:feed`). */
  readonly rootName: string;
  readonly rootAttrs: Readonly<Record<string, string>>;
  /** Every `xmlns:prefix="uri"` declared anywhere in the document (first binding wins); '' is the root's default namespace. */
  readonly namespaces: ReadonlyMap<string, string>;
  /** True when something other than prolog (whitespace, PIs, comments, doctype) precedes the root. */
  readonly junkBeforeRoot: boolean;
  readonly warnings: readonly string[];
}

export type DetectedFormat = DetectedJson | DetectedXml;

const NAME = '[A-Za-z_][\\w.\\-]*(?::[A-Za-z_][\\w.\\-]*)?';
const FEED_ROOT = new RegExp(`<((?:[A-Za-z_][\\w.\\-]*:)?(?:rss|RDF|feed))(?=[\\s/>])`, 'g');
const START_TAG = new RegExp(`^<(${NAME})((?:[^>"']|"[^"]*"|'[^']*')*)>`);
const ATTR = /([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** What a UTF-8 BOM looks like when the bytes were decoded as windows-1252/latin1. */
const BOM_REMNANTS = ['\uFEFF', 'ï»¿', '\uFFFE'];

/** Reads the attributes of a start tag's attribute text. */
export function parseAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(ATTR)) {
    const name = m[1] as string;
    if (!(name in attrs)) attrs[name] = m[2] ?? m[3] ?? '';
  }
  return attrs;
}

/** Every namespace declaration in the document, prefix → URI (first binding of a prefix wins). */
export function collectNamespaces(text: string, rootAttrs: Readonly<Record<string, string>>): Map<string, string> {
  const namespaces = new Map<string, string>();
  const rootDefault = rootAttrs['xmlns'];
  if (rootDefault !== undefined) namespaces.set('', rootDefault);
  for (const m of text.matchAll(/\sxmlns:([A-Za-z_][\w.\-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const prefix = m[1] as string;
    if (!namespaces.has(prefix)) namespaces.set(prefix, (m[2] ?? m[3] ?? '').trim());
  }
  return namespaces;
}

function notAFeed(message: string, details: Record<string, unknown> = {}): NewsgateError {
  return new NewsgateError(ErrorCode.PARSE_NOT_A_FEED, `Not a feed: ${message}`, { details });
}

/** A short, printable excerpt of what the document starts with, for error messages. */
function excerpt(text: string): string {
  const flat = text.slice(0, 60).replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat + (text.length > 60 ? '…' : ''));
}

/**
 * True when the text looks like undecoded binary (gzip, an image): a gzip magic number, or
 * many C0 control characters. U+FFFD alone is not counted: mis-decoded text is still text.
 */
function looksBinary(text: string): boolean {
  if (/^\x1f[\x8b\uFFFD\u2039]/.test(text)) return true;
  const head = text.slice(0, 512);
  if (head.length === 0) return false;
  const controls = head.match(/[\x00-\x08\x0E-\x1F]/g)?.length ?? 0;
  return controls / head.length > 0.02;
}

/** Skips the prolog; returns the offset of the first element and whether junk was met. */
function findFirstElement(text: string): { index: number; junk: boolean } {
  let i = 0;
  let junk = false;
  while (i < text.length) {
    const remnant = BOM_REMNANTS.find((r) => text.startsWith(r, i));
    if (remnant) { i += remnant.length; continue; }
    const c = text[i] as string;
    if (/\s/.test(c)) { i++; continue; }
    if (text.startsWith('<?', i)) { const end = text.indexOf('?>', i + 2); if (end === -1) return { index: -1, junk }; i = end + 2; continue; }
    if (text.startsWith('<!--', i)) { const end = text.indexOf('-->', i + 4); if (end === -1) return { index: -1, junk }; i = end + 3; continue; }
    if (/^<!DOCTYPE/i.test(text.slice(i, i + 9))) { i = skipDoctype(text, i); continue; }
    if (c === '<' && /[A-Za-z_]/.test(text[i + 1] ?? '')) return { index: i, junk };
    junk = true;
    const next = text.indexOf('<', i + 1);
    if (next === -1) return { index: -1, junk };
    i = next;
  }
  return { index: -1, junk };
}

function skipDoctype(text: string, start: number): number {
  let depth = 0;
  for (let i = start + 9; i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return i + 1;
  }
  return text.length;
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon === -1 ? qname : qname.slice(colon + 1);
}

function prefixOf(qname: string): string {
  const colon = qname.indexOf(':');
  return colon === -1 ? '' : qname.slice(0, colon);
}

/** Detects a JSON Feed; throws when the JSON is not one. */
function detectJson(text: string): DetectedJson {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^[\uFEFF\s]+/, ''));
  } catch (err) {
    if (/jsonfeed\.org\/version/.test(text)) {
      throw new NewsgateError(
        ErrorCode.PARSE_MALFORMED,
        `Malformed JSON Feed: the document names a jsonfeed.org version but is not valid JSON (${(err as Error).message}); check the server is not truncating or templating it`,
        { cause: err },
      );
    }
    throw notAFeed(`the document starts like JSON but is not valid JSON (${(err as Error).message}); the URL may point to an API, not a feed`, { cause: String(err) });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw notAFeed('the document is JSON but not an object, so not a JSON Feed; the URL may point to an API, not a feed');
  }
  const version = (data as Record<string, unknown>)['version'];
  if (typeof version !== 'string' || !/jsonfeed\.org\/version\//.test(version)) {
    throw notAFeed(
      'the document is JSON without a jsonfeed.org "version" (expected "version": "https://jsonfeed.org/version/1.1"); the URL may point to an API, not a feed',
    );
  }
  const warnings: string[] = [];
  const m = /version\/(\d+(?:\.\d+)?)/.exec(version);
  let format: 'json1.0' | 'json1.1';
  if (m?.[1] === '1') format = 'json1.0';
  else if (m?.[1] === '1.1') format = 'json1.1';
  else {
    format = 'json1.1';
    warnings.push(`unknown JSON Feed version "${version}"; read as JSON Feed 1.1`);
  }
  return { kind: 'json', format, data: data as Record<string, unknown>, warnings };
}

/**
 * Detects the format of a decoded document. Throws NewsgateError PARSE_NOT_A_FEED (message
 * starting "Not a feed") for empty documents, HTML pages, binary data and unknown roots.
 */
export function detectFormat(text: string): DetectedFormat {
  const start = text.search(/[^\s\uFEFF]/);
  if (start === -1) throw notAFeed('the document is empty; the server sent no content');
  if (looksBinary(text)) {
    throw notAFeed('the document looks like binary data (compressed or an image), not text; check the Content-Encoding the server sends');
  }
  if (text[start] === '{' || text[start] === '[') return detectJson(text.slice(start));

  const first = findFirstElement(text);
  if (first.index === -1) {
    throw notAFeed(`the document has no XML root element (it starts with ${excerpt(text.slice(start))}); the URL may not point to a feed`);
  }
  const firstTag = START_TAG.exec(text.slice(first.index));
  const firstName = firstTag?.[1] ?? '';
  if (/^html$/i.test(localName(firstName))) {
    throw notAFeed(
      "the document's root element is <html>; the URL may point to a web page — look for a <link rel=alternate type=application/rss+xml> in it",
      { root: firstName },
    );
  }

  let rootIndex = first.index;
  let junk = first.junk;
  if (!/^(rss|RDF|feed)$/.test(localName(firstName))) {
    FEED_ROOT.lastIndex = first.index;
    const later = FEED_ROOT.exec(text);
    if (later === null) {
      throw notAFeed(
        `the document's root element is <${firstName || '?'}>, which is not RSS (<rss>, <rdf:RDF>) or Atom (<feed>); the URL may not point to a feed`,
        { root: firstName },
      );
    }
    rootIndex = later.index;
    junk = true;
  }
  const rootTag = START_TAG.exec(text.slice(rootIndex));
  if (rootTag === null) throw notAFeed(`the root element's start tag is cut off (${excerpt(text.slice(rootIndex))})`);
  const rootName = rootTag[1] as string;
  const rootAttrs = parseAttributes(rootTag[2] ?? '');
  const namespaces = collectNamespaces(text, rootAttrs);
  const rootPrefix = prefixOf(rootName);
  const rootNs = rootPrefix === '' ? rootAttrs['xmlns'] : rootAttrs[`xmlns:${rootPrefix}`] ?? namespaces.get(rootPrefix);
  const warnings: string[] = [];
  const local = localName(rootName);
  let format: FeedFormat;

  if (local === 'rss') {
    const version = (rootAttrs['version'] ?? '').trim();
    if (version === '') {
      format = 'rss2.0';
      warnings.push('the <rss> root has no version attribute; read as RSS 2.0');
    } else if (/^0\.9/.test(version)) format = 'rss0.9x';
    else if (/^2/.test(version)) format = 'rss2.0';
    else {
      format = 'rss2.0';
      warnings.push(`unknown RSS version "${version}"; read as RSS 2.0`);
    }
  } else if (local === 'RDF') {
    const uris = new Set(namespaces.values());
    if (uris.has(NS.rss10)) format = 'rss1.0';
    else if (uris.has(NS.rss090)) format = 'rss0.9x';
    else {
      format = 'rss1.0';
      warnings.push('the <rdf:RDF> root declares neither the RSS 1.0 nor the RSS 0.90 namespace; read as RSS 1.0');
    }
  } else {
    if (rootNs === NS.atom03 || rootAttrs['version'] === '0.3') format = 'atom0.3';
    else {
      format = 'atom1.0';
      if (rootNs !== NS.atom10) warnings.push(`the <feed> root is not in the Atom namespace (${rootNs ?? 'none'}); read as Atom 1.0`);
    }
  }
  return { kind: 'xml', format, rootIndex, rootName, rootAttrs, namespaces, junkBeforeRoot: junk, warnings };
}
