/**
 * Field bounds: what one feed item may bring into newsgate, far above any real article and low
 * enough that no publisher can make ingestion, the store or a query slow with one huge field (a
 * 5 MB title, 1,000 categories, a body nested 50,000 elements deep). Applied to the raw item
 * before normalizing, so every later stage only ever sees bounded input; each cut is said once
 * as a warning on the feed. Pure: item in, bounded item and warnings out.
 */
import type { RawEnclosure, RawItem } from '../model/raw-feed.ts';
import { flattenDeepHtml, MAX_HTML_DEPTH } from './clean/flatten-deep-html.ts';

/** The limits, in characters (UTF-16 code units) or counts. */
export interface ItemBounds {
  /** Raw title (HTML or text). Real titles are under 300. */
  readonly titleChars: number;
  /** Raw summary HTML. */
  readonly summaryChars: number;
  /** Raw content HTML; a very long article is 200 KB of HTML. */
  readonly contentChars: number;
  /** Author names per item, and characters per name. */
  readonly authors: number;
  readonly authorChars: number;
  /** Categories per item, and characters per category. */
  readonly tags: number;
  readonly tagChars: number;
  /** Enclosures (images, media) per item. */
  readonly enclosures: number;
  /** A link or guid longer than this is no link or guid at all (browsers stop near 2,000–64,000). */
  readonly urlChars: number;
  /** Element nesting of an HTML body beyond which tags are dropped (their text is kept). */
  readonly htmlDepth: number;
  /** Items read from one document; the rest are dropped (most feeds list 10–100). */
  readonly itemsPerFeed: number;
}

/** The bounds newsgate applies (documented in the README, "Limits"). */
export const ITEM_BOUNDS: ItemBounds = Object.freeze({
  titleChars: 1_000,
  summaryChars: 256 * 1024,
  contentChars: 1024 * 1024,
  authors: 50,
  authorChars: 256,
  tags: 100,
  tagChars: 256,
  enclosures: 50,
  urlChars: 8 * 1024,
  htmlDepth: MAX_HTML_DEPTH,
  itemsPerFeed: 10_000,
});

/** A bounded item and what was cut (each message names the field and the limit). */
export interface BoundedItem {
  readonly item: RawItem;
  readonly cuts: string[];
}

/** Cuts HTML at `max` characters, dropping a tag left half-written at the cut. */
function cutHtml(html: string, max: number): string {
  const cut = html.slice(0, max);
  const lt = cut.lastIndexOf('<');
  return lt !== -1 && cut.indexOf('>', lt) === -1 ? cut.slice(0, lt) : cut;
}

/** Applies {@link ITEM_BOUNDS} (or `bounds`) to one raw item. */
export function boundItem(raw: RawItem, bounds: ItemBounds = ITEM_BOUNDS): BoundedItem {
  const cuts: string[] = [];
  const text = (value: string | null, max: number, what: string, html: boolean): string | null => {
    if (value === null || value.length <= max) return value;
    cuts.push(`${what} longer than ${max} characters cut`);
    return html ? cutHtml(value, max) : value.slice(0, max);
  };
  const body = (value: string | null, max: number, what: string): string | null => {
    const cut = text(value, max, what, true);
    if (cut === null) return null;
    const flat = flattenDeepHtml(cut, bounds.htmlDepth);
    if (flat.dropped > 0) cuts.push(`${what} nested deeper than ${bounds.htmlDepth} elements flattened`);
    return flat.html;
  };
  const list = (values: readonly string[], count: number, chars: number, what: string): string[] => {
    if (values.length > count) cuts.push(`more than ${count} ${what}; kept the first ${count}`);
    const kept = values.slice(0, count);
    if (kept.some((v) => v.length > chars)) cuts.push(`${what} longer than ${chars} characters cut`);
    return kept.map((v) => (v.length > chars ? v.slice(0, chars) : v));
  };
  const url = (value: string | null, what: string): string | null => {
    if (value === null || value.length <= bounds.urlChars) return value;
    cuts.push(`${what} longer than ${bounds.urlChars} characters ignored`);
    return null;
  };
  let enclosures: readonly RawEnclosure[] = raw.enclosures.filter((e) => e.url.length <= bounds.urlChars);
  if (enclosures.length > bounds.enclosures) {
    cuts.push(`more than ${bounds.enclosures} enclosures; kept the first ${bounds.enclosures}`);
    enclosures = enclosures.slice(0, bounds.enclosures);
  }
  const item: RawItem = {
    ...raw,
    guid: url(raw.guid, 'guid'),
    link: url(raw.link, 'link'),
    title: text(raw.title, bounds.titleChars, 'title', true),
    summaryHtml: body(raw.summaryHtml, bounds.summaryChars, 'summary'),
    contentHtml: body(raw.contentHtml, bounds.contentChars, 'content'),
    authors: list(raw.authors, bounds.authors, bounds.authorChars, 'authors'),
    categories: list(raw.categories, bounds.tags, bounds.tagChars, 'categories'),
    published: text(raw.published, 256, 'published date', false),
    updated: text(raw.updated, 256, 'updated date', false),
    enclosures,
    language: text(raw.language, 64, 'language', false),
  };
  return { item, cuts };
}
