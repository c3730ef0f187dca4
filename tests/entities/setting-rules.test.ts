/**
 * The setting rules of issue 14 that entities3 added, one row each: a country named only as a
 * qualifier (demonym, possessive, attributive acronym) is no setting when another place is; a
 * reference point, a counterpart, an affiliation, rhetoric or a compound locates nothing; an
 * addressed government neither acts nor is a place; lists of states act together; more
 * subject-verb shapes (modals, "-ed", progressive, apposition, Persian subject-object-verb).
 * Pure functions are checked directly, the rest through the real dictionaries.
 */
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/normalize/gazetteer/fold.ts';
import { dottedAcronyms } from '../../src/normalize/gazetteer/mention-rules.ts';
import { isAttributive, isCompoundModifier, namesTerritory, notASetting } from '../../src/normalize/gazetteer/region-context.ts';
import { isGovernmentObject, isSpeaker, isStateAgent } from '../../src/normalize/gazetteer/speech-verbs.ts';
import { useTagIds } from './tag-ids.ts';

const { ids } = useTagIds(['actors', 'regions']);

/** `name` in `text` (its first occurrence after `marker`, if given): start and end. */
const at = (text: string, name: string, marker = ''): [number, number] => {
  const start = text.indexOf(name, marker === '' ? 0 : text.indexOf(marker));
  return [start, start + name.length];
};

describe('notASetting: where a named place is no setting', () => {
  it.each([
    ['a tanker 57 nautical miles west of Hodeidah', 'Hodeidah', false, true],
    ['about 400 nautical miles southeast of Oman\'s port of Duqm', 'Duqm', false, true],
    ['على بعد 80 ميلاً بحرياً جنوب شرق عدن', 'عدن', false, true],
    ['the spokesman said in Tehran.', 'Tehran', true, true],
    ['a strike east of Aleppo', 'Aleppo', false, false], // a bare direction still locates
    ['the road between Bint Jbeil and Ainata', 'Ainata', false, false], // "between" places for a town
    ['talks between Iran and the United States', 'United States', true, true],
    ['talks with Washington', 'Washington', true, true],
    ['militias once tied to Iran', 'Iran', true, true],
    ['backed by the United States', 'United States', true, true],
    ['crew who are from the Philippines and Russia', 'Russia', true, true],
    ['on the border with Syria', 'Syria', true, true],
    ['the Fifth Fleet, which is based in Bahrain', 'Bahrain', true, true],
    ['until the aggression on Gaza ends', 'Gaza', false, true],
    ['in solidarity with Palestinians in the Gaza Strip', 'Gaza Strip', false, true],
    ['Foreign Minister al-Shaibani visited Moscow in July.', 'Moscow', true, true],
    ['وكان البوسعيدي قد زار عمّان الأسبوع الماضي', 'عمّان', true, true],
    ['الضغط على إسرائيل لوقف اعتداءاتها', 'إسرائيل', true, true],
    ['strikes in Syria', 'Syria', true, false],
  ])('%s → %s', (text, name, state, expected) => {
    const [s, e] = at(text, name);
    expect(notASetting(text, s, e, state)).toBe(expected);
  });

  it.each([
    ['Oman hosts indirect US-Iran talks', 'US', true],
    ['near the Egypt-Sudan border', 'Sudan', true],
    ['a return to the Riyadh agreement', 'Riyadh', true],
    ['to revive the Yemen peace roadmap', 'Yemen', true],
    ['the war in Yemen continued', 'Yemen', false],
  ])('isCompoundModifier: %s', (text, name, expected) => {
    const [s, e] = at(text, name);
    expect(isCompoundModifier(text, s, e)).toBe(expected);
  });
});

