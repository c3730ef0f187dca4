/**
 * The dictionaries while files are merged (drafts) and what they become (entries): the keys
 * each entry may carry, id shapes, match rules, and the conversion of drafts to the actor,
 * region and topic entries the catalog is built from. Countries come from i18n-iso-countries
 * (names in en, ar, fa, fr).
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import type { AcledMapping, ActorKind, ActorOffice, Affiliation, RegionKind } from '../../model/entities.ts';
import type { ActorEntry, RegionEntry, TopicEntry } from './dictionary.types.ts';
import { type Obj, type Reader } from './dictionary-reader.ts';
import { fold } from './fold.ts';

const require = createRequire(import.meta.url);
export const COUNTRY_LANGS = ['en', 'ar', 'fa', 'fr'] as const;
for (const lang of COUNTRY_LANGS) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

/** Keys each kind of entry may carry; anything else is a typo worth reporting. */
const MATCH_KEYS = ['aliases', 'caseSensitiveAliases', 'ambiguousAliases', 'contextTerms', 'description'];
export const KEYS = {
  actor: ['id', 'name', 'kind', 'affiliations', 'countries', 'wikidata', 'offices', ...MATCH_KEYS],
  macro: ['id', 'name', 'members', 'parent', ...MATCH_KEYS],
  country: ['name', 'demonyms', 'capital', ...MATCH_KEYS],
  place: ['id', 'kind', 'name', 'parent', 'countryCode', 'lat', 'lon', ...MATCH_KEYS],
  topic: ['id', 'label', 'parent', 'phrases', 'categories', 'caseSensitivePhrases', 'ambiguousPhrases', 'fallbackPhrases', 'excludedPhrases', 'contextTerms', 'description', 'acled'],
} as const;
export const TOP_KEYS: Record<string, readonly string[]> = {
  'actors.json': ['actors', '$schema', '$comment'],
  'regions.json': ['macroRegions', 'countries', 'places', '$schema', '$comment'],
  'topics.json': ['topics', '$schema', '$comment'],
  extension: ['actors', 'macroRegions', 'countries', 'places', 'topics', '$schema', '$comment'],
};
export const ACTOR_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SUBDIVISION_ID = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
export const PLACE_ID = /^(?:[A-Z]{2}\/[a-z0-9]+(?:-[a-z0-9]+)*|[A-Z][A-Z0-9_]*)$/;
export const MACRO_ID = /^[A-Z][A-Z0-9_]*$/;

export const unique = (items: Iterable<string>): string[] => [...new Set(items)];
export const isCountryCode = (code: string): boolean => /^[A-Z]{2}$/.test(code) && countries.isValid(code);

/** Mutable accumulators while files are merged. */
export interface Draft {
  id: string;
  name?: string;
  aliases: string[];
  caseSensitiveAliases: string[];
  ambiguousAliases: string[];
  contextTerms: string[];
  description?: string;
  origin: { file: string; path: string };
}
export interface ActorDraft extends Draft {
  kind?: ActorKind;
  affiliations: Affiliation[];
  countries: string[];
  wikidata?: string;
  offices?: ActorOffice[];
}
export interface RegionDraft extends Draft {
  kind: RegionKind;
  parent?: string;
  members: string[];
  countryCode?: string;
  lat?: number;
  lon?: number;
  capital?: string;
  extraAliases: string[];
  demonyms?: string[];
}
export interface TopicDraft extends Draft {
  parent?: string;
  phrases: string[];
  categories: string[];
  fallbackPhrases: string[];
  excludedPhrases: string[];
  acled?: AcledMapping;
}

