/** Highlights: offsets into the original text, folding like search, phrases, prefixes, NOT ignored. */
import { describe, expect, it } from 'vitest';
import type { ResolvedQuery } from '../../src/query/query-ast.ts';
import { highlightsOf, MAX_HIGHLIGHTS } from '../../src/query/highlights.ts';
import { compileNow } from './compile-now.ts';
import { makeServices } from '../graphql/fakes.ts';

const { services } = makeServices();
const q = (query: string) => compileNow(query, services) as ResolvedQuery;
const fields = {
  title: "Kata'ib Hizbullah claims drone strike near Baghdad",
  summary: 'بيان عن هجوم بطائرة مسيرة قرب بغداد',
  content: 'Drones were seen. The drone strike hit a convoy; officials said the DRONE came from the east.',
};

/** The highlighted text of each match, as `field:text`. */
function marked(query: string): string[] {
  return highlightsOf(q(query), fields).map((h) => `${h.field}:${fields[h.field].slice(h.start, h.end)}`);
}

describe('highlightsOf', () => {
  it.each([
    ['a word, in every field, any case', 'drone', ['title:drone', 'content:drone', 'content:DRONE']],
    ['a prefix', 'drone*', ['title:drone', 'content:Drones', 'content:drone', 'content:DRONE']],
    ['a phrase spans its words', '"drone strike"', ['title:drone strike', 'content:drone strike']],
    ['overlapping terms merge', '"drone strike" strike', ['title:drone strike', 'content:drone strike']],
    ['folded apostrophes, original offsets', 'kataib', ["title:Kata'ib"]],
    ['title: only in the title', 'title:drone', ['title:drone']],
    ['Arabic, offsets of the written word', 'بغداد', ['summary:بغداد']],
    ['NOT terms are not highlighted', 'convoy -drone', ['content:convoy']],
    ['entity terms highlight nothing', 'actor:houthis', []],
  ])('%s: %s', (_name, query, expected) => {
    expect(marked(query)).toEqual(expected);
  });

  it('cuts snippets around the match and caps how many', () => {
    const [first] = highlightsOf(q('convoy'), fields);
    expect(first?.snippet).toContain('convoy');
    const long = { title: '', summary: '', content: 'drone '.repeat(500) };
    expect(highlightsOf(q('drone'), long)).toHaveLength(MAX_HIGHLIGHTS);
    const far = { title: '', summary: '', content: `${'x '.repeat(200)}target${' y'.repeat(200)}` };
    const [h] = highlightsOf(q('target'), far);
    expect(h?.snippet.length).toBeLessThan(140);
    expect(h?.snippet.startsWith('…')).toBe(true);
  });
});

describe('highlightsOf: Arabic through proclitics', () => {
  it('finds the written word with its proclitic', () => {
    expect(marked('"طائرة مسيرة"')).toEqual(['summary:بطائرة مسيرة']);
    expect(marked('طائرة')).toEqual(['summary:بطائرة']);
  });
});
