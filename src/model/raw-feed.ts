/**
 * What the parse stage hands to normalize: a feed's items in one shape whatever the format,
 * with text still raw (HTML, entities) and dates still strings. Adapters fill every field they
 * can and write their fallbacks out as warnings.
 */
import type { FeedFormat } from './feed.ts';

export interface RawEnclosure {
  readonly url: string;
  readonly type?: string;
  readonly length?: number;
  /** `enclosure`, `media:content`, `media:thumbnail`, `json:attachment`, `json:image`. */
  readonly source: string;
}

export interface RawItem {
  /** RSS guid / Atom id / JSON Feed id, trimmed; null when absent. */
  readonly guid: string | null;
  /** Absolute link (alternate link; resolved against xml:base/feed URL), null when absent. */
  readonly link: string | null;
  /** Title as HTML or text (xhtml titles flattened to a string). */
  readonly title: string | null;
  /** Summary/description, HTML. */
  readonly summaryHtml: string | null;
  /** Full content (content:encoded, Atom content, JSON content_html/content_text), HTML. */
  readonly contentHtml: string | null;
  /** Author names (no e-mail addresses). */
  readonly authors: readonly string[];
  /** Category terms/labels as plain strings, not split on commas. */
  readonly categories: readonly string[];
  /** Date strings exactly as the feed wrote them. */
  readonly published: string | null;
  readonly updated: string | null;
  readonly enclosures: readonly RawEnclosure[];
  /** Item-level language (xml:lang, dc:language, JSON language). */
  readonly language: string | null;
}

export interface ParsedFeed {
  readonly format: FeedFormat;
  readonly title: string | null;
  /** The site's home page (alternate link), absolute. */
  readonly link: string | null;
  readonly description: string | null;
  readonly language: string | null;
  /** RSS `<ttl>` in minutes, if given. */
  readonly ttlMinutes: number | null;
  readonly items: readonly RawItem[];
  /** What was wrong and recovered: ill-formed XML, dropped nested items, … */
  readonly warnings: readonly string[];
}
