/**
 * The one rule for turning text into search tokens, on both sides of a match: a query word is
 * folded exactly as the store folds the title, summary and body it indexes (case, diacritics,
 * letter variants; see the store's folding), so the brute-force evaluator, the SQL compiler and
 * the highlighter agree with the full-text index. Pure.
 */
import { searchTokens } from '../store/search/fold-term.ts';

/** The folded tokens of `text`, in order. */
export function textTokens(text: string): string[] {
  return searchTokens(text);
}
