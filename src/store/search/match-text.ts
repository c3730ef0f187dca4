/**
 * The text match of the store's search, without an index: whether one article's title, summary
 * and tags hold every word of a search, by the same rules minisearch applies in search-index.ts
 * (tokens of fold-term.ts; each term matches a word equal to it, a word it starts once it has
 * PREFIX_MIN_LENGTH characters, or a word within FUZZY_FRACTION of its length in edits once it
 * has FUZZY_MIN_LENGTH). The store answers `search` with it for the articles the full-text
 * index has not taken in yet (the index is built in the background after a restore), so a
 * search gives the same articles before and after that build ends. Pure.
 */
import type { ArticleMeta } from '../../model/article.ts';
import { PREFIX_MIN_LENGTH, searchTokens } from './fold-term.ts';

/** From this length on a term also matches words a few edits away (one typo in a long name). */
export const FUZZY_MIN_LENGTH = 6;
/** Edits allowed, as a fraction of the term's length (rounded), as minisearch's `fuzzy: 0.15`. */
export const FUZZY_FRACTION = 0.15;
/** minisearch's cap on edits (`maxFuzzy`, default 6). */
const MAX_FUZZY = 6;

/** The text of an article that search looks at, one string (fields separated by a space). */
export function searchableText(meta: Pick<ArticleMeta, 'title' | 'summary' | 'tags'>): string {
  return `${meta.title} ${meta.summary} ${meta.tags.join(' ')}`;
}

/** Edits a term may be away from a word and still match it (0: exact or prefix only). */
export function fuzzyDistance(term: string): number {
  return term.length >= FUZZY_MIN_LENGTH ? Math.min(MAX_FUZZY, Math.round(term.length * FUZZY_FRACTION)) : 0;
}

/**
 * A compiled search: `matches(meta)` tells whether the article holds every term. A search with
 * no word in it matches nothing, as minisearch answers it.
 */
export function compileTextMatch(search: string): (meta: Pick<ArticleMeta, 'title' | 'summary' | 'tags'>) => boolean {
  const terms = [...new Set(searchTokens(search))].map((term) => ({ term, prefix: term.length >= PREFIX_MIN_LENGTH, edits: fuzzyDistance(term) }));
  if (terms.length === 0) return () => false;
  return (meta) => {
    const words = new Set(searchTokens(searchableText(meta)));
    return terms.every(({ term, prefix, edits }) => {
      if (words.has(term)) return true;
      for (const word of words) {
        if (prefix && word.startsWith(term)) return true;
        if (edits > 0 && withinEdits(term, word, edits)) return true;
      }
      return false;
    });
  };
}

/** Whether the Levenshtein distance of `a` and `b` is at most `max` (banded, stops early). */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    [prev, cur] = [cur, prev];
  }
  return (prev[b.length] as number) <= max;
}
