import { describe, expect, it } from 'vitest';
import { ErrorCode, NewsgateError } from '../../../src/model/errors.ts';
import { loadDictionaries } from '../../../src/normalize/gazetteer/load-dictionaries.ts';
import { SMALL_ACTORS, SMALL_REGIONS, SMALL_TOPICS, writeDictionaries, writeJson } from './small-dictionaries.ts';

const actorsWith = (patch: (a: Record<string, unknown>[]) => void): unknown => {
  const copy = structuredClone(SMALL_ACTORS) as { actors: Record<string, unknown>[] };
  patch(copy.actors);
  return copy;
};

async function failure(patch: Parameters<typeof writeDictionaries>[0], extraFiles: string[] = []): Promise<NewsgateError> {
  try {
    await loadDictionaries({ dataDir: writeDictionaries(patch), extraFiles });
  } catch (err) {
    expect(err).toBeInstanceOf(NewsgateError);
    expect((err as NewsgateError).code).toBe(ErrorCode.DICTIONARY_INVALID);
    return err as NewsgateError;
  }
  throw new Error('expected loadDictionaries to fail');
}

describe('loadDictionaries', () => {
  it('loads the small dictionaries, with every ISO country from i18n-iso-countries', async () => {
    const d = await loadDictionaries({ dataDir: writeDictionaries() });
    expect(d.actors.length).toBe(SMALL_ACTORS.actors.length);
    const countries = d.regions.filter((r) => r.kind === 'COUNTRY');
    expect(countries.length).toBeGreaterThanOrEqual(249);
    const iq = d.regions.find((r) => r.id === 'IQ');
    expect(iq?.aliases).toEqual(expect.arrayContaining(['Iraq', 'العراق', 'Irak', 'Iraqi']));
    expect(iq?.memberOf).toEqual(['MIDDLE_EAST']);
    expect(iq?.parent).toBe('MIDDLE_EAST');
    expect(d.regions.find((r) => r.id === 'LB')?.parent).toBe('LEVANT');
    expect(d.regions.find((r) => r.id === 'IR/tehran')?.metonyms).toContain('Tehran');
    // Every name of a country stands for its state before a verb; demonyms never do.
    expect(d.regions.find((r) => r.id === 'US')?.metonyms).toEqual(expect.arrayContaining(['America', 'Washington', 'US', 'United States']));
    expect(d.regions.find((r) => r.id === 'US')?.metonyms).not.toContain('American');
    expect(d.topics.map((t) => t.id)).toEqual(SMALL_TOPICS.topics.map((t) => t.id));
  });

  it.each([
    ['unknown key', actorsWith((a) => Object.assign(a[0]!, { alias: ['x'] })), /actors\[0\]\.alias: unknown key "alias"; allowed keys are id, name/],
    ['bad kind', actorsWith((a) => Object.assign(a[0]!, { kind: 'MILITIA' })), /actors\[0\]\.kind: "MILITIA" is not allowed; use one of STATE, ARMED_GROUP/],
    ['duplicate id', actorsWith((a) => a.push({ ...a[0]! })), /actors\[12\]\.id: duplicate id "iran" \(first at .*actors\.json actors\[0\]\)/],
    ['missing name', actorsWith((a) => delete a[1]!.name), /actors\[1\]\.name: is missing, e\.g\. "name": "Kata'ib Hizbullah"/],
    [
      'affiliation target that does not exist',
      actorsWith((a) => ((a[3]!.affiliations as unknown[])[0] = { actor: 'islamic-resistance-iraq', relation: 'member_of' })),
      /actors\[3\]\.affiliations\[0\]\.actor: no actor has id "islamic-resistance-iraq"; use an existing id \(e\.g\. "islamic-resistance-in-iraq"\)/,
    ],
    ['bad relation', actorsWith((a) => ((a[3]!.affiliations as unknown[])[0] = { actor: 'iran', relation: 'friend_of' })), /actors\[3\]\.affiliations\[0\]\.relation: "friend_of" is not allowed; use one of member_of, part_of, backed_by, leads/],
    ['bad country code', actorsWith((a) => (a[0]!.countries = ['Iran'])), /actors\[0\]\.countries\[0\]: "Iran" is not an ISO 3166-1 alpha-2 code/],
    ['non-slug id', actorsWith((a) => (a[0]!.id = 'Iran State')), /actors\[0\]\.id: "Iran State" is not a slug/],
    ['alias that is not a string', actorsWith((a) => (a[0]!.aliases = ['ok', 3])), /actors\[0\]\.aliases\[1\]: must be a non-empty string/],
  ])('actors: %s', async (_name, actors, message) => {
    const err = await failure({ actors });
    expect(err.message).toMatch(message);
  });

  it.each([
    ['a place whose parent does not exist', { ...SMALL_REGIONS, places: [{ id: 'IQ/x', kind: 'CITY', name: 'X', aliases: [], parent: 'IQ-ZZ', countryCode: 'IQ' }] }, /places\[0\]\.parent: no region has id "IQ-ZZ"/],
    ['a macro-region member that is not a country', { ...SMALL_REGIONS, macroRegions: [{ id: 'LEVANT', name: 'Levant', aliases: [], members: ['Syria'] }] }, /macroRegions\[0\]\.members\[0\]: "Syria" is not an ISO 3166-1 alpha-2 code/],
    ['an unknown country key', { ...SMALL_REGIONS, countries: { XQ: { demonyms: ['Xq'] } } }, /countries\.XQ: "XQ" is not an ISO 3166-1 alpha-2 country code/],
    ['a bad place kind', { ...SMALL_REGIONS, places: [{ id: 'IQ/x', kind: 'TOWN', name: 'X', aliases: [], parent: 'IQ' }] }, /places\[0\]\.kind: "TOWN" is not allowed; use one of SUBDIVISION, CITY, PLACE/],
    ['a capital that is not a place of the country', { ...SMALL_REGIONS, countries: { IQ: { capital: 'IR/tehran' } } }, /countries\.IQ\.capital: "IR\/tehran" is not a place of IQ/],
    ['a country code that contradicts the id', { ...SMALL_REGIONS, places: [{ id: 'IQ/x', kind: 'CITY', name: 'X', aliases: [], parent: 'IQ', countryCode: 'IR' }] }, /places\[0\]\.countryCode: "IR" does not match the id's country "IQ"/],
  ])('regions: %s', async (_name, regions, message) => {
    const err = await failure({ regions });
    expect(err.message).toMatch(message);
  });

  it('topics: a parent that does not exist, and a parent cycle', async () => {
    const err = await failure({
      topics: { topics: [{ id: 'a', label: 'A', parent: 'b', phrases: [], categories: [] }, { id: 'b', label: 'B', parent: 'a', phrases: [], categories: [] }, { id: 'c', label: 'C', parent: 'zz', phrases: [], categories: [] }] },
    });
    expect(err.message).toMatch(/topics\[2\]\.parent: no topic has id "zz"/);
    expect(err.message).toMatch(/topics\[0\]\.parent: topic parents form a cycle through "a"/);
  });

  it('reports invalid JSON and a missing file with the file name', async () => {
    const bad = writeJson('bad.json', '{ "actors": [ } ');
    const err = await failure({}, [bad]);
    expect(err.message).toContain(`${bad}: $: is not valid JSON`);
    await expect(loadDictionaries({ dataDir: '/nonexistent-newsgate' })).rejects.toThrow(/cannot read dictionary file \/nonexistent-newsgate\/actors\.json/);
  });

  it('lists every problem at once, in details too', async () => {
    const err = await failure({ actors: actorsWith((a) => Object.assign(a[0]!, { kind: 'X', colour: 'red' })) });
    expect(err.message).toMatch(/^2 problems in the dictionaries:/);
    expect(err.details.problems).toHaveLength(2);
  });

  it('user extension files add entries and extend existing ids', async () => {
    const ext = writeJson('mine.json', {
      actors: [
        { id: 'kataib-hizbullah', aliases: ['Kataeb Hezbollah'], affiliations: [{ actor: 'hezbollah', relation: 'backed_by' }] },
        { id: 'saraya-awliya-al-dam', name: 'Saraya Awliya al-Dam', kind: 'ARMED_GROUP', aliases: [], affiliations: [{ actor: 'islamic-resistance-in-iraq', relation: 'member_of' }], countries: ['IQ'] },
      ],
      places: [{ id: 'IQ/camp-taji', kind: 'PLACE', name: 'Camp Taji', aliases: ['Taji'], parent: 'IQ-BG' }],
      topics: [{ id: 'drone-strike', phrases: ['quadcopter'] }],
    });
    const d = await loadDictionaries({ dataDir: writeDictionaries(), extraFiles: [ext] });
    const kh = d.actors.find((a) => a.id === 'kataib-hizbullah');
    expect(kh?.aliases).toEqual(expect.arrayContaining(['Kataib Hezbollah', 'Kataeb Hezbollah']));
    expect(kh?.affiliations.map((a) => a.actor)).toEqual(['islamic-resistance-in-iraq', 'irgc-quds-force', 'hezbollah']);
    expect(d.actors.some((a) => a.id === 'saraya-awliya-al-dam')).toBe(true);
    expect(d.regions.find((r) => r.id === 'IQ/camp-taji')?.countryCode).toBe('IQ');
    expect(d.topics.find((t) => t.id === 'drone-strike')?.phrases).toContain('quadcopter');
  });

  it('warns (does not fail) when two actors share an alias', async () => {
    const d = await loadDictionaries({ dataDir: writeDictionaries({ actors: actorsWith((a) => (a[4]!.aliases = ['Hizbullah', 'Hezbollah Brigades'])) }) });
    expect(d.warnings.join('\n')).toMatch(/alias "hezbollah brigades" belongs to 2 actors \(kataib-hizbullah, hezbollah\)/);
  });
});