export function readMatchRules(r: Reader, obj: Obj, at: string): Pick<Draft, 'aliases' | 'caseSensitiveAliases' | 'ambiguousAliases' | 'contextTerms' | 'description'> {
  const description = r.string(obj, 'description', at, '"One line for the analyst."', false);
  return {
    aliases: r.strings(obj, 'aliases', at, '["Kataib Hezbollah", "كتائب حزب الله"]'),
    caseSensitiveAliases: r.strings(obj, 'caseSensitiveAliases', at, '["KH"]'),
    ambiguousAliases: r.strings(obj, 'ambiguousAliases', at, '["KH"]'),
    contextTerms: r.strings(obj, 'contextTerms', at, '["militia", "Iraq"]'),
    ...(description === undefined ? {} : { description }),
  };
}

export function mergeDraft<D extends Draft>(target: D, extra: D): void {
  target.aliases = unique([...target.aliases, ...extra.aliases]);
  target.caseSensitiveAliases = unique([...target.caseSensitiveAliases, ...extra.caseSensitiveAliases]);
  target.ambiguousAliases = unique([...target.ambiguousAliases, ...extra.ambiguousAliases]);
  target.contextTerms = unique([...target.contextTerms, ...extra.contextTerms]);
  if (extra.name !== undefined) target.name = extra.name;
  if (extra.description !== undefined) target.description = extra.description;
}

/**
 * The English display name of a country: the ISO short name when it reads well ("United
 * Kingdom"), else the shortest plain name ("Syria" rather than "Syrian Arab Republic", "South
 * Korea" rather than "Korea, Republic of").
 */
export function displayName(code: string): string {
  const official = countries.getName(code, 'en') ?? code;
  if (!official.includes(',') && !official.includes('(') && official.length <= 16) return official;
  const plain = (countries.getName(code, 'en', { select: 'all' }) ?? []).filter((n) => !n.includes(',') && !n.includes('(') && !isAcronym(n));
  return plain.sort((a, b) => a.length - b.length)[0] ?? official;
}

/** Short all-capital acronyms ("US", "UAE", "U.S.") are matched case-sensitively even if the data forgets to say so. */
export function isAcronym(alias: string): boolean {
  const letters = alias.replace(/\./g, '');
  return /^[A-Z]{2,4}$/.test(letters);
}

export function toActor(d: ActorDraft): ActorEntry {
  const aliases = unique([...d.aliases, ...d.ambiguousAliases, ...d.caseSensitiveAliases]);
  return {
    id: d.id,
    name: d.name ?? d.id,
    kind: d.kind ?? 'ORGANIZATION',
    aliases,
    affiliations: d.affiliations,
    countries: d.countries,
    ...(d.wikidata === undefined ? {} : { wikidata: d.wikidata }),
    ...(d.description === undefined ? {} : { description: d.description }),
    ...(d.offices === undefined ? {} : { offices: d.offices }),
    caseSensitiveAliases: unique([...d.caseSensitiveAliases, ...aliases.filter(isAcronym)]),
    ambiguousAliases: d.ambiguousAliases,
    contextTerms: d.contextTerms,
  };
}

export function toTopic(d: TopicDraft): TopicEntry {
  return {
    id: d.id,
    label: d.name ?? d.id,
    ...(d.parent === undefined ? {} : { parent: d.parent }),
    phrases: d.phrases,
    categories: d.categories,
    aliases: [],
    caseSensitiveAliases: unique([...d.caseSensitiveAliases, ...d.phrases.filter(isAcronym)]),
    ambiguousAliases: d.ambiguousAliases,
    contextTerms: d.contextTerms,
    fallbackPhrases: d.fallbackPhrases,
    excludedPhrases: d.excludedPhrases,
    ...(d.acled === undefined ? {} : { acled: d.acled }),
  } as TopicEntry;
}

export function findCycles<T extends { id: string; parent?: string; origin: { file: string; path: string } }>(items: Map<string, T>): T[] {
  const bad: T[] = [];
  for (const item of items.values()) {
    const seen = new Set<string>([item.id]);
    let cur = item.parent === undefined ? undefined : items.get(item.parent);
    while (cur !== undefined) {
      if (cur.id === item.id) {
        bad.push(item);
        break;
      }
      if (seen.has(cur.id)) break;
      seen.add(cur.id);
      cur = cur.parent === undefined ? undefined : items.get(cur.parent);
    }
  }
  return bad;
}

