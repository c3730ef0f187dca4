/**
 * Plain-text helpers shared by every cleaning step: entity decoding, tag stripping for fields
 * that may carry markup (titles, categories, author names), whitespace folding and the
 * comparison key used to recognise boilerplate phrases however they are cased or punctuated.
 */
import { Parser } from 'htmlparser2';
import { foldText } from '../../model/ids.ts';

/** A zero-width non-joiner that does not sit between two letters (stray, around a space or an edge). */
const STRAY_ZWNJ = /(?<!\p{L}\p{M}*)\u200C+|\u200C+(?!\p{L})/gu;

/**
 * Folds runs of whitespace (including no-break, zero-width and other Unicode spaces) into one
 * space and trims. Zero-width spaces and joiners are dropped: feeds paste them around Arabic
 * names and they would split matches. The zero-width NON-joiner (U+200C) between two letters is
 * kept: it is a letter of Persian spelling (the half-space of "می‌شود", "حزب‌الله"), and removing
 * it changes the word ("میشود") for the reader and for matching.
 */
export function foldWhitespace(text: string): string {
  return text
    .replace(/[\u200B\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(STRAY_ZWNJ, '')
    .replace(/[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g, ' ')
    .trim();
}

/**
 * The text of an HTML fragment on one line: tags removed, entities decoded (named, numeric,
 * and the legacy ones without `;`), script/style content dropped, whitespace folded. For
 * titles, categories and names, which feeds send as HTML, as escaped HTML or as plain text.
 * Escaped markup (`&lt;b&gt;`) is decoded once and then stripped as well, since a title never
 * legitimately shows tags.
 */
export function plainText(fragment: string | null | undefined): string {
  if (!fragment) return '';
  let text = stripOnce(fragment);
  if (/<\/?[a-z][^>]*>/i.test(text)) text = stripOnce(text);
  return foldWhitespace(text);
}

/** Elements whose text is never shown. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head']);

function stripOnce(fragment: string): string {
  const parts: string[] = [];
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hidden += 1;
        else if (name === 'br' || name === 'p' || name === 'div' || name === 'li') parts.push(' ');
      },
      ontext(text) {
        if (hidden === 0) parts.push(text);
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (name === 'p' || name === 'div' || name === 'li') parts.push(' ');
      },
    },
    { decodeEntities: true },
  );
  parser.write(fragment);
  parser.end();
  return parts.join('');
}

/**
 * Comparison key for boilerplate phrases: {@link foldText} (lower case, no diacritics, Arabic
 * letter variants unified, apostrophes dropped, punctuation to spaces). "Do you like this
 * article?" and "DO YOU LIKE THIS ARTICLE" give the same key; so do "اقرأ أيضاً" and "اقرأ ايضا".
 * The same fold as story keys, so there is one notion of "the same words" in newsgate.
 */
export function phraseKey(text: string): string {
  // Several detectors (chrome, share lines, comment markers, lists, the title line) ask for the
  // key of the same paragraph: fold each text once.
  let key = phraseKeys.get(text);
  if (key === undefined) {
    if (phraseKeys.size >= PHRASE_KEY_CACHE) phraseKeys.clear();
    key = foldText(text);
    phraseKeys.set(text, key);
  }
  return key;
}

/** Recent phrase keys; bounded, and cleared wholesale when full (a few articles' paragraphs). */
const phraseKeys = new Map<string, string>();
const PHRASE_KEY_CACHE = 2000;

/** Number of words (runs of letters or digits) in `text`. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** Cuts `text` to at most `max` characters at a word boundary, adding "…" when cut. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}
