/** Full-text terms: folding plus Arabic light stemming, the same on the index and query sides. */
import { describe, expect, it } from 'vitest';
import { indexTerms, queryTerms, stemWord, textMatchesSearch } from '../../src/normalize/gazetteer/search-terms.ts';
import { fold } from '../../src/normalize/gazetteer/fold.ts';

describe('stemWord (on folded words)', () => {
  it.each([
    ['الحوثي', 'حوثي', 'the article'],
    ['والحوثيين', 'حوثي', 'conjunction + article, plural suffix'],
    ['بالحوثي', 'حوثي', 'preposition + article'],
    ['فالجيش', 'جيش', 'fa + article'],
    ['للجيش', 'جيش', 'li + article (alef dropped)'],
    ['بطائرة', 'طاير', 'bi + ta marbuta (folded to ه) stripped'],
    ['طائرة', 'طاير', 'the bare word meets it'],
    ['مسيرات', 'مسير', 'feminine plural'],
    ['الحوثيون', 'حوثي', 'masculine plural'],
    ['قواتها', 'قوات', 'pronoun suffix ها (one suffix only)'],
    ['وزير', 'وزير', 'a single proclitic needs four letters left'],
    ['الي', 'الي', 'too short to strip'],
    ['حزب', 'حزب', 'three letters: untouched'],
    ['hezbollah', 'hezbollah', 'other scripts untouched'],
  ])('%s → %s (%s)', (word, stem) => {
    expect(stemWord(fold(word))).toBe(fold(stem));
  });
});

describe('indexTerms / queryTerms', () => {
  it('indexes each word exactly and stemmed (and the stem of the stem)', () => {
    expect(indexTerms('بطائرة مسيرة')).toEqual(['بطايره', 'طاير', 'مسيره', 'مسير']);
    expect(indexTerms('لكتائب')).toEqual(['لكتايب', 'كتايب', 'تايب']);
    expect(indexTerms("Kata'ib HIZBULLAH kataib")).toEqual(['kataib', 'hizbullah']);
  });

  it('asks for stems as whole words, and for a starred word as a prefix', () => {
    expect(queryTerms('طائرة مسيرة')).toEqual([{ term: 'طاير', prefix: false }, { term: 'مسير', prefix: false }]);
    expect(queryTerms('US al* hezb*')).toEqual([{ term: 'us', prefix: false }, { term: 'al', prefix: true }, { term: 'hezb', prefix: true }]);
    expect(queryTerms(' !! ')).toEqual([]);
  });

  it.each([
    ['طائرة مسيرة', 'استهدفت بطائرة مسيرة عجلة', true],
    ['حوثي', 'قال الحوثيون إنهم', true],
    ['الحوثي', 'قال حوثي', true],
    ['کویت', 'وصل وفد إلى الكويت', true],
    ['یمن', 'في اليمن', true],
    ['بغداد', 'وصل الوزير إلى بَغْدَاد', true],
    ['hizb* claims', "Kata'ib Hizbullah claims", true],
    ['hizb claims', "Kata'ib Hizbullah claims", false],
    ['ullah*', "Kata'ib Hizbullah claims", false],
    ['us', 'Russia says', false],
    ['Erdoğan', 'Erdogan visits Baghdad', true],
  ])('search %j in %j → %s', (search, text, expected) => {
    expect(textMatchesSearch(text, search)).toBe(expected);
  });
});
