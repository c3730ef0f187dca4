/**
 * The path every feed document takes from bytes to Articles: decode, parse, normalize. Shared by
 * ingestion (refresh-feed.ts), `newsgate preview` and the conformance script, so that what an
 * operator previews is exactly what newsgate will store.
 */
import type { Article } from '../model/article.ts';
import type { FeedConfig } from '../model/feed.ts';
import type { ParsedFeed } from '../model/raw-feed.ts';
import { decodeFeed } from '../ingest/decode/decode-feed.ts';
import { TimeSlicer, yieldToLoop } from '../model/time-slices.ts';
import { parseFeed } from '../ingest/parse/parse-feed.ts';
import type { Candidate, Tagger } from '../normalize/gazetteer/tagger.types.ts';
import { boundItem, ITEM_BOUNDS } from '../normalize/bound-item.ts';
import { normalizeIfChanged } from '../normalize/normalize-item.ts';
import type { IsUnchanged } from '../normalize/normalize.types.ts';

const NEVER_UNCHANGED: IsUnchanged = () => false;

export interface DocumentInput {
  readonly bytes: Uint8Array;
  /** The HTTP Content-Type (or what `--content-type` stands in for), for its charset. */
  readonly contentType?: string;
  /** Where the document came from (after redirects): base for relative links. */
  readonly url: string;
  readonly feed: FeedConfig;
  readonly fetchedAt: Date;
  readonly tagger: Tagger;
  /** Ingestion passes the store's view, so unchanged items are not tagged again. */
  readonly isUnchanged?: IsUnchanged;
  /** Cap for gzip bytes that arrive without Content-Encoding (the fetch body cap). */
  readonly maxBytes?: number;
}

export interface ProcessedDocument {
  readonly parsed: ParsedFeed;
  /** The charset the bytes were decoded with. */
  readonly encoding: string;
  /** One per item, in feed order, de-duplicated by id (a feed listing an item twice keeps the first). */
  readonly articles: Article[];
  /** Unknown names found, per article id (for discovery). */
  readonly candidatesByArticle: Map<string, readonly Candidate[]>;
  /** Items the store already holds unchanged (skipped before tagging). */
  readonly unchanged: number;
  /** Decode, parse and per-item normalize warnings, each said once. */
  readonly warnings: string[];
}

/**
 * Turns one fetched document into Articles. Throws NewsgateError (PARSE_NOT_A_FEED,
 * PARSE_MALFORMED, DECODE_FAILED) only when nothing at all can be read; a bad item is dropped
 * with a warning and never takes the good ones with it. Items are bounded (ITEM_BOUNDS) before
 * they are normalized, and normalized in time slices that yield to the event
 * loop, so a 10,000-item document never stalls the server.
 */
export async function processDocument(input: DocumentInput): Promise<ProcessedDocument> {
  const decoded = decodeFeed(input.bytes, input.contentType, input.maxBytes ? { maxInflatedBytes: input.maxBytes } : undefined);
  await yieldToLoop();
  const parsed = await parseFeed(decoded.text, { url: input.url });
  const warnings = [...decoded.warnings, ...parsed.warnings];
  const maxItems = ITEM_BOUNDS.itemsPerFeed;
  if (parsed.items.length > maxItems) {
    warnings.push(`more than ${maxItems} items in the document (${parsed.items.length}); kept the first ${maxItems}`);
  }
  const articles: Article[] = [];
  const candidatesByArticle = new Map<string, readonly Candidate[]>();
  const seen = new Set<string>();
  let unchanged = 0;
  const cutCounts = new Map<string, number>();
  const slicer = new TimeSlicer();
  for (const [index, rawItem] of parsed.items.slice(0, maxItems).entries()) {
    await slicer.tick();
    const { item, cuts } = boundItem(rawItem);
    for (const cut of cuts) cutCounts.set(cut, (cutCounts.get(cut) ?? 0) + 1);
    try {
      const normalized = normalizeIfChanged(item, {
        feed: input.feed,
        feedTitle: parsed.title,
        feedLink: parsed.link,
        feedLanguage: parsed.language,
        documentUrl: input.url,
        fetchedAt: input.fetchedAt,
        tagger: input.tagger,
      }, input.isUnchanged ?? NEVER_UNCHANGED);
      warnings.push(...normalized.warnings);
      if (normalized.unchanged) {
        unchanged++;
        continue;
      }
      if (seen.has(normalized.article.id)) {
        warnings.push(`item ${index + 1} repeats an earlier item (same id); kept the first`);
        continue;
      }
      seen.add(normalized.article.id);
      articles.push(normalized.article);
      if (normalized.candidates.length > 0) candidatesByArticle.set(normalized.article.id, normalized.candidates);
    } catch (err) {
      warnings.push(`item ${index + 1} ("${item.title ?? item.link ?? item.guid ?? '?'}") was skipped: ${(err as Error).message}`);
    }
  }
  for (const [cut, n] of cutCounts) warnings.push(`${n} ${n === 1 ? 'item' : 'items'}: ${cut} (the field limits)`);
  return { parsed, encoding: decoded.encoding, articles, candidatesByArticle, unchanged, warnings: [...new Set(warnings)] };
}
