/** Search term folding: the spellings that must meet. */
import { describe, expect, it } from 'vitest';
import { foldSearchTerm, searchTokens } from '../../src/store/search/fold-term.ts';

describe('foldSearchTerm', () => {
  it.each([
    ['Ḥashd', 'hashd'],
    ['Asa’ib', 'asaib'],
    ["Asa'ib", 'asaib'],
    ['ʿAṣāʾib', 'asaib'],
    ['Hizbullāh', 'hizbullah'],
    ['أمن', 'امن'],
    ['إيران', 'ايران'],
    ['مسيّرة', 'مسيره'],
    ['الحَشْد', 'الحشد'],
    ['مصطفى', 'مصطفي'],
    ['كتـــائب (tatweel; hamza seat folded)', 'كتايب'],
    ['كتائب', 'كتايب'],
  ])('%s → %s', (term, folded) => {
    expect(foldSearchTerm(term.replace(/ \(.*\)$/, ''))).toBe(folded);
  });
});

describe('searchTokens', () => {
  it.each([
    ["Kata'ib Hizbullah", ['kataib', 'hizbullah']],
    ['Kata’ib al-Imam Ali', ['kataib', 'al', 'imam', 'ali']],
    ['كتائب حزب الله', ['كتايب', 'حزب', 'الله']], // hamza seats fold away, as in the query
    ['  Ḥashd  al-Shaʿbi ', ['hashd', 'al', 'shabi']],
  ])('%s → %j', (text, tokens) => {
    expect(searchTokens(text)).toEqual(tokens);
  });
});
