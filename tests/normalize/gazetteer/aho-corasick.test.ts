import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../../src/normalize/gazetteer/aho-corasick.ts';
import { fold, foldWithMap } from '../../../src/normalize/gazetteer/fold.ts';

function matcher(patterns: string[]): AhoCorasick<string> {
  const ac = new AhoCorasick<string>();
  for (const p of patterns) ac.add(fold(p), p);
  return ac.build();
}

const words = (ac: AhoCorasick<string>, text: string): string[] => {
  const folded = foldWithMap(text);
  return ac
    .searchWords(folded.text, { removedBefore: (i) => i > 0 && (folded.starts[i] ?? 0) > (folded.ends[i - 1] ?? 0) })
    .map((m) => m.payloads.join('|'));
};

describe('AhoCorasick.searchAll', () => {
  it('finds overlapping occurrences of every pattern', () => {
    const ac = matcher(['he', 'she', 'his', 'hers']);
    const found = ac.searchAll('ushers').map((m) => `${m.pattern}@${m.start}`);
    expect(found.sort()).toEqual(['he@2', 'hers@2', 'she@1']);
  });
  it('collects payloads of the same pattern', () => {
    const ac = new AhoCorasick<string>();
    ac.add('amman', 'JO/amman');
    ac.add('amman', 'OTHER');
    ac.build();
    expect(ac.searchAll('amman')[0]?.payloads).toEqual(['JO/amman', 'OTHER']);
  });
});

describe('AhoCorasick.searchWords', () => {
  const ac = matcher(['Iraq', 'Islamic Resistance in Iraq', 'IRGC', 'IRGC Quds Force', 'Quds', 'Iran', 'الحرس الثوري', 'بغداد', 'U.S.', 'Erbil']);
  it.each([
    ['The Islamic Resistance in Iraq claimed it', ['Islamic Resistance in Iraq']],
    ['an IRGC Quds Force officer', ['IRGC Quds Force']],
    ['the IRGC and Iraq', ['IRGC', 'Iraq']],
    ['Iraqis and Iranian officials', []],
    ['Iran’s envoy in Erbil', ['Iran', 'Erbil']],
    ['Irans', []],
    ['U.S.-led strikes', ['U.S.']],
    ['xIraq Iraqx', []],
    ['والحرس الثوري', ['الحرس الثوري']],
    ['ببغداد وبغداد لبغداد', ['بغداد', 'بغداد', 'بغداد']],
    ['مبغداد', []],
    ['(Iraq)', ['Iraq']],
  ])('%s', (text, expected) => {
    expect(words(ac, text)).toEqual(expected);
  });

  it('lets an accept filter drop a candidate before overlaps are resolved', () => {
    const ac2 = matcher(['Quds Force', 'IRGC Quds']);
    const folded = fold('IRGC Quds Force');
    const found = ac2.searchWords(folded, { accept: (m) => (m.pattern === 'irgc quds' ? [] : m.payloads) });
    expect(found.map((m) => m.pattern)).toEqual(['quds force']);
  });
});
