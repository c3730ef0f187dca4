import { describe, expect, it } from 'vitest';
import { fold, foldWithMap, originalRange } from '../../../src/normalize/gazetteer/fold.ts';

describe('fold', () => {
  it.each([
    ["Kata'ib Hizbullah", 'kataib hizbullah'],
    ['KATA’IB-HIZBULLAH', 'kataib hizbullah'],
    ['Kataʼib  Ḥizbullah', 'kataib hizbullah'],
    ['al‑Sakhr — Jurf_al', 'al sakhr jurf al'],
    ['Ṣanʿāʾ', 'sana'],
    ['  leading   and\ttabs ', 'leading and tabs'],
    ['أبو إبراهيم آل ٱلبيت', 'ابو ابراهيم ال البيت'],
    ['مُسَيَّرَة', 'مسيره'],
    ['الحـــرس', 'الحرس'],
    ['مستشفى', 'مستشفي'],
    ['ایران کشور', 'ايران كشور'],
    ['حزب‌الله', 'حزب الله'],
    ['٢٠٢٤ و ۱۴۰۳', '2024 و 1403'],
    ['ﬁnal', 'final'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('keeps case on request, for case-sensitive aliases', () => {
    expect(fold('U.S. Army', { keepCase: true })).toBe('U.S. Army');
    expect(fold('Kata’ib', { keepCase: true })).toBe('Kataib');
  });

  it('maps folded offsets back to the original string', () => {
    const original = "Gen. Ḥusayn — Kata'ib  Hizbullah said";
    const folded = foldWithMap(original);
    const at = folded.text.indexOf('kataib hizbullah');
    const range = originalRange(folded, at, at + 'kataib hizbullah'.length);
    expect(original.slice(range.start, range.end)).toBe("Kata'ib  Hizbullah");
    const h = folded.text.indexOf('husayn');
    const r2 = originalRange(folded, h, h + 6);
    expect(original.slice(r2.start, r2.end)).toBe('Ḥusayn');
  });

  it('maps Arabic with harakat and tatweel back to the original span', () => {
    const original = 'وقالتِ الحـرسُ الثوري';
    const folded = foldWithMap(original);
    const at = folded.text.indexOf('الحرس الثوري');
    const r = originalRange(folded, at, at + 'الحرس الثوري'.length);
    expect(original.slice(r.start, r.end)).toBe('الحـرسُ الثوري');
  });

  it('maps astral characters with their two UTF-16 units', () => {
    const original = '𝐀 Iraq';
    const folded = foldWithMap(original);
    const at = folded.text.indexOf('iraq');
    const r = originalRange(folded, at, at + 4);
    expect(original.slice(r.start, r.end)).toBe('Iraq');
  });
});
