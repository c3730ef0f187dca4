/**
 * Tagging rules on the real dictionaries, one sentence per row: governorates named by their
 * capital ("Deir Ezzor province"), topic phrases that never hide a name, fallback and excluded
 * topic phrases, the Arabic "capital + speech verb" orders, and descriptor words that are not
 * part of an actor's name ("Britain-based").
 */
import { describe, expect, it } from 'vitest';
import { provinceSpan } from '../../src/normalize/gazetteer/phrase-forms.ts';
import { useTagIds } from './tag-ids.ts';
import { isSpeaker } from '../../src/normalize/gazetteer/speech-verbs.ts';
import { fold } from '../../src/normalize/gazetteer/fold.ts';

const { ids, tagger: theTagger } = useTagIds(['actors', 'regions', 'topics']);

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
    // "Israeli" qualifies the strikes; the setting is Gaza (a demonym alone is no setting when another country is).
    ['Israeli strikes killed 19 in Gaza overnight.', ['airstrike', 'PS/gaza-strip'], ['IL']],
    ['U.S. strikes hit Sanaa overnight.', ['united-states', 'airstrike', 'YE/sanaa'], ['US']],
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
    const r = theTagger().tag({ title: 'Storm hits coast', summary: '', content: 'A storm hit the coast.', tags: ['World'] }, { regions: [], tags: [] });
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
    // Descriptors locate no event and are no state acting (issue 14): neither region nor actor.
    ['the Britain-based Syrian Observatory for Human Rights said', ['syrian-observatory-for-human-rights'], ['GB', 'united-kingdom']],
    ['the Turkish-backed Syrian National Army', ['syrian-national-army'], ['TR', 'turkey']],
    ['a Liberian-flagged bulk carrier', ['maritime-security'], ['LR']],
    ['a Beirut-based think tank', [], ['LB', 'LB/beirut']],
    ['a Panamanian-flagged tanker and a Maltese ship', ['MT'], ['PA']],
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
    check('صنعاء — قال المتحدث العسكري إن', [], ['yemen', 'YE/sanaa']);
    expect(theTagger().tag({ title: '', summary: '', content: 'صنعاء — قال المتحدث العسكري إن', tags: [] }, { regions: [], tags: [] }).dateline).toBe('YE/sanaa');
    check('واشنطن حذّرت الحكومة العراقية من تمرير القانون', ['united-states'], ['US']);
  });
});

describe('states that act are actors; a country is a region only where events happen (issue 14)', () => {
  it.each([
    ['Türkiye would not allow a new front, the minister said.', ['turkey'], ['TR']],
    ['The UAE denies sending weapons.', ['united-arab-emirates'], ['AE']],
    ['Moscow shifts its stance on the base.', ['russia'], ['RU']],
    ['Amman has long accused the militias of smuggling.', ['jordan'], ['JO/amman', 'JO']],
    ['واشنطن تعارض الخطة', ['united-states'], ['US']],
    ['Lebanon was struck by a wave of strikes.', ['LB'], ['lebanon']],
    ['Iran-backed militias attacked the base in Syria.', ['SY'], ['iran', 'IR']],
    ['Israel says it struck a depot in Lebanon.', ['israel', 'LB'], ['IL']],
    ["Syria's Interior Ministry said the cell was dismantled.", ['syrian-ministry-of-interior'], ['SY', 'syria']],
    ["Israel's military said it hit a launcher.", [], ['IL']],
    ["Iran's government rejected the report.", ['iran'], ['IR']],
  ])('%s', (text, present, absent) => {
    const got = ids(text);
    if (present.length > 0 || absent.length > 0) expect(got).toEqual(expect.arrayContaining([...present].filter((id) => !absent.includes(id))));
    for (const id of absent) expect(got, `${id} in ${got.join(',')}`).not.toContain(id);
  });
});

describe('datelines are the article\'s dateline, not a region', () => {
  const tag = (content: string) => theTagger().tag({ title: '', summary: '', content, tags: [] }, { regions: [], tags: [] });
  it.each([
    ['DUBAI (Reuters) - Iran said on Monday it seized a tanker.', 'AE/dubai', ['AE', 'AE/dubai']],
    ['KHARTOUM, Dec 2 (AFP) - Fighting resumed in Omdurman.', 'SD/khartoum', ['SD/khartoum']],
    ['BEIRUT, Lebanon (AP) — A strike hit a car in Tyre.', 'LB/beirut', ['LB/beirut']],
    ['بيروت (رويترز) - قالت مصادر أمنية إن غارة استهدفت سيارة.', 'LB/beirut', ['LB/beirut']],
  ])('%s', (content, dateline, notRegions) => {
    const r = tag(content);
    expect(r.dateline).toBe(dateline);
    for (const id of notRegions) expect(r.regions.map((x) => x.id)).not.toContain(id);
  });
  it('an ordinary sentence opening is no dateline', () => {
    expect(tag('Baghdad - a city of eight million - woke to sirens.').dateline).toBeNull();
    expect(tag('Iraq said on Monday - in a statement - that talks resumed.').dateline).toBeNull();
  });
  it('a dateline city named again in the body stays a region', () => {
    expect(tag('BAGHDAD (Reuters) - A rocket hit a house in Baghdad on Monday.').regions.map((x) => x.id)).toContain('IQ/baghdad');
  });
});

describe('no country from a longer proper name, a lower-case common word or a given name', () => {
  it.each([
    ['Settlers seized land near the Jordan River.', ['JO', 'jordan']],
    ['The ship sailed across the Indian Ocean.', ['IN']],
    ['Fishermen on Lake Chad were attacked.', ['TD']],
    ['A protest on Georgia Avenue blocked traffic.', ['GE']],
    ['Prices of turkey and chad rose; niger seed imports fell. Elsewhere, people shopped.', ['TR', 'TD', 'NE', 'turkey']],
    ['A woman named Amal lost her home in the strike on Tyre, Lebanon.', ['amal-movement']],
    ['Amal Khalil, a teacher in Lebanon, said the school was closed.', ['amal-movement']],
  ])('%s', (text, absent) => check(text, [], absent));
  it('the names themselves still match', () => {
    check('Turkey and Chad signed a deal in Niger.', ['NE'], []);
    check('The Amal Movement said Lebanon would respond.', ['amal-movement'], []);
  });
});
