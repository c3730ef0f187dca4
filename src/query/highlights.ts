/**
 * `Article.highlights(query)`: where the words and phrases of a query occur in an article's
 * title, summary and body, as offsets into the text the client already has (UTF-16, like
 * evidence offsets) and short snippets around them. Words are compared by the same folding as
 * search (query-text.ts, and the index's light stems), one written word at a time, so a highlight is found exactly where
 * the search found a match. Terms under NOT are not highlighted (they matched nothing). Pure.
 */
import type { ResolvedQuery } from './query-ast.ts';
import { stemWord } from '../normalize/gazetteer/search-terms.ts';
import { textTokens } from './query-text.ts';

export type HighlightField = 'title' | 'summary' | 'content';

export interface Highlight {
  readonly field: HighlightField;
  /** Offsets of the match in the field's text. */
  readonly start: number;
  readonly end: number;
  /** The match with up to SNIPPET_CONTEXT characters either side, cut at word boundaries. */
  readonly snippet: string;
}

/** Characters of context kept either side of a match in its snippet. */
export const SNIPPET_CONTEXT = 60;
/** Most highlights returned for one article (a common word in a long body must not flood a page). */
export const MAX_HIGHLIGHTS = 20;

/** A written word of a field: its folded tokens and where it stands. */
interface Word {
  readonly token: string;
  /** The light stem the index compares words by (search-terms.ts). */
  readonly stem: string;
  readonly start: number;
  readonly end: number;
}

const WORD_RUN = /[\p{L}\p{N}\p{M}\u0640'\u2019\u2018`\u02BC\u02BF\u02BE]+/gu;

/** The folded tokens of `text`, each with the span of the written word it came from. */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD_RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    for (const token of textTokens(match[0])) words.push({ token, stem: stemWord(token), start, end });
  }
  return words;
}

/** The text terms a query looks for, outside any NOT. */
function positiveTerms(query: ResolvedQuery, out: Extract<ResolvedQuery, { kind: 'text' }>[] = []) {
  if (query.kind === 'text') out.push(query);
  else if (query.kind === 'and' || query.kind === 'or') for (const child of query.children) positiveTerms(child, out);
  return out;
}

function snippet(text: string, start: number, end: number): string {
  let from = Math.max(0, start - SNIPPET_CONTEXT);
  let to = Math.min(text.length, end + SNIPPET_CONTEXT);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = Math.max(end, text.lastIndexOf(' ', to));
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}

/** The highlights of `query` in the given fields, in field order then text order, overlaps merged. */
export function highlightsOf(query: ResolvedQuery, fields: Readonly<Record<HighlightField, string>>): Highlight[] {
  const terms = positiveTerms(query);
  if (terms.length === 0) return [];
  const out: Highlight[] = [];
  for (const field of ['title', 'summary', 'content'] as const) {
    const text = fields[field];
    const words = wordsOf(text);
    const spans: { start: number; end: number }[] = [];
    for (const term of terms) {
      if (term.scope === 'title' && field !== 'title') continue;
      const last = term.tokens.length - 1;
      outer: for (let i = 0; i + last < words.length; i++) {
        for (let j = 0; j <= last; j++) {
          const word = words[i + j] as Word;
          const want = term.tokens[j] as string;
          const hit = j === last && term.prefix ? word.token.startsWith(want) || word.stem.startsWith(want) : word.stem === stemWord(want);
          if (!hit) continue outer;
        }
        spans.push({ start: (words[i] as Word).start, end: (words[i + last] as Word).end });
      }
    }
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    let current: { start: number; end: number } | undefined;
    const merged: { start: number; end: number }[] = [];
    for (const span of spans) {
      if (current !== undefined && span.start <= current.end) current.end = Math.max(current.end, span.end);
      else merged.push((current = { ...span }));
    }
    for (const span of merged) {
      if (out.length >= MAX_HIGHLIGHTS) return out;
      out.push({ field, start: span.start, end: span.end, snippet: snippet(text, span.start, span.end) });
    }
  }
  return out;
}
