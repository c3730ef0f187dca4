/**
 * foldText (src/model/ids.ts) folds English-like text in one pass without Unicode
 * normalisation; these cases hold it to the general rule (foldLetters, apostrophes dropped,
 * everything but letters and digits to one space, trimmed), written out here as the oracle.
 */
import { describe, expect, it } from 'vitest';
import { foldLetters, foldText } from '../../src/model/ids.ts';

const byTheRule = (text: string): string =>
  foldLetters(text)
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

describe('foldText', () => {
  it.each([
    ["Kata'ib Hizbullah’s “drone” strike — UPDATE 2…", 'kataib hizbullahs drone strike update 2'],
    ['  --Iraq: PM  said\u00a0(again)  ', 'iraq pm said again'],
    ["it's ' a `test`", 'its a test'],
    ['café Ḥusayn ´acute', 'cafe husayn acute'],
    ['الحشد الشعبي: بيان', 'الحشد الشعبي بيان'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(foldText(input)).toBe(expected);
    expect(foldText(input)).toBe(byTheRule(input));
  });

  it('agrees with the general rule on mixed ASCII and punctuation', () => {
    const alphabet = [..."aZ09 '`-_\t\n’‘“”–—…\u00a0´.,;:!?\"()[]{}@#/\\|~é"];
    let seed = 5;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const wrong: string[] = [];
    for (let k = 0; k < 3000; k++) {
      let s = '';
      for (let i = rnd(25); i > 0; i--) s += alphabet[rnd(alphabet.length)];
      if (foldText(s) !== byTheRule(s)) wrong.push(JSON.stringify(s));
    }
    expect(wrong).toEqual([]);
  });
});
