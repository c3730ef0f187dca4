/**
 * The parser of the query language: recursive descent over the tokens of tokenize-query.ts.
 *
 *     query   := or EOF
 *     or      := and ( "OR" and )*
 *     and     := unary ( ["AND"] unary )*        (terms side by side are AND-ed)
 *     unary   := "NOT" unary | "-" primary | primary
 *     primary := "(" or ")" | WORD | "PHRASE" | FIELD ":" VALUE
 *
 * NOT binds tighter than AND, AND tighter than OR: `a b OR c` is `(a AND b) OR c`. Every
 * mistake is a BAD_USER_INPUT naming the 1-based position and what was expected there; a query
 * never silently means something else. Pure.
 */
import type { QueryNode, QueryField } from './query-ast.ts';
import { parseDateValue } from './query-dates.ts';
import { quoted, querySyntaxError } from './query-syntax-error.ts';
import { tokenizeQuery, type QueryToken } from './tokenize-query.ts';
import { editDistance } from '../graphql/suggest.ts';

/** Deepest nesting of parentheses and NOTs accepted (a hostile query must not overflow the stack). */
export const MAX_QUERY_DEPTH = 20;
/** Most terms (words, phrases, field terms) in one query: each is a join or an index probe. */
export const MAX_QUERY_TERMS = 50;

/** Field names and what their value is, for error messages. */
const FIELDS: Readonly<Record<QueryField, string>> = {
  actor: 'an actor id (actor:kataib-hizbullah)',
  affiliates: 'an actor id (affiliates:irgc)',
  region: 'a region id (region:IQ)',
  topic: 'a topic id (topic:drone-strike)',
  source: 'a feed id (source:reuters-world)',
  lang: 'a two-letter language code (lang:ar)',
  title: 'a word or "phrase" (title:drone)',
  published: 'a date (published:>now-7d)',
  fetched: 'a date (fetched:>now-24h)',
};

const TERM_START = 'a word, a "phrase", a field term such as actor:ID, "(" or NOT';

function describe(token: QueryToken | undefined): string {
  if (token === undefined) return 'end of query';
  switch (token.type) {
    case 'word':
    case 'phrase':
      return quoted(token.text);
    case 'field':
      return quoted(`${token.name}:${token.value}`);
    default:
      return quoted(token.type);
  }
}

/** A word as typed: a trailing `*` asks for a prefix; a hyphenated word is a phrase of its parts. */
function textNode(text: string, position: number, phrase: boolean, scope: 'all' | 'title'): QueryNode {
  if (!phrase && text.length > 1 && text.endsWith('*')) {
    return { kind: 'text', text: text.slice(0, -1), phrase: false, prefix: true, scope, position };
  }
  return { kind: 'text', text, phrase, prefix: false, scope, position };
}

class Parser {
  private index = 0;
  private terms = 0;

  constructor(
    private readonly tokens: readonly QueryToken[],
    private readonly length: number,
  ) {}

  private peek(): QueryToken | undefined {
    return this.tokens[this.index];
  }

  private positionOf(token: QueryToken | undefined): number {
    return token?.position ?? this.length + 1;
  }

  parse(): QueryNode {
    const node = this.or(0);
    const rest = this.peek();
    if (rest !== undefined) {
      if (rest.type === ')') throw querySyntaxError(rest.position, 'a term or the end of the query', '")" with no "(" open before it', 'Remove it, or add the missing "(".');
      throw querySyntaxError(rest.position, 'the end of the query', describe(rest));
    }
    return node;
  }

  private or(depth: number): QueryNode {
    const first = this.and(depth);
    const children = [first];
    while (this.peek()?.type === 'OR') {
      this.index++;
      children.push(this.and(depth));
    }
    return children.length === 1 ? first : { kind: 'or', children, position: first.position };
  }

  private and(depth: number): QueryNode {
    const first = this.unary(depth);
    const children = [first];
    for (;;) {
      const next = this.peek();
      if (next === undefined || next.type === ')' || next.type === 'OR') break;
      if (next.type === 'AND') this.index++;
      children.push(this.unary(depth));
    }
    return children.length === 1 ? first : { kind: 'and', children, position: first.position };
  }

