/**
 * The search rules without an index (match-text.ts) agree with the full-text index
 * (search-index.ts, minisearch) article by article: prefix from 3 letters, one edit from 6
 * letters, AND across words, folding of case, accents, apostrophes and Arabic variants.
 */
import { describe, expect, it } from 'vitest';
import { splitArticle } from '../../src/model/article.ts';
import { compileTextMatch, fuzzyDistance, withinEdits } from '../../src/store/search/match-text.ts';
import { SearchIndex } from '../../src/store/search/search-index.ts';
import { makeArticle } from './article-factory.ts';

describe('withinEdits', () => {
  it.each([
    ['hezbollah', 'hizbollah', 1, true],
    ['hezbollah', 'hizbullah', 1, false],
    ['hezbollah', 'hizbullah', 2, true],
    ['kataib', 'kataeb', 1, true],
    ['sakhr', 'sakhar', 1, true],
    ['abc', 'abcdef', 2, false],
    ['', 'ab', 2, true],
    ['بغداد', 'بغدا', 1, true],
  ] as const)('%s ~ %s within %i: %s', (a, b, max, expected) => {
    expect(withinEdits(a, b, max)).toBe(expected);
  });
});

describe('fuzzyDistance', () => {
  it.each([
    ['kh', 0],
    ['sakhr', 0],
    ['kataib', 1],
    ['hezbollah', 1],
    ['mobilisation', 2],
  ] as const)('%s → %i edits', (term, edits) => {
    expect(fuzzyDistance(term)).toBe(edits);
  });
});

describe('compileTextMatch agrees with the full-text index', () => {
  const articles = [
    makeArticle({ id: 't1', title: "Kata'ib Hizbullah claims drone attack on al-Asad base", summary: 'The statement was posted on Telegram.', tags: ['Iraq', 'Security'] }),
    makeArticle({ id: 't2', title: 'Ḥashd al-Shaʿbī deploys to Jurf al-Sakhr', summary: 'Popular Mobilisation Forces units moved overnight.', tags: ['PMF'] }),
    makeArticle({ id: 't3', title: 'طائرة مسيّرة تستهدف عجلة في بغداد', summary: 'استهدفت طائرة مسيرة عجلة تابعة لكتائب حزب الله', tags: ['أمن'] }),
    makeArticle({ id: 't4', title: 'Houthis say they targeted a ship in the Red Sea', summary: 'Ansar Allah spokesman Yahya Saree said so.', tags: ['Yemen'] }),
    makeArticle({ id: 't5', title: 'KH denies it', summary: 'A short item.', tags: [] }),
  ].map((a) => splitArticle(a).meta);
  const index = new SearchIndex();
  for (const m of articles) index.upsert(m);

  it.each([
    'kataib', 'Kataib Hizbollah', 'hizb', 'hashd', 'shabi', 'sakhr jurf', 'mobilization', 'مسيرة', 'بغداد', 'حزب', 'kh', 'k', 'red sea',
    'houthi', 'saree yahya', 'telegram drone', 'nothing-here', '', '  !! ', 'the', 'ship', 'shi', 'al',
  ])('%j', (search) => {
    const match = compileTextMatch(search);
    const expected = [...index.search(search)].sort();
    expect(articles.filter(match).map((m) => m.id)).toEqual(expected);
  });
});