describe('qualifiers: the name only qualifies what follows', () => {
  it.each([
    ['a U.S. official said', 'U.S.', true],
    ['US President Donald Trump', 'US', true],
    ["Turkey's Defence Minister said", 'Turkey', true],
    ["Afghanistan's eastern Paktika province", 'Afghanistan', false], // a noun of territory follows
    ['the U.S. is cutting its force', 'U.S.', false],
    ['Syria and Iraq', 'Syria', false],
  ])('isAttributive: %s', (text, name, expected) => {
    const [s, e] = at(text, name);
    expect(isAttributive(text, s, e)).toBe(expected);
  });

  it('namesTerritory: "an Iranian port", "Iraqi airspace", not "the Israeli side"', () => {
    expect(namesTerritory('an Iranian port for', 'an Iranian'.length)).toBe(true);
    expect(namesTerritory('Iraqi airspace has', 'Iraqi'.length)).toBe(true);
    expect(namesTerritory('the Israeli side that', 'the Israeli'.length)).toBe(false);
  });

  it.each([
    // Another place is the setting: the demonym's country is not.
    ['Israeli strikes killed 19 in Gaza overnight.', ['PS/gaza-strip'], ['IL']],
    ['The crew were Indian and Sri Lankan nationals, seized in the Gulf of Oman.', ['GULF_OF_OMAN'], ['IN', 'LK']],
    // No other setting: the demonym's country is the setting ("Iraqis voted").
    ['Iraqis voted on Tuesday in a parliamentary election.', ['IQ'], []],
    ['The tanker was taken to an Iranian port, in the Gulf of Oman.', ['IR'], []],
  ])('%s', (text, present, absent) => {
    const got = ids(text);
    expect(got).toEqual(expect.arrayContaining(present));
    for (const id of absent) expect(got).not.toContain(id);
  });
});

describe('states: acting, addressed, in lists', () => {
  it.each([
    ['Moscow is shifting aircraft out of Syria.', 'Moscow', true],
    ['Kuwait has repeatedly complained about smuggling.', 'Kuwait', true],
    ['the United States will protect its personnel', 'United States', true],
    ['Saudi Arabia, which backs the council, urged restraint.', 'Saudi Arabia', true],
    ['The UAE categorically rejects the allegations.', 'UAE', true],
    ['Moscow was ready to keep the facility.', 'Moscow', true],
    ['Lebanon was struck overnight.', 'Lebanon', false],
    ['Iraq elections are due.', 'Iraq', false],
    ['فرانسه، بریتانیا و آلمان ماه گذشته سازوکار را فعال کردند.', 'فرانسه', true],
  ])('isSpeaker: %s', (text, name, expected) => {
    const folded = fold(text);
    const start = folded.indexOf(fold(name));
    expect(isSpeaker(folded, start, start + fold(name).length)).toBe(expected);
  });

  it.each([
    ['GCC ministers urge Iran to respect sovereignty', 'Iran', true, false],
    ['حكومة الإقليم تطالب بغداد بكشف الجناة', 'بغداد', true, false],
    ['وتسعى موسكو إلى تعويض خسارة قواعدها', 'موسكو', false, true],
    ['the resolution, drafted by France', 'France', false, true],
    ['فعال‌سازی سازوکار از سوی فرانسه', 'فرانسه', false, true],
  ])('%s: object %s, agent %s', (text, name, object, agent) => {
    const folded = fold(text);
    const start = folded.indexOf(fold(name));
    expect(isGovernmentObject(folded, start)).toBe(object);
    expect(isStateAgent(folded, start)).toBe(agent);
  });

  it.each([
    // A list acts when one of it does; nothing happens in those states.
    ['The United States, Saudi Arabia, the United Arab Emirates and Egypt on Wednesday called on the parties to agree.', ['united-states', 'saudi-arabia', 'united-arab-emirates', 'egypt'], ['US', 'SA', 'AE', 'EG']],
    ['The resolution, drafted by France, Britain and Germany, passed.', ['france', 'united-kingdom', 'germany'], ['FR', 'GB', 'DE']],
    // Addressed, not acting and not a place.
    ['GCC ministers urged Iran to stop interfering.', [], ['iran', 'IR']],
    // Quoted rhetoric about a state: no actor.
    ['He said the killing was "a serious assault on Lebanon" and would not go unpunished.', [], ['lebanon']],
    // An outlet and an affiliation are not the actor.
    ['Three people were wounded, Lebanese state media said.', [], ['lebanon']],
    ['in an attack the al Qaeda-linked group claimed', [], ['al-qaeda']],
  ])('%s', (text, present, absent) => {
    const got = ids(text);
    expect(got).toEqual(expect.arrayContaining(present));
    for (const id of absent) expect(got).not.toContain(id);
  });

  it('dottedAcronyms: "UN Support Mission" is also written "U.N. Support Mission"', () => {
    expect(dottedAcronyms('UN Support Mission in Libya')).toBe('U.N. Support Mission in Libya');
    expect(dottedAcronyms('UNSMIL')).toBeNull();
    expect(ids('The U.N. Support Mission in Libya urged restraint.')).toContain('unsmil');
  });
});
