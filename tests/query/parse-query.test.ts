/**
 * The query language's parser: what each construct parses to (as a compact S-expression), the
 * precedence of NOT > AND > OR, and that every mistake is BAD_USER_INPUT at the right 1-based
 * position with what was expected.
 */
import { describe, expect, it } from 'vitest';
import { NewsgateError } from '../../src/model/errors.ts';
import type { QueryNode } from '../../src/query/query-ast.ts';
import { MAX_QUERY_DEPTH, MAX_QUERY_TERMS, parseQuery } from '../../src/query/parse-query.ts';

/** A compact printing of a syntax tree: (and a b), (not a), "phrase", word*, actor:ID, published>=… */
function sexp(node: QueryNode): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${node.kind} ${node.children.map(sexp).join(' ')})`;
    case 'not':
      return `(not ${sexp(node.child)})`;
    case 'text': {
      const body = node.phrase ? `"${node.text}"` : `${node.text}${node.prefix ? '*' : ''}`;
      return node.scope === 'title' ? `title:${body}` : body;
    }
    case 'entity':
      return `${node.field}:${node.id}`;
    case 'date':
      return `${node.field}${node.op}${node.date.kind === 'relative' ? `now-${node.date.amount}${node.date.unit}` : `[${node.date.start},${node.date.end})`}`;
  }
}

function parsed(query: string): string {
  const node = parseQuery(query);
  return node === undefined ? '<none>' : sexp(node);
}

function errorOf(query: string): NewsgateError {
  try {
    parseQuery(query);
  } catch (err) {
    expect(err).toBeInstanceOf(NewsgateError);
    return err as NewsgateError;
  }
  throw new Error(`expected ${JSON.stringify(query)} to be refused`);
}

describe('parseQuery: constructs', () => {
  it.each([
    ['a single word', 'drone', 'drone'],
    ['implicit AND', 'drone strike', '(and drone strike)'],
    ['explicit AND is the same', 'drone AND strike', '(and drone strike)'],
    ['OR', 'drone OR rocket', '(or drone rocket)'],
    ['AND binds tighter than OR', 'drone strike OR rocket attack', '(or (and drone strike) (and rocket attack))'],
    ['parentheses override', 'drone (strike OR attack)', '(and drone (or strike attack))'],
    ['NOT', 'drone NOT houthi', '(and drone (not houthi))'],
    ['-word', 'drone -houthi', '(and drone (not houthi))'],
    ['-phrase', 'strike -"Red Sea"', '(and strike (not "Red Sea"))'],
    ['-(group)', 'attack -(drone OR rocket)', '(and attack (not (or drone rocket)))'],
    ['NOT NOT', 'NOT NOT drone', '(not (not drone))'],
    ['a leading NOT alone', '-houthi', '(not houthi)'],
    ['lower-case or is a word', 'drone or rocket', '(and drone or rocket)'],
    ['exact phrase', '"drone strike"', '"drone strike"'],
    ['curly-quoted phrase', '\u201Cdrone strike\u201D', '"drone strike"'],
    ['prefix', 'hizb*', 'hizb*'],
    ['Arabic words', 'طائرة مسيرة', '(and طائرة مسيرة)'],
    ['Arabic phrase', '"طائرة مسيرة"', '"طائرة مسيرة"'],
    ['actor', 'actor:kataib-hizbullah', 'actor:kataib-hizbullah'],
    ['affiliates', 'affiliates:irgc-quds-force', 'affiliates:irgc-quds-force'],
    ['region with slash', 'region:IQ/baghdad', 'region:IQ/baghdad'],
    ['topic, source, lang', 'topic:drone-strike source:wire lang:ar', '(and topic:drone-strike source:wire lang:ar)'],
    ['field name is case-insensitive', 'Actor:houthis', 'actor:houthis'],
    ['title word', 'title:drone', 'title:drone'],
    ['title phrase', 'title:"drone strike"', 'title:"drone strike"'],
    ['relative date', 'published:>now-7d', 'published>now-7d'],
    ['relative hours, >=', 'fetched:>=now-24h', 'fetched>=now-24h'],
    ['weeks and years', 'published:>now-4w published:>now-1y', '(and published>now-4w published>now-1y)'],
    ['a day', 'published:2024-05-01', 'published=[2024-05-01T00:00:00.000Z,2024-05-02T00:00:00.000Z)'],
    ['a month, before', 'published:<2024-05', 'published<[2024-05-01T00:00:00.000Z,2024-06-01T00:00:00.000Z)'],
    ['an instant', 'published:<=2024-05-01T12:00+03:00', 'published<=[2024-05-01T09:00:00.000Z,2024-05-01T09:00:00.000Z)'],
    ['blank query', '   ', '<none>'],
    ['a word with a colon after digits stays a word', '10:30', '10:30'],
    ['everything together', '(actor:houthis OR affiliates:irgc-quds-force) "Red Sea" -tanker published:>now-30d', '(and (or actor:houthis affiliates:irgc-quds-force) "Red Sea" (not tanker) published>now-30d)'],
  ])('%s: %s', (_name, query, expected) => {
    expect(parsed(query)).toBe(expected);
  });

  it('keeps 1-based positions on nodes', () => {
    const node = parseQuery('drone  -houthi') as Extract<QueryNode, { kind: 'and' | 'or' }>;
    expect(node.children.map((c) => c.position)).toEqual([1, 8]);
  });
});

describe('parseQuery: errors say where and what was expected', () => {
  it.each([
    ['dangling AND', 'drone AND', 10, /expected a word.*after "AND", found end of query/],
    ['leading OR', 'OR drone', 1, /found "OR"/],
    ['OR OR', 'drone OR OR rocket', 10, /after "OR", found "OR"/],
    ['unclosed parenthesis', '(drone OR rocket', 17, /expected "\)" to close the "\(" at position 1, found end of query/],
    ['stray closing parenthesis', 'drone) rocket', 6, /"\)" with no "\(" open/],
    ['empty parentheses', 'drone ()', 8, /found "\)"/],
    ['unclosed quote', 'drone "red sea', 7, /a closing " for the phrase/],
    ['empty phrase', 'drone ""', 7, /empty phrase/],
    ['minus then space', 'drone - houthi', 8, /right after "-".*found a space/],
    ['minus at the end', 'drone -', 8, /found end of query/],
    ['unknown field, with did-you-mean', 'actr:houthis', 1, /field name.*found "actr:".*Did you mean actor:/],
    ['empty field value', 'actor: houthis', 7, /an actor id .* after "actor:", found nothing/],
    ['quoted id', 'actor:"houthis"', 7, /Ids have no spaces/],
    ['bad date', 'published:>yesterday', 11, /expected a date: now-24h/],
    ['impossible date', 'published:2024-02-30', 11, /expected a date/],
    ['relative date without a comparison', 'published:now-7d', 11, /a comparison before "now-7d"/],
    ['NOT at the end', 'drone NOT', 10, /found end of query/],
  ])('%s: %s', (_name, query, position, message) => {
    const error = errorOf(query);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toMatchObject({ argument: 'query', position });
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`position ${position}`);
  });

  it('refuses nesting deeper than the limit and more terms than the limit', () => {
    expect(errorOf(`${'('.repeat(MAX_QUERY_DEPTH + 5)}x${')'.repeat(MAX_QUERY_DEPTH + 5)}`).message).toMatch(/levels of parentheses/);
    expect(errorOf(Array.from({ length: MAX_QUERY_TERMS + 1 }, (_, i) => `w${i}`).join(' ')).message).toMatch(/at most 50 terms/);
    expect(errorOf('x'.repeat(2000)).message).toMatch(/at most 1000 characters/);
  });

  it('a hostile query of nested NOTs is refused quickly, not by a stack overflow', () => {
    const started = Date.now();
    expect(errorOf(`${'NOT '.repeat(240)}x`).message).toMatch(/levels/);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
