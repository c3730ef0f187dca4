/**
 * Resolution (ids checked with did-you-mean, affiliates and sub-topics widened, words folded,
 * dates fixed against now) and the brute-force evaluator over the fixture articles: table
 * tests of what each query selects, and the set algebra of AND / OR / NOT over random atoms.
 */
import { describe, expect, it } from 'vitest';
import { NewsgateError } from '../../src/model/errors.ts';
import type { ResolvedQuery } from '../../src/query/query-ast.ts';
import { compileEvaluator } from '../../src/query/evaluate-query.ts';
import { hasTextTerms } from '../../src/query/resolve-query.ts';
import { compileNow } from './compile-now.ts';
import { ARTICLES, makeServices } from '../graphql/fakes.ts';

const NOW = new Date('2024-05-06T00:00:00Z');
const { services, catalog } = makeServices();

function resolved(query: string): ResolvedQuery {
  return compileNow(query, services, NOW) as ResolvedQuery;
}

function matching(query: string): string[] {
  const test = compileEvaluator(resolved(query), (id) => catalog.regionAncestors(id));
  return ARTICLES.filter(test).map((a) => a.id).sort();
}

describe('resolveQuery', () => {
  it('widens affiliates: and topic: like the filter does, and leaves actor: alone', () => {
    expect(resolved('actor:kataib-hizbullah')).toEqual({ kind: 'entity', column: 'actors', ids: ['kataib-hizbullah'] });
    const widened = resolved('affiliates:kataib-hizbullah') as Extract<ResolvedQuery, { kind: 'entity' }>;
    expect([...widened.ids].sort()).toEqual(['axis-of-resistance', 'harakat-al-nujaba', 'irgc-quds-force', 'islamic-resistance-in-iraq', 'kataib-hizbullah']);
    expect(resolved('topic:armed-attack')).toEqual({ kind: 'entity', column: 'topics', ids: ['armed-attack', 'drone-strike'] });
  });

  it('folds words as the store does and turns a hyphenated word into a phrase', () => {
    expect(resolved('KATA\u2019IB')).toEqual({ kind: 'text', tokens: ['kataib'], prefix: false, scope: 'all' });
    expect(resolved('al-Sakhr')).toEqual({ kind: 'text', tokens: ['al', 'sakhr'], prefix: false, scope: 'all' });
  });

  it('fixes relative and period dates against now', () => {
    expect(resolved('published:>now-7d')).toEqual({ kind: 'date', column: 'publishedAt', op: '>', at: '2024-04-29T00:00:00.000Z' });
    expect(resolved('fetched:<now-1y')).toEqual({ kind: 'date', column: 'fetchedAt', op: '<', at: '2023-05-06T00:00:00.000Z' });
    expect(resolved('published:>2024-05-03')).toEqual({ kind: 'date', column: 'publishedAt', op: '>=', at: '2024-05-04T00:00:00.000Z' });
  });

  it('reports every unknown id at once, with did-you-mean, as BAD_USER_INPUT', () => {
    let error: NewsgateError | undefined;
    try {
      resolved('actor:kataib-hezbollah OR region:iq OR source:nowhere');
    } catch (err) {
      error = err as NewsgateError;
    }
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toMatch(/actor: "kataib-hezbollah" \(did you mean "kataib-hizbullah"/);
    expect(error?.message).toMatch(/region: "iq" \(did you mean "IQ"/);
    expect(error?.details['unknown']).toHaveLength(3);
  });

  it.each([
    ['lang:english', /two-letter ISO 639-1 code/],
    ['"!!!"', /a word with letters or digits/],
  ])('refuses %s', (query, message) => {
    expect(() => resolved(query)).toThrow(message);
  });

  it('knows when a query has words to rank and highlight by', () => {
    expect(hasTextTerms(resolved('drone actor:houthis'))).toBe(true);
    expect(hasTextTerms(resolved('actor:houthis -drone'))).toBe(false);
    expect(hasTextTerms(compileNow('  ', services, NOW))).toBe(false);
  });
});

describe('the evaluator over the fixture articles', () => {
  it.each([
    ['a word in the title', 'drone', ['a1']],
    ['a plural is another word; a prefix finds both', 'drone*', ['a1', 'a4']],
    ['OR', 'drone OR drones', ['a1', 'a4']],
    ['a word in the summary', 'convoy', ['a1']],
    ['a word only in the body', 'wednesday', ['a1']],
    ['NOT', 'drone* -hizbullah', ['a4']],
    ['exact phrase', '"drone strike"', ['a1']],
    ['phrase words out of order do not match', '"strike drone"', []],
    ['apostrophes fold away', "kata'ib", ['a1']],
    ['title: ignores the body', 'title:wednesday', []],
    ['title: phrase', 'title:"red sea"', ['a6']],
    ['Arabic word', 'العراق', ['a2']],
    ['Arabic phrase, through its proclitic', '"طائرة مسيرة"', ['a2']],
    ['Arabic word, through its article', 'مقاومه', ['a2']],
    ['actor', 'actor:houthis', ['a6']],
    ['affiliates', 'affiliates:islamic-resistance-in-iraq', ['a1', 'a2', 'a3']],
    ['region includes what lies below', 'region:IQ', ['a1', 'a2', 'a3', 'a5']],
    ['macro-region', 'region:GULF -region:IQ', []],
    ['topic includes sub-topics', 'topic:armed-attack', ['a1', 'a2', 'a4', 'a6']],
    ['source', 'source:wire', ['a1', 'a3', 'a4', 'a5']],
    ['lang', 'lang:AR', ['a2']],
    ['published since', 'published:>now-3d', ['a3', 'a4', 'a5', 'a6']],
    ['published on a day', 'published:2024-05-03', ['a3', 'a4']],
    ['published before a day', 'published:<2024-05-02', ['a1']],
    ['published up to a day, inclusive', 'published:<=2024-05-02', ['a1', 'a2']],
    ['boolean question', '(topic:drone-strike OR actor:houthis) -region:SY', ['a1', 'a6']],
    ['only a negation', '-source:wire', ['a2', 'a6']],
  ])('%s: %s', (_name, query, expected) => {
    expect(matching(query)).toEqual(expected);
  });
});

describe('boolean queries equal the set algebra of their parts', () => {
  const ATOMS = ['drone*', '"drone strike"', 'baghdad', 'actor:houthis', 'region:IQ', 'topic:armed-attack', 'source:wire', 'lang:ar', 'published:>now-3d', 'affiliates:kataib-hizbullah', 'title:talks', 'said', 'العراق'];
  const all = ARTICLES.map((a) => a.id).sort();
  const set = (q: string) => new Set(matching(q));
  // A small deterministic generator (no Math.random: a failure must replay).
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const pick = () => ATOMS[rand(ATOMS.length)] as string;

  it('for 200 random pairs: a OR b is the union, a b the intersection, -a the complement, a -b the difference', () => {
    for (let i = 0; i < 200; i++) {
      const a = pick();
      const b = pick();
      const A = set(a);
      const B = set(b);
      expect(matching(`(${a}) OR (${b})`), `${a} OR ${b}`).toEqual(all.filter((id) => A.has(id) || B.has(id)));
      expect(matching(`(${a}) (${b})`), `${a} ${b}`).toEqual(all.filter((id) => A.has(id) && B.has(id)));
      expect(matching(`NOT (${a})`), `NOT ${a}`).toEqual(all.filter((id) => !A.has(id)));
      expect(matching(`(${a}) -(${b})`), `${a} -${b}`).toEqual(all.filter((id) => A.has(id) && !B.has(id)));
    }
  });
});
