import { beforeAll, describe, expect, it } from 'vitest';
import { createDefaultTagger } from '../../../src/normalize/gazetteer/create-default-tagger.ts';
import type { Tagger, TagResult, TextSections } from '../../../src/normalize/gazetteer/tagger.types.ts';
import { writeDictionaries } from './small-dictionaries.ts';

let tagger: Tagger;
beforeAll(async () => {
  ({ tagger } = await createDefaultTagger({ dataDir: writeDictionaries(), discovery: false }));
});

const NO_HINTS = { regions: [], tags: [] };
function tag(content: string, more: Partial<TextSections> = {}): TagResult {
  return tagger.tag({ title: '', summary: '', content, tags: [], ...more }, NO_HINTS);
}
const ids = (refs: readonly { id: string }[]): string[] => refs.map((r) => r.id).sort();

describe('tagger rules', () => {
  it.each([
    // [text, actors, regions]
    ['The Islamic Resistance in Iraq claimed the attack.', ['islamic-resistance-in-iraq'], []],
    ['An IRGC Quds Force commander was killed.', ['irgc-quds-force'], []],
    ['Iraqi Security Forces deployed.', ['iraqi-security-forces'], []],
    ['Hezbollah Brigades fired rockets.', ['kataib-hizbullah'], []],
    ['Hezbollah fired rockets from the Levant.', ['hezbollah'], ['LEVANT']],
  ])('longest match consumes names inside names: %s', (text, actors, regions) => {
    const r = tag(text);
    expect(ids(r.actors)).toEqual(actors);
    expect(ids(r.regions)).toEqual(regions);
  });

  it.each([
    ['US forces and the U.S. embassy', ['US']],
    ['they told us it is over', []],
    ['Tell US what IS going on', ['US']],
  ])('case-sensitive acronyms: %s', (text, regions) => {
    expect(ids(tag(text).regions)).toEqual(regions);
  });

  it('matches IS only in capitals', () => {
    expect(ids(tag('IS fighters attacked; it is known').actors)).toEqual(['islamic-state']);
    expect(ids(tag('this is it').actors)).toEqual([]);
  });

  it.each([
    ['KH said nothing.', []],
    ['KH, an Iraqi militia, said nothing.', ['kataib-hizbullah']],
    ["Kata'ib Hizbullah denied it. KH later confirmed.", ['kataib-hizbullah']],
    ['The ISF entered the city.', []],
    ['The ISF entered Baghdad.', ['iraqi-security-forces']],
  ])('ambiguous aliases need the full name or a context term: %s', (text, actors) => {
    expect(ids(tag(text).actors)).toEqual(actors);
  });

  it('counts a bare surname only when the full name (with any title) appeared', () => {
    expect(ids(tag('Ryder said the base was hit.').actors)).toEqual([]);
    const r = tag('Maj. Gen. Pat Ryder said the base was hit. Ryder added that no one was hurt.');
    expect(ids(r.actors)).toEqual(['pat-ryder']);
    expect(r.actors[0]?.mentions).toBe(2);
  });

  it.each([
    // The state acting is an actor; the capital used for it is no place of the article (issue 14).
    ['Tehran denied any role.', ['iran'], []],
    ['Tehran has repeatedly denied any role.', ['iran'], []],
    ['A protest in Tehran ended.', [], ['IR', 'IR/tehran']],
    ['Washington warned the group.', ['united-states'], []],
    ['He flew to Washington on Monday.', [], ['US']],
    ['وقالت طهران إن الهجوم مرفوض', ['iran'], []],
    ['طهران تنفي أي دور في الهجوم', ['iran'], []],
    ['تهران اعلام کرد که پاسخ خواهد داد', ['iran'], []],
    ['وصل الوفد إلى طهران أمس', [], ['IR', 'IR/tehran']],
    ['Delegates meeting in Tehran on Monday condemned the strike.', [], ['IR', 'IR/tehran']],
  ])('capital + speech verb names the state: %s', (text, actors, regions) => {
    const r = tag(text);
    expect(ids(r.actors)).toEqual(actors);
    expect(ids(r.regions)).toEqual(regions);
  });

  it('a place also tags its country, with the place alias as evidence', () => {
    const text = 'A drone hit Jurf al-Nasr overnight.';
    const r = tag(text);
    expect(ids(r.regions)).toEqual(['IQ', 'IQ/jurf-al-sakhr']);
    const ev = r.evidence.regions.IQ?.[0];
    expect(ev?.alias).toBe('Jurf al-Nasr');
    expect(text.slice(ev?.start, ev?.end)).toBe('Jurf al-Nasr');
  });

  it('a country-less place (a sea) tags no country; a macro-region only when named', () => {
    expect(ids(tag('Ships in the Red Sea.').regions)).toEqual(['RED_SEA']);
    expect(ids(tag('Across the Mideast.').regions)).toEqual(['MIDDLE_EAST']);
  });

  it('a country name after "New" is another place', () => {
    expect(ids(tag('A New Jersey man and a New Mexico court; Jersey and Mexico.').regions)).toEqual(['JE', 'MX']);
    expect(tag('A New Jersey man').regions).toEqual([]);
  });

  it('demonyms tag the region, not the state actor; "pro-Iran" is a descriptor, neither', () => {
    const r = tag('Iraqi officials and pro-Iran groups met.');
    expect(ids(r.regions)).toEqual(['IQ']);
    expect(ids(r.actors)).toEqual([]);
    expect(ids(tag('The Iraqi government said.').actors)).toEqual(['iraq']);
  });

  it('possessives name the body or the state: "Turkey\'s Defence Ministry" = "Turkish Defence Ministry"', () => {
    expect(ids(tag("Turkey's Defence Ministry said two soldiers died.").actors)).toEqual(ids(tag('The Turkish Defence Ministry said two soldiers died.').actors));
    expect(ids(tag("Israel's military said it hit a launcher.").actors)).toEqual(ids(tag('The Israeli military said it hit a launcher.').actors));
    expect(ids(tag("Iran's government rejected the report.").actors)).toEqual(['iran']);
    expect(ids(tag("Iran's government rejected the report.").regions)).toEqual([]);
  });

  it('matches Arabic with proclitics and the elided alef after لل', () => {
    const r = tag('وأعلنت كتائب حزب الله ببغداد دعمها للحرس الثوري');
    expect(ids(r.actors)).toEqual(['irgc', 'kataib-hizbullah']);
    expect(ids(r.regions)).toEqual(['IQ', 'IQ/baghdad']);
  });

  it('gives evidence with field, alias as written, offsets into the field and a snippet', () => {
    const content = 'Officials said Kataib-Hezbollah fighters were seen.';
    const r = tag(content, { title: 'Kata’ib Hizbullah drone attack' });
    const ev = r.evidence.actors['kataib-hizbullah'];
    expect(ev?.map((e) => e.field)).toEqual(['title', 'content']);
    expect(ev?.[0]).toMatchObject({ alias: 'Kata’ib Hizbullah', start: 0, end: 17 });
    expect(content.slice(ev?.[1]?.start, ev?.[1]?.end)).toBe('Kataib-Hezbollah');
    expect(ev?.[1]?.snippet).toContain('Kataib-Hezbollah fighters');
  });

  it('salience: a title mention outranks a late body mention', () => {
    const body = `${'Filler sentence about the weather. '.repeat(40)}Hezbollah was mentioned once.`;
    const r = tag(body, { title: 'Islamic State claims attack' });
    const s = Object.fromEntries(r.actors.map((a) => [a.id, a.salience]));
    expect(s['islamic-state']).toBeGreaterThan(s.hezbollah ?? 1);
    expect(r.actors[0]?.id).toBe('islamic-state');
    for (const a of r.actors) {
      expect(a.salience).toBeGreaterThan(0);
      expect(a.salience).toBeLessThanOrEqual(1);
    }
  });

  it('topics: most specific only, from phrases and from categories', () => {
    expect(ids(tag('A drone attack and another attack.').topics)).toEqual(['drone-strike']);
    expect(ids(tag('Talks resumed.').topics)).toEqual(['diplomacy']);
    const r = tagger.tag({ title: 'Quiet day', summary: '', content: '', tags: ['Drones', 'Iraq'] }, NO_HINTS);
    expect(ids(r.topics)).toEqual(['drone-strike']);
    expect(r.evidence.topics['drone-strike']?.[0]).toMatchObject({ field: 'tags', alias: 'Drones' });
    expect(ids(r.regions)).toEqual(['IQ']);
  });

  it('feed hints are evidence with field feed', () => {
    const r = tagger.tag({ title: 'Quiet day', summary: '', content: '', tags: [] }, { regions: ['IQ/erbil', 'XX-NOPE'], tags: ['diplomacy'] });
    expect(ids(r.regions)).toEqual(['IQ', 'IQ/erbil']);
    expect(r.evidence.regions['IQ/erbil']?.[0]).toMatchObject({ field: 'feed', start: -1, end: -1 });
    expect(ids(r.topics)).toEqual(['diplomacy']);
  });
});

