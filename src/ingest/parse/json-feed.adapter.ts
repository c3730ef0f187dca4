/**
 * JSON Feed 1.0 and 1.1 (jsonfeed.org) into ParsedFeed. 1.0's single `author` and 1.1's
 * `authors` are both read; `url` falls back to `external_url`; `image`/`banner_image` and
 * `attachments` become enclosures. Values of the wrong JSON type are ignored with a warning
 * rather than failing the feed.
 */
import type { ParsedFeed, RawItem } from '../../model/raw-feed.ts';
import type { DetectedJson } from './detect-format.ts';
import { ErrorCode, NewsgateError } from '../../model/errors.ts';
import { authorNames } from './authors.ts';
import { dedupeEnclosures, makeEnclosure } from './enclosures.ts';
import { Fallbacks } from './fallbacks.ts';
import { resolveUrl } from './resolve-url.ts';
import { uniqueStrings } from './text-fields.ts';

type Json = Record<string, unknown>;

function str(obj: Json, key: string): string | null {
  const v = obj[key];
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number') return String(v);
  return null;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function names(obj: Json): string[] {
  const list: unknown[] = [];
  if (Array.isArray(obj['authors'])) list.push(...(obj['authors'] as unknown[]));
  if (isObject(obj['author'])) list.push(obj['author']);
  return authorNames(list.map((a) => (isObject(a) && typeof a['name'] === 'string' ? a['name'] : null)));
}

/** Turns one JSON Feed item into a RawItem. */
export function jsonItem(item: Json, base: string | null, feedAuthors: readonly string[], fallbacks: Fallbacks): RawItem {
  let link = resolveUrl(str(item, 'url'), base);
  if (link === null && str(item, 'external_url') !== null) {
    link = resolveUrl(str(item, 'external_url'), base);
    fallbacks.note('no "url"; used "external_url"');
  }
  let authors = names(item);
  if (authors.length === 0 && feedAuthors.length > 0) {
    authors = [...feedAuthors];
    fallbacks.note('no author; used the feed authors');
  }
  const contentText = str(item, 'content_text');
  const escapedText = contentText === null ? null : contentText.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
  const attachments = Array.isArray(item['attachments']) ? (item['attachments'] as unknown[]).filter(isObject) : [];
  const enclosures = dedupeEnclosures([
    ...attachments.map((a) => makeEnclosure(str(a, 'url'), base, 'json:attachment', str(a, 'mime_type'), str(a, 'size_in_bytes'))),
    makeEnclosure(str(item, 'image'), base, 'json:image'),
    makeEnclosure(str(item, 'banner_image'), base, 'json:image'),
  ]);
  const tags = Array.isArray(item['tags']) ? (item['tags'] as unknown[]).filter((t): t is string => typeof t === 'string') : [];
  return {
    guid: str(item, 'id')?.trim() ?? null,
    link,
    title: str(item, 'title'),
    summaryHtml: str(item, 'summary'),
    contentHtml: str(item, 'content_html') ?? escapedText,
    authors,
    categories: uniqueStrings(tags),
    published: str(item, 'date_published'),
    updated: str(item, 'date_modified'),
    enclosures,
    language: str(item, 'language'),
  };
}

/** Reads a JSON Feed already parsed by detectFormat. Throws PARSE_MALFORMED when `items` is not a list. */
export function parseJsonFeed(detected: DetectedJson, opts: { url: string }): ParsedFeed {
  const data = detected.data;
  if (!Array.isArray(data['items'])) {
    throw new NewsgateError(
      ErrorCode.PARSE_MALFORMED,
      `Malformed JSON Feed: "items" is ${data['items'] === undefined ? 'missing' : 'not an array'}; a JSON Feed must have "items": [ ... ]`,
      { details: { url: opts.url } },
    );
  }
  const base = resolveUrl(str(data, 'feed_url'), opts.url) ?? opts.url;
  const fallbacks = new Fallbacks();
  const feedAuthors = names(data);
  const entries = data['items'] as unknown[];
  const items = entries.filter(isObject).map((item) => jsonItem(item, base, feedAuthors, fallbacks));
  const warnings = [...detected.warnings, ...fallbacks.warnings()];
  if (items.length < entries.length) warnings.push(`${entries.length - items.length} entries of "items" are not objects; skipped`);
  return {
    format: detected.format,
    title: str(data, 'title'),
    link: resolveUrl(str(data, 'home_page_url'), opts.url),
    description: str(data, 'description'),
    language: str(data, 'language'),
    ttlMinutes: null,
    items,
    warnings,
  };
}
