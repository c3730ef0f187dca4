/**
 * The fast paths added for speed (issue 6) must give the same answers as the general code:
 * the fold loop against its own invariants, the one-pass isShouting and snippetAround on the
 * cases the tagger meets, discovery's windows and memo.
 */
import { describe, expect, it } from 'vitest';
import { discoverCandidates } from '../../../src/normalize/gazetteer/discovery.ts';
import { fold, foldWithMap } from '../../../src/normalize/gazetteer/fold.ts';
import { isShouting, snippetAround } from '../../../src/normalize/gazetteer/text-shape.ts';

describe('fold loop', () => {
  it('fold() is foldWithMap().text without its trailing space, and maps every unit inside the input', () => {
    const alphabet = [..."aZ '`-_\t\n’ʼ–—ﬁß𝐀ḤṢʿāٱأإآىةیکـ\u200c\u200b\u00adمُ٢۱é ."];
    let seed = 11;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const wrong: string[] = [];
    for (let k = 0; k < 2000; k++) {
      let s = '';
      for (let i = rnd(30); i > 0; i--) s += alphabet[rnd(alphabet.length)];
      for (const keepCase of [false, true]) {
        const mapped = foldWithMap(s, { keepCase });
        let ok = fold(s, { keepCase }) === mapped.text.trimEnd() && !/^ | {2}/.test(mapped.text) && mapped.starts.length === mapped.text.length;
        for (let i = 0; ok && i < mapped.text.length; i++) ok = mapped.starts[i]! >= 0 && mapped.ends[i]! <= s.length && mapped.starts[i]! < mapped.ends[i]!;
        if (!ok) wrong.push(JSON.stringify(s));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('folds long text (over the scratch buffer) and keeps a lone surrogate as it is', () => {
    const long = 'Kata’ib Hizbullah '.repeat(1000);
    expect(fold(long)).toBe('kataib hizbullah '.repeat(1000).trimEnd());
    expect(fold('a\ud800b')).toBe('a\ud800b');
  });
});

describe('isShouting', () => {
  it.each([
    ['WHO IS BEHIND THE ATTACK ON THE BASE', true],
    ['US STRIKES HIT YEMEN AGAIN', true],
    ['Who is behind the attack on the base', false],
    ['SHORT CAPS', false], // fewer than four words
    ['NATO IRGC CENTCOM ISIS', true],
    ['الحرس الثوري يعلن عن هجوم جديد', false], // uncased script
    [`US STRIKES HIT YEMEN ${'and then the story went on in lower case '.repeat(20)}`, false],
  ])('%s → %s', (text, expected) => {
    expect(isShouting(text)).toBe(expected);
  });
});

describe('snippetAround', () => {
  it('cuts at spaces and marks cut ends', () => {
    const text = `${'word '.repeat(30)}Kataib Hezbollah ${'more '.repeat(30)}`.trim();
    const at = text.indexOf('Kataib');
    const s = snippetAround(text, at, at + 'Kataib Hezbollah'.length);
    expect(s.startsWith('…word')).toBe(true);
    expect(s.endsWith('more…')).toBe(true);
    expect(s).toContain('Kataib Hezbollah');
  });

  it('folds paragraph breaks and runs of whitespace to one space', () => {
    const text = 'First paragraph ends.\n\nKH  claimed\tthe attack.';
    expect(snippetAround(text, 23, 25)).toBe('First paragraph ends. KH claimed the attack.');
  });

  it('returns tidy text unchanged', () => {
    expect(snippetAround('Iraq said', 0, 4)).toBe('Iraq said');
  });
});

describe('discoverCandidates (windows and memo)', () => {
  const known = (name: string): boolean => /Hezbollah|Kataib/.test(name);
  const sections = {
    title: 'Pentagon says strikes hit Kataib Hezbollah sites',
    summary: '',
    content:
      'Pentagon spokeswoman Sabrina Singh said on Monday that the strikes were proportionate. ' +
      'Asked about casualties, Sabrina Singh declined to comment. Iraqi bank officials said nothing.',
    tags: [],
  };

  it('reads each unknown name in its own words and counts each occurrence once', () => {
    const found = discoverCandidates(sections, known);
    expect(found).toContainEqual({ name: 'Sabrina Singh', kind: 'PERSON', mentions: 2 });
    expect(found.some((c) => /Kataib|Hezbollah/.test(c.name))).toBe(false);
    // A name that reaches past the capitalised run ("Iraqi bank") is not taken.
    expect(found.some((c) => c.name === 'Iraqi bank')).toBe(false);
  });

  it('gives the same answer from the memo', () => {
    expect(discoverCandidates(sections, known)).toEqual(discoverCandidates(sections, known));
  });

  it('ignores names past maxChars of the body', () => {
    expect(discoverCandidates({ ...sections, content: `${'x '.repeat(100)}Sabrina Singh said.` }, known, 50)).toEqual([]);
  });
});