describe('country names inside unknown person names (discovery on)', () => {
  it.each([
    ['His lawyer, Jordan Miller, declined to comment. Chad Smith, 24, was charged.', []],
    ['Jordan King Abdullah met Iraqi officials.', ['JO']], // "Iraqi" only qualifies the officials
    ['Aid reached Jordan and Chad this week.', ['JO', 'TD']],
  ])('%s', async (content, regions) => {
    const { tagger: withDiscovery } = await createDefaultTagger({ dataDir: writeDictionaries() });
    expect(ids(withDiscovery.tag({ title: '', summary: '', content, tags: [] }, NO_HINTS).regions)).toEqual(regions);
  });
});

describe('candidates', () => {
  it('reports unknown people and organisations, not dictionary names', async () => {
    const { tagger: withDiscovery } = await createDefaultTagger({ dataDir: writeDictionaries() });
    const r = withDiscovery.tag(
      {
        title: 'Harakat Saraya Awliya al-Dam claims attack',
        summary: '',
        content: 'Spokesman Abu Fadak al-Mohammedawi said the Islamic Resistance in Iraq and Pat Ryder were wrong. Abu Fadak al-Mohammedawi repeated it.',
        tags: [],
      },
      NO_HINTS,
    );
    const names = r.candidates.map((c) => c.name);
    expect(names.some((n) => n.includes('Mohammedawi'))).toBe(true);
    expect(names.some((n) => /Ryder|Islamic Resistance/.test(n))).toBe(false);
  });
});

