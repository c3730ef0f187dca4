/**
 * Tags: the item's feed categories and the feed's configured tags, as plain strings — HTML
 * entities decoded, tags stripped, whitespace folded, and de-duplicated case- and
 * accent-insensitively ("Iraq", "IRAQ", " iraq ") keeping the first spelling. Categories are not
 * split on commas: "Gowanus Canal (Brooklyn, NY)" is one category.
 */
import { foldText } from '../../model/ids.ts';
import { plainText } from './text.ts';

/** Cleans and de-duplicates tags, item categories first, in order. */
export function cleanTags(...lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const list of lists) {
    for (const raw of list) {
      const tag = plainText(raw).replace(/^[\s#,;|/]+|[\s,;|/]+$/g, '');
      const key = foldText(tag);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      tags.push(tag);
    }
  }
  return tags;
}
