/**
 * The lead image of an article: the first image among the item's media (image enclosures and
 * `media:content`, then `media:thumbnail`, then JSON Feed `image`/attachments), else the first
 * `<img>` of the body. Absolute http(s) URLs only: a relative `src` is resolved, a `data:` or
 * `javascript:` one is skipped.
 */
import type { RawEnclosure } from '../model/raw-feed.ts';
import { absoluteUrl } from '../model/url.ts';

const IMAGE_EXTENSION = /\.(?:jpe?g|png|gif|webp|avif|bmp)(?:$|[?#])/i;

/** Preference by where the media came from: full images before thumbnails. */
const SOURCE_RANK: Readonly<Record<string, number>> = {
  'media:content': 0,
  enclosure: 0,
  'json:image': 1,
  'json:attachment': 1,
  'media:thumbnail': 2,
};

/** True when an enclosure is an image by its type, or by its extension when it has no type. */
export function isImageEnclosure(enclosure: RawEnclosure): boolean {
  if (enclosure.type) return enclosure.type.toLowerCase().startsWith('image/');
  return enclosure.source === 'media:thumbnail' || enclosure.source === 'json:image' || IMAGE_EXTENSION.test(enclosure.url);
}

/** The lead image URL, or null. */
export function pickImage(enclosures: readonly RawEnclosure[], bodyImages: readonly string[], base: string | null): string | null {
  const ranked = enclosures
    .map((enclosure, index) => ({ enclosure, index, rank: SOURCE_RANK[enclosure.source] ?? 1 }))
    .filter(({ enclosure }) => isImageEnclosure(enclosure))
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  for (const { enclosure } of ranked) {
    const url = absoluteUrl(enclosure.url, base);
    if (url) return url;
  }
  for (const src of bodyImages) {
    const url = absoluteUrl(src, base);
    if (url) return url;
  }
  return null;
}
