/**
 * The tokenizer of the query language: splits query text into words, "phrases", field terms
 * (`actor:kataib-hizbullah`, `title:"drone strike"`, `published:>now-7d`), parentheses, the
 * operators AND / OR / NOT (upper case only: a lower-case "or" is a word) and the `-` that
 * negates the term it touches. Every token keeps its 1-based position for error messages.
 * Pure.
 */
import { quoted, querySyntaxError } from './query-syntax-error.ts';

export type QueryToken =
  | { readonly type: '(' | ')' | 'AND' | 'OR' | 'NOT' | '-'; readonly position: number }
  | { readonly type: 'word'; readonly text: string; readonly position: number }
  | { readonly type: 'phrase'; readonly text: string; readonly position: number }
  | {
      readonly type: 'field';
      readonly name: string;
      readonly value: string;
      /** The value was written in quotes (`title:"drone strike"`). */
      readonly quotedValue: boolean;
      readonly position: number;
      readonly valuePosition: number;
    };

/** Longest query accepted: a query is a question, not a document pasted by mistake. */
export const MAX_QUERY_LENGTH = 1000;

const OPEN_QUOTES = new Set(['"', '\u201C', '\u201E', '\u00AB']);
const CLOSE_QUOTE: Record<string, string> = { '"': '"', '\u201C': '\u201D', '\u201E': '\u201C', '\u00AB': '\u00BB' };
const SPACE = /\s/u;

/** Characters that end a bare word or field value. */
function endsWord(ch: string): boolean {
  return SPACE.test(ch) || ch === '(' || ch === ')' || OPEN_QUOTES.has(ch);
}

/** Splits `query` into tokens; throws BAD_USER_INPUT at an unclosed quote or an over-long query. */
export function tokenizeQuery(query: string): QueryToken[] {
  if (query.length > MAX_QUERY_LENGTH) {
    throw querySyntaxError(MAX_QUERY_LENGTH + 1, `at most ${MAX_QUERY_LENGTH} characters`, `${query.length}`, 'Shorten the query, or move fixed constraints to `filter`.');
  }
  const tokens: QueryToken[] = [];
  let i = 0;
  /** Reads a quoted string whose opening quote is at `i`; returns its text and the index after it. */
  const readQuoted = (start: number): { text: string; next: number } => {
    const open = query[start] as string;
    const close = CLOSE_QUOTE[open] as string;
    let end = query.indexOf(close, start + 1);
    if (end < 0 && close !== '"') end = query.indexOf('"', start + 1);
    if (end < 0) throw querySyntaxError(start + 1, `a closing ${close} for the phrase opened here`, 'end of query');
    return { text: query.slice(start + 1, end), next: end + 1 };
  };
  const readBare = (start: number): number => {
    let end = start;
    while (end < query.length && !endsWord(query[end] as string)) end++;
    return end;
  };
  while (i < query.length) {
    const ch = query[i] as string;
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    const position = i + 1;
    if (ch === '(' || ch === ')') {
      tokens.push({ type: ch, position });
      i++;
      continue;
    }
    if (OPEN_QUOTES.has(ch)) {
      const { text, next } = readQuoted(i);
      tokens.push({ type: 'phrase', text, position });
      i = next;
      continue;
    }
    if (ch === '-') {
      const after = query[i + 1];
      if (after === undefined || (endsWord(after) && !OPEN_QUOTES.has(after) && after !== '(')) {
        const found = after === undefined ? 'end of query' : SPACE.test(after) ? 'a space' : quoted(after);
        throw querySyntaxError(position + 1, 'a word, phrase, field term or "(" right after "-" (no space, as in -houthi)', found);
      }
      tokens.push({ type: '-', position });
      i++;
      continue;
    }
    const end = readBare(i);
    const text = query.slice(i, end);
    const field = /^([A-Za-z]+):/.exec(text);
    if (field !== null) {
      const name = (field[1] as string).toLowerCase();
      const valueStart = i + (field[0] as string).length;
      if (valueStart === end && OPEN_QUOTES.has(query[valueStart] ?? '')) {
        const { text: value, next } = readQuoted(valueStart);
        tokens.push({ type: 'field', name, value, quotedValue: true, position, valuePosition: valueStart + 1 });
        i = next;
        continue;
      }
      tokens.push({ type: 'field', name, value: query.slice(valueStart, end), quotedValue: false, position, valuePosition: valueStart + 1 });
      i = end;
      continue;
    }
    if (text === 'AND' || text === 'OR' || text === 'NOT') tokens.push({ type: text, position });
    else tokens.push({ type: 'word', text, position });
    i = end;
  }
  return tokens;
}
