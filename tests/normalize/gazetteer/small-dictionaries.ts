/**
 * A small dictionary for the gazetteer tests, written to a temporary folder so that the tests go
 * through the real loader (the project's data/ is written in parallel and may change).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SMALL_ACTORS = {
  actors: [
    { id: 'iran', name: 'Iran', kind: 'STATE', aliases: ['Iranian government', 'Islamic Republic of Iran'], affiliations: [], countries: ['IR'] },
    { id: 'united-states', name: 'United States', kind: 'STATE', aliases: ['US administration', 'White House'], affiliations: [], countries: ['US'] },
    { id: 'iraq', name: 'Iraq', kind: 'STATE', aliases: ['Iraqi government'], affiliations: [], countries: ['IQ'] },
    {
      id: 'kataib-hizbullah', name: "Kata'ib Hizbullah", kind: 'ARMED_GROUP',
      aliases: ['Kataib Hezbollah', 'Hezbollah Brigades', 'KH', 'كتائب حزب الله'],
      ambiguousAliases: ['KH'], caseSensitiveAliases: ['KH'], contextTerms: ['militia', 'PMF'],
      affiliations: [{ actor: 'islamic-resistance-in-iraq', relation: 'member_of' }, { actor: 'irgc-quds-force', relation: 'backed_by' }],
      countries: ['IQ'],
    },
    { id: 'hezbollah', name: 'Hezbollah', kind: 'ARMED_GROUP', aliases: ['Hizbullah', 'حزب الله'], affiliations: [{ actor: 'axis-of-resistance', relation: 'member_of' }], countries: ['LB'] },
    { id: 'islamic-resistance-in-iraq', name: 'Islamic Resistance in Iraq', kind: 'ARMED_GROUP', aliases: ['المقاومة الإسلامية في العراق'], affiliations: [{ actor: 'axis-of-resistance', relation: 'member_of' }], countries: ['IQ'] },
    { id: 'axis-of-resistance', name: 'Axis of Resistance', kind: 'ORGANIZATION', aliases: [], affiliations: [], countries: ['IR'] },
    { id: 'irgc', name: 'Islamic Revolutionary Guard Corps', kind: 'MILITARY', aliases: ['IRGC', 'Revolutionary Guards', 'الحرس الثوري'], caseSensitiveAliases: ['IRGC'], affiliations: [{ actor: 'iran', relation: 'part_of' }], countries: ['IR'] },
    { id: 'irgc-quds-force', name: 'IRGC Quds Force', kind: 'MILITARY', aliases: ['Quds Force'], affiliations: [{ actor: 'irgc', relation: 'part_of' }], countries: ['IR'] },
    { id: 'iraqi-security-forces', name: 'Iraqi Security Forces', kind: 'MILITARY', aliases: ['ISF'], ambiguousAliases: ['ISF'], caseSensitiveAliases: ['ISF'], contextTerms: ['Baghdad'], affiliations: [{ actor: 'iraq', relation: 'part_of' }], countries: ['IQ'] },
    { id: 'islamic-state', name: 'Islamic State', kind: 'ARMED_GROUP', aliases: ['IS', 'ISIS', 'Daesh', 'داعش'], caseSensitiveAliases: ['IS', 'ISIS'], affiliations: [], countries: ['IQ', 'SY'] },
    { id: 'pat-ryder', name: 'Pat Ryder', kind: 'PERSON', aliases: ['Patrick Ryder', 'Ryder'], ambiguousAliases: ['Ryder'], affiliations: [], countries: ['US'] },
  ],
};

export const SMALL_REGIONS = {
  macroRegions: [
    { id: 'MIDDLE_EAST', name: 'Middle East', aliases: ['Mideast', 'الشرق الأوسط'], members: ['IQ', 'IR', 'SY', 'LB'] },
    { id: 'LEVANT', name: 'Levant', parent: 'MIDDLE_EAST', aliases: ['the Levant'], members: ['SY', 'LB'] },
  ],
  countries: {
    IQ: { demonyms: ['Iraqi', 'Iraqis'], capital: 'IQ/baghdad' },
    IR: { demonyms: ['Iranian', 'pro-Iran'], capital: 'IR/tehran' },
    US: { demonyms: ['American'], aliases: ['US', 'U.S.', 'America', 'Washington'], caseSensitiveAliases: ['US', 'U.S.'] },
  },
  places: [
    { id: 'IQ-BG', kind: 'SUBDIVISION', name: 'Baghdad Governorate', aliases: ['Baghdad province'], parent: 'IQ', countryCode: 'IQ' },
    { id: 'IQ/baghdad', kind: 'CITY', name: 'Baghdad', aliases: ['بغداد'], parent: 'IQ-BG', countryCode: 'IQ', lat: 33.31, lon: 44.36 },
    { id: 'IQ/jurf-al-sakhr', kind: 'PLACE', name: 'Jurf al-Sakhr', aliases: ['Jurf al-Nasr'], parent: 'IQ', countryCode: 'IQ' },
    { id: 'IQ/erbil', kind: 'CITY', name: 'Erbil', aliases: ['Arbil', 'أربيل'], parent: 'IQ', countryCode: 'IQ' },
    { id: 'IR/tehran', kind: 'CITY', name: 'Tehran', aliases: ['Teheran', 'طهران', 'تهران'], parent: 'IR', countryCode: 'IR' },
    { id: 'RED_SEA', kind: 'PLACE', name: 'Red Sea', aliases: ['البحر الأحمر'], parent: 'MIDDLE_EAST' },
  ],
};

export const SMALL_TOPICS = {
  topics: [
    { id: 'security', label: 'Security', phrases: [], categories: ['security'] },
    { id: 'armed-attack', label: 'Armed attack', parent: 'security', phrases: ['attack', 'attacks'], categories: ['attacks'] },
    { id: 'drone-strike', label: 'Drone strike', parent: 'armed-attack', phrases: ['drone strike', 'drone attack', 'UAV', 'طائرة مسيرة'], categories: ['drones'] },
    { id: 'diplomacy', label: 'Diplomacy', phrases: ['talks'], categories: ['diplomacy'] },
  ],
};

/** Writes the three files (with `patch` replacing whole files) and returns the folder. */
export function writeDictionaries(patch: { actors?: unknown; regions?: unknown; topics?: unknown } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsgate-dict-'));
  writeFileSync(path.join(dir, 'actors.json'), JSON.stringify(patch.actors ?? SMALL_ACTORS));
  writeFileSync(path.join(dir, 'regions.json'), JSON.stringify(patch.regions ?? SMALL_REGIONS));
  writeFileSync(path.join(dir, 'topics.json'), JSON.stringify(patch.topics ?? SMALL_TOPICS));
  return dir;
}

/** Writes one extra JSON file and returns its path. */
export function writeJson(name: string, value: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsgate-ext-'));
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}
