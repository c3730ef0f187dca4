/**
 * Media attached to an item, from every place feeds put it (RSS `<enclosure>`, Media RSS
 * `media:content`/`media:thumbnail`, also inside `media:group`, Atom `link rel=enclosure`,
 * JSON Feed attachments and images), as RawEnclosure made absolute and de-duplicated by URL:
 * feeds routinely list the same image as both an enclosure and a media:content.
 */
import type { RawEnclosure } from '../../model/raw-feed.ts';
import { attrOf, childrenOf, nodesOf } from './xml-node.ts';
import { resolveUrl } from './resolve-url.ts';

/** A non-negative integer from an attribute, else undefined. */
export function lengthOf(raw: string | number | undefined | null): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  const n = typeof raw === 'number' ? raw : Number.parseInt(String(raw).trim(), 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Builds one enclosure, or null when it has no usable URL. */
export function makeEnclosure(
  url: string | undefined | null,
  base: string | null,
  source: string,
  type?: string | null,
  length?: string | number | null,
): RawEnclosure | null {
  const resolved = resolveUrl(url, base);
  if (resolved === null) return null;
  const mime = (type ?? '').trim();
  const size = lengthOf(length);
  return { url: resolved, ...(mime !== '' ? { type: mime } : {}), ...(size !== undefined ? { length: size } : {}), source };
}

/** Keeps the first enclosure of each URL; a later duplicate only fills a missing type or length. */
export function dedupeEnclosures(list: readonly (RawEnclosure | null)[]): RawEnclosure[] {
  const byUrl = new Map<string, RawEnclosure>();
  for (const e of list) {
    if (e === null) continue;
    const seen = byUrl.get(e.url);
    if (seen === undefined) byUrl.set(e.url, e);
    else if ((seen.type === undefined && e.type !== undefined) || (seen.length === undefined && e.length !== undefined)) {
      byUrl.set(e.url, { ...seen, type: seen.type ?? e.type, length: seen.length ?? e.length } as RawEnclosure);
    }
  }
  return [...byUrl.values()];
}

/** Enclosures from raw Media RSS nodes: media:content, media:thumbnail, and both inside media:group. */
export function mediaEnclosures(
  content: unknown,
  thumbnail: unknown,
  group: unknown,
  base: string | null,
): (RawEnclosure | null)[] {
  const out: (RawEnclosure | null)[] = [];
  const contents = [...nodesOf(content)];
  const thumbs = [...nodesOf(thumbnail)];
  for (const g of nodesOf(group)) {
    contents.push(...childrenOf(g, 'media:content'));
    thumbs.push(...childrenOf(g, 'media:thumbnail'));
  }
  for (const c of contents) {
    out.push(makeEnclosure(attrOf(c, 'url'), base, 'media:content', attrOf(c, 'type'), attrOf(c, 'fileSize')));
    // A media:content may carry its own thumbnail.
    for (const t of childrenOf(c, 'media:thumbnail')) thumbs.push(t);
  }
  for (const t of thumbs) out.push(makeEnclosure(attrOf(t, 'url'), base, 'media:thumbnail'));
  return out;
}
