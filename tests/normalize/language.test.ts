import { describe, expect, it } from 'vitest';
import { detectLanguage, looksEnglish, normalizeLanguageTag, resolveLanguage } from '../../src/normalize/language.ts';

const english =
  'Syrian border guards seized a truck carrying anti-tank rockets near the Lebanese frontier on Sunday, the third such seizure this month, officials said. The drivers were detained.';
const french =
  "Les gardes-frontières syriens ont saisi dimanche un camion transportant des roquettes antichars près de la frontière libanaise, la troisième saisie de ce type ce mois-ci, selon des responsables.";
const arabic = 'ضبط حرس الحدود السوري شاحنة محملة بصواريخ مضادة للدروع قرب الحدود اللبنانية يوم الأحد، بحسب ما أفاد مسؤولون.';
const persian = 'ماموران مرزی سوریه روز یکشنبه یک کامیون حامل موشک‌های ضدتانک را در نزدیکی مرز لبنان توقیف کردند، به گفته مقامات.';
const urdu = 'شامی سرحدی محافظوں نے اتوار کو لبنانی سرحد کے قریب ٹینک شکن راکٹوں سے لدا ایک ٹرک پکڑ لیا۔';
const hebrew = 'משמר הגבול הסורי תפס משאית שנשאה רקטות נגד טנקים ליד הגבול הלבנוני ביום ראשון.';

describe('normalizeLanguageTag', () => {
  it.each([
    ['en-US', 'en'], ['EN', 'en'], ['ar_IQ', 'ar'], ['ar-iq', 'ar'], ['zh-Hant-TW', 'zh'], ['ara', 'ar'], ['per', 'fa'], ['fas', 'fa'],
    ['eng', 'en'], ['iw', 'he'], ['fr_FR.UTF-8', 'fr'], ['', null], [null, null], ['english', null], ['x-klingon', null], ['123', null],
  ])('%j → %j', (tag, expected) => {
    expect(normalizeLanguageTag(tag)).toBe(expected);
  });
});

describe('detectLanguage', () => {
  it.each([
    [english, 'en'], [french, 'fr'], [arabic, 'ar'], [persian, 'fa'], [urdu, 'ur'], [hebrew, 'he'], ['Short text.', null], ['', null], ['12345 !!!', null],
  ])('%s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});

describe('resolveLanguage', () => {
  it('prefers item, then feed, then config', () => {
    expect(resolveLanguage({ item: 'fr-FR', feed: 'en', config: 'ar', text: english })).toEqual({ language: 'fr', source: 'item' });
    expect(resolveLanguage({ item: null, feed: 'en-us', config: 'ar', text: english })).toEqual({ language: 'en', source: 'feed' });
    expect(resolveLanguage({ item: 'bogus', feed: null, config: 'de', text: english })).toEqual({ language: 'de', source: 'config' });
  });

  it('detects when nothing is declared', () => {
    expect(resolveLanguage({ item: null, feed: null, config: undefined, text: french })).toEqual({ language: 'fr', source: 'detected' });
  });

  it('overrides a Latin-script declaration on Arabic-script text, with a warning', () => {
    const result = resolveLanguage({ item: null, feed: 'en-US', config: null, text: arabic });
    expect(result.language).toBe('ar');
    expect(result.source).toBe('detected');
    expect(result.warning).toMatch(/declares language "en".*Arabic script/);
  });

  it('keeps an Arabic-script declaration (fa on text it might call ar)', () => {
    expect(resolveLanguage({ item: 'fa', feed: null, config: null, text: arabic })).toEqual({ language: 'fa', source: 'item' });
  });

  it('gives null when it cannot tell', () => {
    expect(resolveLanguage({ item: null, feed: null, config: null, text: 'Short.' })).toEqual({ language: null, source: 'none' });
  });
});

describe('looksEnglish (the quick path before franc)', () => {
  it.each([
    [english, true],
    ['Kataib Hezbollah said on Saturday it had targeted a convoy carrying logistical supplies near Baghdad with a roadside bomb, according to a statement carried by the Iraqi News Agency.', true],
    [french, false],
    ['Syrische Grenzsoldaten haben am Sonntag nahe der libanesischen Grenze einen Lastwagen mit Panzerabwehrraketen beschlagnahmt, die dritte solche Beschlagnahme in diesem Monat, sagten Beamte.', false],
    ['Los guardias fronterizos sirios incautaron el domingo un camión que transportaba cohetes antitanque cerca de la frontera libanesa, la tercera incautación de este tipo este mes, según funcionarios.', false],
    ['The end.', false], // too few words to tell
  ])('%s', (text, expected) => {
    expect(looksEnglish(text)).toBe(expected);
  });

  it('detectLanguage answers from a bounded prefix', () => {
    expect(detectLanguage(`${english} `.repeat(40))).toBe('en');
    expect(detectLanguage(`${french} `.repeat(40))).toBe('fr');
  });
});
