/**
 * Bytes to text for web pages (full text): the same rules and corrections as feeds (BOM, HTTP
 * charset, legacy encodings, mislabelled UTF-8, gzip without Content-Encoding), with the page's
 * `<meta charset>` in the place of the XML declaration.
 */
import { decodeFeed, type DecodedFeed } from './decode-feed.ts';
import { HTML_META_CHARSET } from './html-meta-charset.ts';

/** Decodes a fetched HTML page. Throws only what decodeFeed throws (corrupt or oversized gzip). */
export function decodePage(bytes: Uint8Array, contentType?: string, maxInflatedBytes?: number): DecodedFeed {
  return decodeFeed(bytes, contentType, { declaration: HTML_META_CHARSET, ...(maxInflatedBytes ? { maxInflatedBytes } : {}) });
}
