/**
 * Extra full-text terms that let the word index (search-terms.ts, a set of words per article,
 * without positions) answer the query language's "exact phrases" and `title:` terms, on both
 * engines, with no second index:
 *
 * - a word pair `a b` standing side by side in one field (title, summary, body, one tag) is
 *   indexed as the single term `aǂb` (stems, so `"طائرة مسيرة"` finds `بطائرة مسيرة`);
 * - a title word is also indexed as `ǂword` (and its stem), a title pair as `ǂaǂb`.
 *
 * `ǂ` (U+01C2, a letter to FTS5's unicode61 tokenizer, so the term stays one token) never
 * occurs in folded news text. A phrase matches when each pair of neighbouring words in it
 * stands side by side somewhere in one field: exactly the phrase for two words (most phrases),
 * and for longer ones every pair in place, which is the documented meaning of the query
 * language. The same functions run at index time (the store) and query time (the compiler,
 * the brute-force evaluator), so they agree by construction. Pure.
 */
import { addWordTerms, foldedWords, stemWord, type QueryTerm } from './search-terms.ts';

/** Joins the words of a pair, and marks title terms. */
export const TERM_MARK = '\u01C2';

/** The pair term of two neighbouring words (stems). */
export function pairTerm(left: string, right: string): string {
  return `${left}${TERM_MARK}${right}`;
}

/** The title form of a term. */
export function titleTerm(term: string): string {
  return `${TERM_MARK}${term}`;
}

/** Pair terms of one field's text. */
function pairsOf(text: string, out: Set<string>, mark: (t: string) => string): void {
  const stems = foldedWords(text).map(stemWord);
  for (let i = 0; i + 1 < stems.length; i++) out.add(mark(pairTerm(stems[i] as string, stems[i + 1] as string)));
}

/** The phrase and title terms of an article, to index next to `indexTerms` of its text. */
export function phraseIndexTerms(article: SearchableArticle): string[] {
  const out = new Set<string>();
  const same = (t: string) => t;
  for (const field of [article.title, article.summary, article.content, ...article.tags]) pairsOf(field, out, same);
  pairsOf(article.title, out, titleTerm);
  for (const word of foldedWords(article.title)) {
    out.add(titleTerm(word));
    out.add(titleTerm(stemWord(word)));
  }
  return [...out];
}

/**
 * The index terms a word or phrase of the query language needs, all of them (AND): `words` are
 * its folded words in order; a single word is its stem (or, as a prefix, itself); a phrase is
 * its neighbouring pairs, the last pair a prefix when asked; `title` marks every term.
 */
export function phraseQueryTerms(words: readonly string[], prefix: boolean, title: boolean): QueryTerm[] {
  const mark = title ? titleTerm : (t: string) => t;
  const last = words.length - 1;
  const form = (i: number) => (prefix && i === last ? (words[i] as string) : stemWord(words[i] as string));
  if (words.length === 1) return [{ term: mark(form(0)), prefix }];
  const terms: QueryTerm[] = [];
  for (let i = 0; i < last; i++) terms.push({ term: mark(pairTerm(stemWord(words[i] as string), form(i + 1))), prefix: prefix && i + 1 === last });
  return terms;
}

/** The fields of an article that full text covers. */
export interface SearchableArticle {
  readonly title: string;
  readonly summary: string;
  readonly content: string;
  readonly tags: readonly string[];
}

/**
 * Every full-text term of an article: its words and stems over title, summary, body and tags
 * (search-terms.ts), and its phrase and title terms. What the store indexes, and what the
 * brute-force evaluator checks a query against.
 */
export function articleSearchTerms(article: SearchableArticle): string[] {
  // One fold per field (the store's import runs this for every article): the same terms as
  // indexTerms over all fields plus phraseIndexTerms, which fold each field again.
  const out = new Set<string>();
  const field = (text: string, title: boolean) => {
    let previous: string | undefined;
    for (const word of foldedWords(text)) {
      const stem = addWordTerms(word, out);
      if (previous !== undefined) {
        out.add(pairTerm(previous, stem));
        if (title) out.add(titleTerm(pairTerm(previous, stem)));
      }
      if (title) {
        out.add(titleTerm(word));
        out.add(titleTerm(stem));
      }
      previous = stem;
    }
  };
  field(article.title, true);
  field(article.summary, false);
  field(article.content, false);
  for (const tag of article.tags) field(tag, false);
  return [...out];
}