/**
 * The region entries of the merged drafts: macro-region membership, a country's most specific
 * macro-region as its parent, the metonyms (names that can stand for the state: "Israel says",
 * "Tehran said") and the country above every place.
 */
export function regionEntries(regions: ReadonlyMap<string, RegionDraft>): RegionEntry[] {
  const memberOf = new Map<string, string[]>();
  const depth = (id: string | undefined, n = 0): number => (id === undefined || n > 20 ? n : depth(regions.get(id)?.parent, n + 1));
  for (const reg of regions.values()) {
    for (const m of reg.members) memberOf.set(m, [...(memberOf.get(m) ?? []), reg.id]);
  }
  const capitalOf = new Map<string, string>();
  for (const reg of regions.values()) if (reg.capital !== undefined) capitalOf.set(reg.capital, reg.id);
  return [...regions.values()].map((reg) => {
    const macros = unique(memberOf.get(reg.id) ?? []);
    let parent = reg.parent;
    if (reg.kind === 'COUNTRY' && parent === undefined && macros.length > 0) {
      // The most specific macro-region is the country's parent; all are in memberOf.
      parent = [...macros].sort((a, b) => depth(b) - depth(a))[0];
    }
    let metonyms: string[] = [];
    let metonymOf: string | undefined;
    const capitalFor = capitalOf.get(reg.id);
    if (capitalFor !== undefined) {
      metonyms = unique([reg.name ?? '', ...reg.aliases]);
      metonymOf = capitalFor;
    } else if (reg.kind === 'COUNTRY') {
      // Every NAME of a country (not its demonyms, not descriptors such as "southeast Turkey")
      // can stand for its state as the subject of a verb: "Israel says", "The UAE denies",
      // "Türkiye would not allow"; so can a capital with no place entry ("Washington", "Moscow").
      const demonyms = new Set((reg.demonyms ?? []).map((d) => fold(d)));
      metonyms = unique([reg.name ?? '', ...reg.aliases]).filter((a) => a !== '' && !demonyms.has(fold(a)) && !/^(?:north|south|east|west)/i.test(a) && !/ kurdistan$/i.test(a));
      if (metonyms.length > 0) metonymOf = reg.id;
    }
    const countryCode = reg.countryCode ?? countryAbove(regions, reg.parent);
    const entry: RegionEntry = {
      id: reg.id,
      kind: reg.kind,
      name: reg.name ?? reg.id,
      aliases: unique([...reg.aliases, ...reg.ambiguousAliases, ...reg.caseSensitiveAliases]),
      ...(parent === undefined ? {} : { parent }),
      memberOf: macros,
      ...(countryCode === undefined ? {} : { countryCode }),
      ...(reg.lat === undefined ? {} : { lat: reg.lat }),
      ...(reg.lon === undefined ? {} : { lon: reg.lon }),
      caseSensitiveAliases: unique([...reg.caseSensitiveAliases, ...reg.aliases.filter(isAcronym)]),
      ambiguousAliases: reg.ambiguousAliases,
      contextTerms: reg.contextTerms,
      metonyms,
      ...(metonymOf === undefined ? {} : { metonymOf }),
      ...(reg.demonyms === undefined ? {} : { demonyms: reg.demonyms }),
    };
    return entry;
  });
}

/** The first COUNTRY on the parent chain (a town under "PS/gaza-strip" is in PS), if any. */
function countryAbove(regions: ReadonlyMap<string, RegionDraft>, id: string | undefined): string | undefined {
  for (let n = 0; id !== undefined && n < 20; n++) {
    const reg = regions.get(id);
    if (reg === undefined || reg.kind === 'MACRO_REGION') return undefined;
    if (reg.kind === 'COUNTRY') return reg.id;
    id = reg.parent;
  }
  return undefined;
}
