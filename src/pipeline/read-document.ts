/**
 * The first half of the path from bytes to Articles: decode, parse and bound (no tagging, no
 * I/O). It is the CPU-heavy half of a large document, and the half that needs no dictionaries,
 * so it is what the parse worker (parse-worker.ts) runs off the main thread; the main thread
 * runs the same function for small documents and when there is no worker (preview, tests).
 * Its output is plain data (structured-clone safe), so both places return identical values.
 */
import { decodeFeed } from '../ingest/decode/decode-feed.ts';
import { parseFeed } from '../ingest/parse/parse-feed.ts';
import type { ParsedFeed, RawItem } from '../model/raw-feed.ts';
import { TimeSlicer, yieldToLoop } from '../model/time-slices.ts';
import { boundItem, ITEM_BOUNDS } from '../normalize/bound-item.ts';

/** What reading one document needs: the bytes and where they came from. */
export interface ReadInput {
  readonly bytes: Uint8Array;
  /** The HTTP Content-Type (or what `--content-type` stands in for), for its charset. */
  readonly contentType?: string;
  /** Where the document came from (after redirects): base for relative links. */
  readonly url: string;
  /** Cap for gzip bytes that arrive without Content-Encoding (the fetch body cap). */
  readonly maxBytes?: number;
}

/** A decoded, parsed document whose items are bounded (ITEM_BOUNDS), ready to normalize. */
export interface ReadDocument {
  /** The feed, with at most ITEM_BOUNDS.itemsPerFeed items, each bounded. */
  readonly parsed: ParsedFeed;
  /** The charset the bytes were decoded with. */
  readonly encoding: string;
  /** Decode and parse warnings, and the items-per-feed cut. */
  readonly warnings: readonly string[];
  /** Field cuts, one line per kind with its count ("3 items: title longer than …"). */
  readonly cuts: readonly string[];
}

/** Reads documents: `readDocument` here, or the parse worker pool for large ones. */
export type DocumentReader = (input: ReadInput) => Promise<ReadDocument>;

/**
 * Decodes, parses and bounds one document. Throws NewsgateError (PARSE_NOT_A_FEED,
 * PARSE_MALFORMED, DECODE_FAILED, FETCH_TOO_LARGE) only when nothing at all can be read.
 */
export async function readDocument(input: ReadInput): Promise<ReadDocument> {
  const decoded = decodeFeed(input.bytes, input.contentType, input.maxBytes ? { maxInflatedBytes: input.maxBytes } : undefined);
  await yieldToLoop();
  const parsed = await parseFeed(decoded.text, { url: input.url });
  const warnings = [...decoded.warnings, ...parsed.warnings];
  const maxItems = ITEM_BOUNDS.itemsPerFeed;
  if (parsed.items.length > maxItems) {
    warnings.push(`more than ${maxItems} items in the document (${parsed.items.length}); kept the first ${maxItems}`);
  }
  const items: RawItem[] = [];
  const cutCounts = new Map<string, number>();
  const slicer = new TimeSlicer();
  for (const rawItem of parsed.items.slice(0, maxItems)) {
    await slicer.tick();
    const { item, cuts } = boundItem(rawItem);
    for (const cut of cuts) cutCounts.set(cut, (cutCounts.get(cut) ?? 0) + 1);
    items.push(item);
  }
  const cuts = [...cutCounts].map(([cut, n]) => `${n} ${n === 1 ? 'item' : 'items'}: ${cut} (the field limits)`);
  return { parsed: { ...parsed, items }, encoding: decoded.encoding, warnings, cuts };
}
