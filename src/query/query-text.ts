/**
 * The one rule for turning query text into search tokens: the store's folding
 * (search-terms.ts `foldedWords`, built on the tagger's fold), so the evaluator, the SQL
 * compiler and the highlighter read a query word exactly as the full-text index reads text.
 * Pure.
 */
import { foldedWords } from '../normalize/gazetteer/search-terms.ts';

/** The folded words of `text`, in order (not yet stemmed: a prefix must not be). */
export function textTokens(text: string): string[] {
  return foldedWords(text);
}
