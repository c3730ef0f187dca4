/**
 * Tagging rules on the real dictionaries, one sentence per row: governorates named by their
 * capital ("Deir Ezzor province"), topic phrases that never hide a name, fallback and excluded
 * topic phrases, the Arabic "capital + speech verb" orders, and descriptor words that are not
 * part of an actor's name ("Britain-based").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import { provinceSpan, type GazetteerTagger } from '../../src/normalize/gazetteer/tagger.ts';
import { isSpeaker } from '../../src/normalize/gazetteer/speech-verbs.ts';
import { fold } from '../../src/normalize/gazetteer/fold.ts';

let tagger: GazetteerTagger;
beforeAll(async () => {
  ({ tagger } = await createDefaultTagger({ discovery: false }));
}, 60_000);

const ids = (text: string): string[] => {
  const r = tagger.tag({ title: '', summary: '', content: text, tags: [] }, { regions: [], tags: [] });
  return [...r.actors, ...r.regions, ...r.topics].map((e) => e.id);
};

const check = (text: string, present: readonly string[], absent: readonly string[]): void => {
  const got = ids(text);
  expect(got).toEqual(expect.arrayContaining([...present]));
  for (const id of absent) expect(got, `${id} in ${got.join(',')}`).not.toContain(id);
};

describe('a governorate named by its capital city', () => {
  it.each([
    ['oil fields in Deir Ezzor province', ['SY-DY', 'SY'], ['SY/deir-ez-zor']],
    ['in Kirkuk governorate', ['IQ-KI'], ['IQ/kirkuk']],
    ['in the province of Basra', ['IQ-BA'], ['IQ/basra']],
    ['اعتقال أربعة في محافظة كركوك', ['IQ-KI'], ['IQ/kirkuk']],
    ['بمحافظة كركوك', ['IQ-KI'], ['IQ/kirkuk']],
    ['a drone hit Kirkuk on Sunday', ['IQ/kirkuk'], ['IQ-KI']],
  ])('%s', (text, present, absent) => check(text, present, absent));

  it('provinceSpan covers the word that names the province', () => {
    const t = fold('in the province of Basra today');
    const at = t.indexOf('basra');
    expect(provinceSpan(t, at, at + 5)).toEqual({ start: t.indexOf('province'), end: at + 5 });
    const u = fold('Basra province');
    expect(provinceSpan(u, 0, 5)).toEqual({ start: 0, end: u.length });
    expect(provinceSpan(fold('Basra city'), 0, 5)).toBeNull();
  });
});

describe('topic phrases and names', () => {
  it.each([
    // A name hides the topic phrase inside it; a topic phrase never hides a name.
    ['The Counter-Terrorism Service raided a house.', ['iraqi-counter-terrorism-service'], ['counter-terrorism']],
    ['Israeli strikes killed 19 in Gaza overnight.', ['IL', 'airstrike', 'PS/gaza-strip'], []],
    ['U.S. strikes hit Sanaa overnight.', ['US', 'airstrike', 'YE/sanaa'], []],
    // Fallback phrases give way to a more specific sibling.
    ['An Israeli strike by a drone hit a car in Tyre; the drone strike killed two.', ['drone-strike'], ['airstrike']],
    // Excluded look-alikes assign nothing.
    ['Missiles set off air raid sirens across Israel.', ['missile-strike'], ['airstrike']],
    ['Reconnaissance drones flew over the base.', [], ['drone-strike']],
    ['The drill included coastal missile batteries and drone units.', [], ['missile-strike', 'drone-strike']],
    ['A drone strike hit the base.', ['drone-strike'], []],
    ['The IRGC Navy began naval exercises and drills in the Gulf.', ['military-exercise'], []],
    ['Lebanon\'s cabinet tasked the army with a plan.', ['politics'], []],
    ['Israeli incursions into Quneitra continued.', ['foreign-military-presence'], []],
  ])('%s', (text, present, absent) => check(text, present, absent));

  it('a feed section called "World" is not diplomacy', () => {
    const r = tagger.tag({ title: 'Storm hits coast', summary: '', content: 'A storm hit the coast.', tags: ['World'] }, { regions: [], tags: [] });
    expect(r.topics.map((t) => t.id)).not.toContain('diplomacy');
  });
});

describe('acronyms that are English words, and idioms', () => {
  it.each([
    ['RAGHAVENDRA BHAT M. IS NEW CHIEF GENERAL MANAGER OF KARNATAKA', [], ['islamic-state']],
    ['IS claimed the attack near Hamrin.', ['islamic-state'], []],
    ['US CENTCOM said the strike hit a depot.', ['centcom', 'US'], []],
    ['Five people were picked to sit in a room and burned the midnight oil.', [], ['protests', 'oil-energy']],
    ['Protesters staged a sit-in outside the ministry.', ['protests'], []],
    ['Fans are shelling out more for tickets.', [], ['armed-attack']],
  ])('%s', (text, present, absent) => check(text, present, absent));
});

describe('descriptors are not names, demonyms of flag states', () => {
  it.each([
    ['the Britain-based Syrian Observatory for Human Rights said', ['syrian-observatory-for-human-rights', 'GB'], []],
    ['the Turkish-backed Syrian National Army', ['syrian-national-army', 'TR'], []],
    ['a Liberian-flagged bulk carrier', ['LR', 'maritime-security'], []],
    ['a Panamanian-flagged tanker and a Maltese ship', ['PA', 'MT'], []],
    ['Muwasi area of Khan Younis', ['PS/al-mawasi', 'PS/khan-younis'], []],
    ['قالت الخارجية الإيرانية إن', ['iranian-foreign-ministry'], []],
    ['أعلنت الداخلية العراقية', ['iraqi-ministry-of-interior'], []],
    ['ودان رئيس الجمهورية العماد جوزاف عون الغارة', ['joseph-aoun'], []],
    ['قوات من التحالف الدولي في مطار أربيل', ['global-coalition'], []],
    ['He polished his boots.', [], ['PL']],
  ])('%s', (text, present, absent) => check(text, present, absent));
});

describe('Arabic capital + speech verb', () => {
  it.each([
    ['قالت طهران إن', true],
    ['ونفت طهران', true],
    ['فيما حذرت طهران من', true],
    ['الخبر: قالت طهران إن', true],
    ['طهران نفت الاتهامات', true],
    ['إن واشنطن حذّرت بغداد', false], // بغداد is the object of واشنطن's verb
    ['وصل الوزير إلى طهران قال مصدر', false],
  ])('%s → %s', (text, expected) => {
    const folded = fold(text);
    const name = text.includes('بغداد') ? 'بغداد' : 'طهران';
    const at = folded.indexOf(fold(name));
    expect(isSpeaker(folded, at, at + fold(name).length)).toBe(expected);
  });

  it('a dateline is not a speaker: "صنعاء — قال المتحدث"', () => {
    check('صنعاء — قال المتحدث العسكري إن', ['YE/sanaa'], ['yemen']);
    check('واشنطن حذّرت الحكومة العراقية من تمرير القانون', ['united-states', 'US'], []);
  });
});
