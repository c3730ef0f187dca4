/**
 * Claims, quotes and figures of one tagged article (issue 14), from the same cleaned text the
 * tagger read (so nothing comes from translator notes, comments or chrome) and the tagger's
 * actor mentions.
 */
import type { ArticleEvidence, Claim, Figure, Quote } from '../../model/article.ts';
import { extractClaims } from '../claims/extract-claims.ts';
import { extractFigures } from '../figures/extract-figures.ts';
import { extractQuotes } from '../quotes/extract-quotes.ts';
import { actorSpans, type StatementInput } from './statement-input.ts';

export interface Statements {
  readonly claims: readonly Claim[];
  readonly quotes: readonly Quote[];
  readonly figures: readonly Figure[];
}

/** Runs the three extractors over the fields the tagger saw (`summary` as given to the tagger). */
export function extractStatements(
  fields: { readonly title: string; readonly summary: string; readonly content: string },
  evidence: ArticleEvidence,
  actorOf: (id: string) => { kind: string; name: string } | undefined,
  stateMentions: Parameters<typeof actorSpans>[2] = [],
): Statements {
  const input: StatementInput = { ...fields, actors: actorSpans(evidence, actorOf, stateMentions) };
  return { claims: extractClaims(input), quotes: extractQuotes(input), figures: extractFigures(input) };
}