describe('all-capitals headlines', () => {
  it('an acronym in a shouted title needs confirmation like an ambiguous alias', () => {
    expect(ids(tagger.tag({ title: 'WHO IS BEHIND THE ATTACK ON THE BASE', summary: '', content: '', tags: [] }, NO_HINTS).actors)).toEqual([]);
    const confirmed = tagger.tag({ title: 'WHO IS BEHIND THE ATTACK ON THE BASE', summary: '', content: 'The Islamic State claimed it.', tags: [] }, NO_HINTS);
    expect(ids(confirmed.actors)).toEqual(['islamic-state']);
    expect(confirmed.actors[0]?.mentions).toBe(2);
    expect(ids(tag('IS fighters attacked the town overnight.').actors)).toEqual(['islamic-state']);
  });
});

describe('country names from i18n-iso-countries', () => {
  it('are matched in en, ar, fa and fr', () => {
    expect(ids(tag('Irak, العراق, عراق, Iraq').regions)).toEqual(['IQ']);
  });

  it('can be made ambiguous by data when they are also common words (مالي "financial", Chili)', async () => {
    const { writeJson } = await import('./small-dictionaries.ts');
    const ext = writeJson('ambiguous-countries.json', {
      countries: { ML: { ambiguousAliases: ['مالي', 'Mali'], contextTerms: ['Bamako', 'باماكو'] }, CL: { ambiguousAliases: ['Chili'] } },
    });
    const { tagger: t } = await createDefaultTagger({ dataDir: writeDictionaries(), extraFiles: [ext], discovery: false });
    const regions = (content: string): string[] => ids(t.tag({ title: '', summary: '', content, tags: [] }, NO_HINTS).regions);
    expect(regions('الدعم المالي للفصائل')).toEqual([]);
    expect(regions('Chili peppers')).toEqual([]);
    expect(regions('وصل وفد إلى باماكو عاصمة مالي')).toEqual(['ML']);
    expect(regions('Chili and Chile')).toEqual(['CL']);
  });
});
