/**
 * Folds a word for full-text search so that the spellings analysts meet in translated copy
 * match each other: case, Latin diacritics (Ḥashd → hashd), Arabic diacritics and tatweel,
 * and the Arabic letter variants that writers use interchangeably (أ/إ/آ → ا, ى → ي, ة → ه).
 * Pure; applied both when indexing and when searching.
 */
export function foldSearchTerm(term: string): string {
  return term
    .normalize('NFKD')
    .replace(/[\p{M}\u0640]/gu, '') // combining marks (Latin accents, Arabic harakat), tatweel
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627') // alef variants → bare alef
    .replace(/\u0649/g, '\u064a') // alef maqsura → ya
    .replace(/\u0629/g, '\u0647') // ta marbuta → ha
    .replace(/[\u2019\u2018'`ʿʾ]/g, '') // apostrophes and ayn/hamza transliteration marks
    .toLowerCase();
}

/**
 * The words of a text for search, folded: apostrophes are removed BEFORE splitting, so
 * "Kata'ib" is the one word "kataib" (as analysts type it), not "kata" and "ib". Used to index
 * and to search, by the store and by the subscription filter alike.
 */
export function searchTokens(text: string): string[] {
  return foldSearchTerm(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

/** Shorter terms must equal a whole word; from this length on, a term also matches word starts. */
export const PREFIX_MIN_LENGTH = 3;
