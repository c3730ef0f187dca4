/**
 * The parse stage: decoded text in, ParsedFeed out, whatever the format. Detects the format
 * from the content, repairs what strict XML parsing rejects, routes to one adapter per format
 * family, and falls back to item-by-item recovery, so that a broken feed yields every item
 * that can be read plus warnings saying what was wrong. Never fetches or decodes bytes.
 */
import type { FeedFormat } from '../../model/feed.ts';
import type { ParsedFeed } from '../../model/raw-feed.ts';
import { ErrorCode, NewsgateError } from '../../model/errors.ts';
import { yieldToLoop } from '../../model/time-slices.ts';
import { parseAtomDocument } from './atom.adapter.ts';
import { detectFormat } from './detect-format.ts';
import { parseJsonFeed } from './json-feed.adapter.ts';
import { markupToCdata } from './markup-to-cdata.ts';
import { errorLine, recoverItems, type XmlDocumentAdapter } from './recover-items.ts';
import { repairXml } from './repair-xml.ts';
import { parseRssDocument } from './rss.adapter.ts';

export interface ParseOptions {
  /** The document URL (after redirects): base for relative links. */
  readonly url: string;
}

const FORMAT_NAMES: Readonly<Record<FeedFormat, string>> = {
  'rss0.9x': 'RSS 0.9x',
  'rss1.0': 'RSS 1.0',
  'rss2.0': 'RSS 2.0',
  'atom0.3': 'Atom 0.3',
  'atom1.0': 'Atom 1.0',
  'json1.0': 'JSON Feed 1.0',
  'json1.1': 'JSON Feed 1.1',
};

/** A human name for a format ("RSS 2.0"), for messages and previews. */
export function formatName(format: FeedFormat): string {
  return FORMAT_NAMES[format];
}

/**
 * Parses one decoded feed document. Throws NewsgateError PARSE_NOT_A_FEED ("Not a feed: …")
 * for web pages, empty or binary documents and unknown roots, and PARSE_MALFORMED when the
 * document is a feed but nothing in it could be read.
 */
export async function parseFeed(text: string, opts: ParseOptions): Promise<ParsedFeed> {
  const detected = detectFormat(text);
  if (detected.kind === 'json') return parseJsonFeed(detected, opts);

  await yieldToLoop();
  const repaired = repairXml(text, detected);
  await yieldToLoop();
  const xml = markupToCdata(repaired.text, detected.namespaces);
  await yieldToLoop();
  const adapter: XmlDocumentAdapter = detected.format.startsWith('atom') ? parseAtomDocument : parseRssDocument;
  const ctx = { url: opts.url, detected };
  let feed: ParsedFeed;
  try {
    feed = await adapter(xml, ctx);
  } catch (err) {
    feed = await recoverItems(xml, adapter, ctx, err);
    if (feed.items.length === 0) {
      throw new NewsgateError(
        ErrorCode.PARSE_MALFORMED,
        `Malformed feed: the document is ${formatName(detected.format)} but no item could be read (${errorLine(err)}); ` +
          'validate it (e.g. with the W3C Feed Validation Service) and ask the publisher to fix it',
        { cause: err, details: { url: opts.url, format: detected.format, warnings: [...repaired.warnings, ...feed.warnings] } },
      );
    }
  }
  return { ...feed, warnings: [...new Set([...detected.warnings, ...repaired.warnings, ...feed.warnings])] };
}
