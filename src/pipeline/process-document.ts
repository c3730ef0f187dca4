/**
 * The path every feed document takes from bytes to Articles: decode, parse, normalize. Shared by
 * ingestion (refresh-feed.ts), `newsgate preview` and the conformance script, so that what an
 * operator previews is exactly what newsgate will store.
 */
import type { Article } from '../model/article.ts';
import type { FeedConfig } from '../model/feed.ts';
import type { ParsedFeed } from '../model/raw-feed.ts';
import { TimeSlicer } from '../model/time-slices.ts';
import type { Candidate, Tagger } from '../normalize/gazetteer/tagger.types.ts';
import { normalizeIfChanged } from '../normalize/normalize-item.ts';
import type { IsUnchanged } from '../normalize/normalize.types.ts';
import { readDocument, type DocumentReader, type ReadDocument, type ReadInput } from './read-document.ts';

const NEVER_UNCHANGED: IsUnchanged = () => false;

export interface DocumentInput extends ReadInput {
  readonly feed: FeedConfig;
  readonly fetchedAt: Date;
  readonly tagger: Tagger;
  /** Ingestion passes the store's view, so unchanged items are not tagged again. */
  readonly isUnchanged?: IsUnchanged;
  /** Decodes and parses the bytes: `readDocument` on this thread unless given (the parse worker pool). */
  readonly reader?: DocumentReader;
}

/** What normalizing a read document needs: DocumentInput without the bytes. */
export type NormalizeInput = Omit<DocumentInput, 'bytes' | 'contentType' | 'maxBytes' | 'reader'>;

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
  return normalizeDocument(await (input.reader ?? readDocument)(input), input);
}

/**
 * The second half of processDocument: a read document's items to Articles, on this thread (the
 * tagger and its dictionaries live here). Ingestion calls it twice on one read document (first
 * to learn the ids, see refresh-feed.ts), so a document is decoded and parsed once.
 */
export async function normalizeDocument(doc: ReadDocument, input: NormalizeInput): Promise<ProcessedDocument> {
  const { parsed } = doc;
  const warnings = [...doc.warnings];
  const articles: Article[] = [];
  const candidatesByArticle = new Map<string, readonly Candidate[]>();
  const seen = new Set<string>();
  let unchanged = 0;
  const slicer = new TimeSlicer();
  for (const [index, item] of parsed.items.entries()) {
    await slicer.tick();
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
  warnings.push(...doc.cuts);
  return { parsed, encoding: doc.encoding, articles, candidatesByArticle, unchanged, warnings: [...new Set(warnings)] };
}