  private unary(depth: number): QueryNode {
    if (depth > MAX_QUERY_DEPTH) {
      throw querySyntaxError(this.positionOf(this.peek()), `at most ${MAX_QUERY_DEPTH} levels of parentheses and NOT`, 'deeper nesting', 'Simplify the query.');
    }
    const token = this.peek();
    if (token?.type === 'NOT') {
      this.index++;
      return { kind: 'not', child: this.unary(depth + 1), position: token.position };
    }
    if (token?.type === '-') {
      this.index++;
      return { kind: 'not', child: this.primary(depth + 1), position: token.position };
    }
    return this.primary(depth);
  }

  private countTerm(position: number): void {
    this.terms++;
    if (this.terms > MAX_QUERY_TERMS) {
      throw querySyntaxError(position, `at most ${MAX_QUERY_TERMS} terms`, 'more', 'Split the question, or move fixed constraints to `filter`.');
    }
  }

  private primary(depth: number): QueryNode {
    const token = this.peek();
    const previous = this.tokens[this.index - 1];
    if (token === undefined || token.type === ')' || token.type === 'AND' || token.type === 'OR') {
      const after = previous === undefined ? '' : ` after ${describe(previous)}`;
      throw querySyntaxError(this.positionOf(token), `${TERM_START}${after}`, describe(token));
    }
    this.index++;
    switch (token.type) {
      case '(': {
        const inner = this.or(depth + 1);
        const close = this.peek();
        if (close?.type !== ')') {
          throw querySyntaxError(this.positionOf(close), `")" to close the "(" at position ${token.position}`, describe(close));
        }
        this.index++;
        return inner;
      }
      case 'word':
        this.countTerm(token.position);
        return textNode(token.text, token.position, false, 'all');
      case 'phrase':
        this.countTerm(token.position);
        if (token.text.trim() === '') throw querySyntaxError(token.position, 'words between the quotes', 'an empty phrase');
        return textNode(token.text, token.position, true, 'all');
      case 'field':
        this.countTerm(token.position);
        return this.field(token);
      default:
        // '-' or NOT right after '-': "--x" or "-NOT x".
        throw querySyntaxError(token.position, 'a word, a "phrase", a field term or "("', describe(token));
    }
  }

  private field(token: Extract<QueryToken, { type: 'field' }>): QueryNode {
    const name = token.name as QueryField;
    if (!(name in FIELDS)) {
      const close = Object.keys(FIELDS).filter((f) => editDistance(f, token.name) <= 2);
      const hint = close.length > 0 ? `Did you mean ${close.map((f) => `${f}:`).join(' or ')}? ` : '';
      throw querySyntaxError(token.position, `a field name (${Object.keys(FIELDS).join(', ')})`, quoted(`${token.name}:`), `${hint}To search for the text itself, put it in quotes.`);
    }
    const value = token.value.trim();
    if (value === '') throw querySyntaxError(token.valuePosition, `${FIELDS[name]} after "${name}:"`, 'nothing');
    const position = token.position;
    switch (name) {
      case 'title':
        return textNode(value, position, token.quotedValue, 'title');
      case 'published':
      case 'fetched': {
        const parsed = parseDateValue(value);
        if ('error' in parsed) throw querySyntaxError(token.valuePosition, parsed.error, quoted(value));
        return { kind: 'date', field: name, op: parsed.op, date: parsed.date, position };
      }
      default:
        if (token.quotedValue && name !== 'source') throw querySyntaxError(token.valuePosition, FIELDS[name], quoted(`"${value}"`), 'Ids have no spaces; write them without quotes.');
        return { kind: 'entity', field: name, id: value, position };
    }
  }
}

/**
 * Parses query text into its syntax tree; BAD_USER_INPUT with the position and what was
 * expected for any mistake. Returns undefined for a blank query (no constraint).
 */
export function parseQuery(query: string): QueryNode | undefined {
  const tokens = tokenizeQuery(query);
  if (tokens.length === 0) return undefined;
  return new Parser(tokens, query.length).parse();
}
