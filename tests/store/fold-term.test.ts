/** Search term folding: the spellings that must meet. */
import { describe, expect, it } from 'vitest';
import { foldSearchTerm } from '../../src/store/search/fold-term.ts';

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
