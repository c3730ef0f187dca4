/**
 * The words of a text as the full-text index holds them and as a search asks for them: one
 * function for both sides (the store's FTS5/tsvector at write time, the `search` filter at query
 * time, the subscription matcher), built on {@link fold} so that the index, the tagger and the
 * searcher agree on case, diacritics, apostrophes and Arabic/Persian letter variants.
 *
 * On top of folding, Arabic words get a light stem (no dictionary, no roots): the attached
 * proclitics (و ف ب ك ل, the article ال and their combinations وال بال فال كال لل) and one
 * common suffix (ات ون ين ها ه — ه also stands for ة, which fold turns into ه). Each word is
 * indexed in its exact folded form AND its stem, and a search word is looked up by its stem, so
 * `طائرة مسيرة` finds `بطائرة مسيرة` and `حوثي` finds `الحوثي` and `الحوثيون`. Why light: a
 * root stemmer merges unrelated words; why the exact form too: a query of a form the stemmer
 * leaves alone (a name) still meets it, and future exact/phrase search has it. The price is some
 * precision (a word that merely starts with و or ب loses it when at least four letters remain):
 * the same rule applies on both sides, so recall is never lost to it.
 */
import { fold } from './fold.ts';

/** Letters of the Arabic block that words are made of (after fold: no harakat, no tatweel). */
const ARABIC_WORD = /^[\u0621-\u064A\u067E\u0686\u0698\u06AF]+$/u;
/** Article forms, longest first; the remainder must keep at least 3 letters. */
const ARTICLES = ['\u0628\u0627\u0644', '\u0643\u0627\u0644', '\u0644\u0644', '\u0627\u0644'];
/** Conjunctions that may precede an article form (وال، فال، وبال، فلل…). */
const CONJUNCTIONS = new Set(['\u0648', '\u0641']);
/** Single-letter proclitics; stripped only when at least 4 letters remain (وزير stays a word longer). */
const SINGLE_PROCLITICS = new Set(['\u0648', '\u0641', '\u0628', '\u0643', '\u0644']);
/** Suffixes, longest first; one is stripped when at least 3 letters remain. */
const SUFFIXES = ['\u0627\u062A', '\u0648\u0646', '\u064A\u0646', '\u0647\u0627', '\u0647'];

/**
 * The light stem of one FOLDED word (see the file comment); other scripts come back unchanged.
 * Pure and total: the same input always gives the same stem.
 */
export function stemWord(word: string): string {
  if (word.length < 4 || !ARABIC_WORD.test(word)) return word;
  let w = withoutArticle(word) ?? (CONJUNCTIONS.has(word[0] ?? '') ? withoutArticle(word.slice(1)) : undefined);
  if (w === undefined) w = SINGLE_PROCLITICS.has(word[0] ?? '') && word.length - 1 >= 4 ? word.slice(1) : word;
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, w.length - suffix.length);
      break;
    }
  }
  return w;
}

/** `word` without a leading article form, or undefined when it has none (or too little would remain). */
function withoutArticle(word: string): string | undefined {
  for (const article of ARTICLES) {
    if (word.startsWith(article) && word.length - article.length >= 3) return word.slice(article.length);
  }
  return undefined;
}

/** The folded words of a text, in order (letters and digits; everything else separates). */
export function foldedWords(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * What the full-text index stores for a text: every folded word and, where they differ, its
 * stem (and the stem of that), each once. Joined by spaces it is what FTS5 indexes; as an array, PostgreSQL's
 * `array_to_tsvector`.
 */
export function indexTerms(text: string): string[] {
  const out = new Set<string>();
  for (const word of foldedWords(text)) addWordTerms(word, out);
  return [...out];
}

/**
 * Adds what the index holds for one folded word (the word, its stem, the stem of that…) to
 * `out`, and returns its stem (the word itself when it has none).
 */
export function addWordTerms(word: string, out: Set<string>): string {
  out.add(word);
  // The stem of the stem too (لكتائب → كتائب → تائب): a search for an already shorter form
  // is looked up by ITS stem, which must be here as well.
  const stem = stemWord(word);
  let form = word;
  let next = stem;
  for (let i = 0; i < 3 && next !== form; i++) {
    out.add(next);
    form = next;
    next = stemWord(form);
  }
  return stem;
}

/** One word of a search: the term the index is asked for, and whether words it begins match too. */
export interface QueryTerm {
  readonly term: string;
  readonly prefix: boolean;
}

/**
 * The terms a `search` string asks for, all of which must match (AND). A word is looked up by
 * its stem (which every indexed form of it also carries); a word ending in `*` is a prefix
 * (`hezb*` → Hezbollah) and is not stemmed. Whole words by default: a prefix query makes both
 * engines merge the postings of every word it begins, which for a short or common prefix is the
 * whole index. Empty when the search holds no word.
 */
export function queryTerms(search: string): QueryTerm[] {
  const out: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const raw of search.split(/\s+/u)) {
    const starred = raw.endsWith('*');
    const words = foldedWords(starred ? raw.slice(0, -1) : raw);
    words.forEach((word, i) => {
      const prefix = starred && i === words.length - 1;
      const term = prefix ? word : stemWord(word);
      const key = `${prefix ? '*' : ''}${term}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ term, prefix });
    });
  }
  return out;
}

/**
 * True when a text holds every term of `search`, exactly as the store's index would answer
 * (used to filter subscriptions without a database round trip). A search of no words matches.
 */
export function textMatchesSearch(text: string, search: string): boolean {
  const terms = queryTerms(search);
  if (terms.length === 0) return true;
  const indexed = indexTerms(text);
  const set = new Set(indexed);
  return terms.every((t) => (t.prefix ? indexed.some((w) => w.startsWith(t.term)) : set.has(t.term)));
}
