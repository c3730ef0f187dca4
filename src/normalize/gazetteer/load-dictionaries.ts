/**
 * Reads and validates the dictionaries: `data/actors.json`, `data/regions.json`,
 * `data/topics.json` and any user extension files (same format, every section optional), so
 * that an operator's typo is reported at start-up with the file, the JSON path, what is wrong
 * and what would be right, instead of silently tagging nothing. Countries come from
 * i18n-iso-countries (names in en, ar, fa, fr) merged with `regions.json` `countries` extras.
 */
import path from 'node:path';
import countries from 'i18n-iso-countries';
import { ACLED_EVENT_TYPES, ACLED_SUB_EVENT_TYPES, ACTOR_KINDS, AFFILIATION_RELATIONS, REGION_KINDS, type AcledMapping, type ActorOffice, type Affiliation, type AffiliationRelation } from '../../model/entities.ts';
import { ACTOR_ID, COUNTRY_LANGS, displayName, findCycles, isCountryCode, KEYS, MACRO_ID, mergeDraft, PLACE_ID, readMatchRules, regionEntries, SUBDIVISION_ID, TOP_KEYS, toActor, toTopic, unique, type ActorDraft, type RegionDraft, type TopicDraft } from './dictionary-drafts.ts';
import { closest, Problems, readJson, Reader, slug, type Json } from './dictionary-reader.ts';
import type { Dictionaries } from './dictionary.types.ts';
import { fold } from './fold.ts';


/** Options of {@link loadDictionaries}. */
export interface LoadOptions {
  /** Folder holding actors.json, regions.json and topics.json. */
  readonly dataDir: string;
  /** User extension files, applied in order after the base files. */
  readonly extraFiles?: readonly string[];
}

/** The state of loading across files. */
class Loader {
  readonly problems = new Problems();
  readonly actors = new Map<string, ActorDraft>();
  readonly regions = new Map<string, RegionDraft>();
  readonly topics = new Map<string, TopicDraft>();

  constructor() {
    for (const code of Object.keys(countries.getAlpha2Codes())) {
      const names: string[] = [];
      for (const lang of COUNTRY_LANGS) {
        const n = countries.getName(code, lang, { select: 'all' });
        if (Array.isArray(n)) names.push(...n);
      }
      const english = displayName(code);
      this.regions.set(code, {
        id: code,
        kind: 'COUNTRY',
        name: english,
        aliases: unique(names.map((n) => n.trim()).filter((n) => n !== '')),
        caseSensitiveAliases: [],
        ambiguousAliases: [],
        contextTerms: [],
        members: [],
        countryCode: code,
        extraAliases: [],
        origin: { file: 'i18n-iso-countries', path: code },
      });
    }
  }

  file(file: string, doc: Json, kind: keyof typeof TOP_KEYS): void {
    const r = new Reader(this.problems, file);
    const root = r.object(doc, '$', '{ "actors": [ … ] }');
    if (root === null) return;
    r.keys(root, '$', TOP_KEYS[kind]!);
    const base = kind !== 'extension';
    if (kind === 'actors.json' && root.actors === undefined) r.problems.add(file, '$.actors', 'is missing, e.g. { "actors": [ { "id": "kataib-hizbullah", … } ] }');
    if (kind === 'topics.json' && root.topics === undefined) r.problems.add(file, '$.topics', 'is missing, e.g. { "topics": [ { "id": "drone-strike", … } ] }');
    r.array(root.actors, 'actors', '[{ "id": "kataib-hizbullah", … }]').forEach((v, i) => this.actor(r, v, `actors[${i}]`, base));
    r.array(root.macroRegions, 'macroRegions', '[{ "id": "LEVANT", … }]').forEach((v, i) => this.macro(r, v, `macroRegions[${i}]`));
    if (root.countries !== undefined) {
      const map = r.object(root.countries, 'countries', '{ "IQ": { "demonyms": ["Iraqi"] } }');
      for (const [code, v] of Object.entries(map ?? {})) this.country(r, code, v, `countries.${code}`);
    }
    r.array(root.places, 'places', '[{ "id": "IQ/baghdad", … }]').forEach((v, i) => this.place(r, v, `places[${i}]`));
    r.array(root.topics, 'topics', '[{ "id": "drone-strike", … }]').forEach((v, i) => this.topic(r, v, `topics[${i}]`, base));
  }

  private actor(r: Reader, value: Json, at: string, base: boolean): void {
    const obj = r.object(value, at, '{ "id": "kataib-hizbullah", "name": "Kata\'ib Hizbullah", "kind": "ARMED_GROUP", "aliases": [] }');
    if (obj === null) return;
    r.keys(obj, at, KEYS.actor);
    const id = r.string(obj, 'id', at, '"kataib-hizbullah"', true);
    if (id === undefined) return;
    if (!ACTOR_ID.test(id)) r.problems.add(r.file, `${at}.id`, `"${id}" is not a slug; use lower-case words joined by hyphens, e.g. "kataib-hizbullah"`);
    const existing = this.actors.get(id);
    if (existing !== undefined && base) {
      r.problems.add(r.file, `${at}.id`, `duplicate id "${id}" (first at ${existing.origin.file} ${existing.origin.path}); give each actor one entry and put spellings in "aliases"`);
      return;
    }
    const required = existing === undefined;
    const name = r.string(obj, 'name', at, '"Kata\'ib Hizbullah"', required);
    const kind = r.oneOf(obj, 'kind', at, ACTOR_KINDS, required);
    const affiliations: Affiliation[] = [];
    r.array(obj.affiliations, `${at}.affiliations`, '[{ "actor": "islamic-resistance-in-iraq", "relation": "member_of" }]').forEach((a, i) => {
      const aAt = `${at}.affiliations[${i}]`;
      const link = r.object(a, aAt, '{ "actor": "islamic-resistance-in-iraq", "relation": "member_of" }');
      if (link === null) return;
      r.keys(link, aAt, ['actor', 'relation']);
      const target = r.string(link, 'actor', aAt, '"islamic-resistance-in-iraq"', true);
      const relation = r.oneOf<AffiliationRelation>(link, 'relation', aAt, AFFILIATION_RELATIONS, true);
      if (target !== undefined && relation !== undefined) affiliations.push({ actor: target, relation });
    });
    const codes = r.strings(obj, 'countries', at, '["IQ"]');
    codes.forEach((c, i) => {
      if (!isCountryCode(c)) r.problems.add(r.file, `${at}.countries[${i}]`, `"${c}" is not an ISO 3166-1 alpha-2 code; use e.g. "IQ"`);
    });
    const wikidata = r.string(obj, 'wikidata', at, '"Q123456"', false);
    if (wikidata !== undefined && !/^Q\d+$/.test(wikidata)) r.problems.add(r.file, `${at}.wikidata`, `"${wikidata}" is not a Wikidata id; use e.g. "Q796"`);
    const offices: ActorOffice[] = [];
    r.array(obj.offices, `${at}.offices`, '[{ "title": "Prime Minister", "of": "iraq", "from": "2022-10" }]').forEach((o, i) => {
      const oAt = `${at}.offices[${i}]`;
      const office = r.object(o, oAt, '{ "title": "Prime Minister", "of": "iraq", "from": "2022-10", "to": "2025-11" }');
      if (office === null) return;
      r.keys(office, oAt, ['title', 'of', 'from', 'to']);
      const title = r.string(office, 'title', oAt, '"Prime Minister"', true);
      const of = r.string(office, 'of', oAt, '"iraq"', false);
      const from = r.string(office, 'from', oAt, '"2022-10"', false);
      const to = r.string(office, 'to', oAt, '"2025-11"', false);
      for (const [key, value] of [['from', from], ['to', to]] as const) {
        if (value !== undefined && !/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(value)) r.problems.add(r.file, `${oAt}.${key}`, `"${value}" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD, e.g. "2022-10"`);
      }
      if (title !== undefined) offices.push({ title, ...(of === undefined ? {} : { of }), ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
    });
    const draft: ActorDraft = {
      id,
      ...(offices.length === 0 ? {} : { offices }),
      ...(name === undefined ? {} : { name }),
      ...(kind === undefined ? {} : { kind }),
      ...readMatchRules(r, obj, at),
      affiliations,
      countries: codes,
      ...(wikidata === undefined ? {} : { wikidata }),
      origin: { file: r.file, path: at },
    };
    if (existing === undefined) {
      this.actors.set(id, draft);
      return;
    }
    mergeDraft(existing, draft);
    if (kind !== undefined) existing.kind = kind;
    if (wikidata !== undefined) existing.wikidata = wikidata;
    if (offices.length > 0) existing.offices = [...(existing.offices ?? []), ...offices];
    const key = (a: Affiliation): string => `${a.actor} ${a.relation}`;
    const seen = new Set(existing.affiliations.map(key));
    existing.affiliations.push(...affiliations.filter((a) => !seen.has(key(a))));
    existing.countries = unique([...existing.countries, ...codes]);
  }

  private macro(r: Reader, value: Json, at: string): void {
    const obj = r.object(value, at, '{ "id": "LEVANT", "name": "Levant", "aliases": [], "members": ["SY", "LB"] }');
    if (obj === null) return;
    r.keys(obj, at, KEYS.macro);
    const id = r.string(obj, 'id', at, '"LEVANT"', true);
    if (id === undefined) return;
    if (!MACRO_ID.test(id) || isCountryCode(id)) r.problems.add(r.file, `${at}.id`, `"${id}" is not a macro-region id; use upper-case words joined by "_", e.g. "MIDDLE_EAST"`);
    const existing = this.regions.get(id);
    if (existing !== undefined && existing.kind !== 'MACRO_REGION') {
      r.problems.add(r.file, `${at}.id`, `"${id}" is already a ${existing.kind} (${existing.origin.file} ${existing.origin.path}); pick another id`);
      return;
    }
    const members = r.strings(obj, 'members', at, '["SY", "LB"]');
    members.forEach((m, i) => {
      if (!isCountryCode(m)) r.problems.add(r.file, `${at}.members[${i}]`, `"${m}" is not an ISO 3166-1 alpha-2 code; members are countries, e.g. "IQ"`);
    });
    const name = r.string(obj, 'name', at, '"Levant"', existing === undefined);
    const parent = r.string(obj, 'parent', at, '"MIDDLE_EAST"', false);
    const draft: RegionDraft = {
      id,
      kind: 'MACRO_REGION',
      ...(name === undefined ? {} : { name }),
      ...readMatchRules(r, obj, at),
      members,
      ...(parent === undefined ? {} : { parent }),
      extraAliases: [],
      origin: { file: r.file, path: at },
    };
    if (existing === undefined) this.regions.set(id, draft);
    else {
      mergeDraft(existing, draft);
      existing.members = unique([...existing.members, ...members]);
      if (parent !== undefined) existing.parent = parent;
    }
  }

  private country(r: Reader, code: string, value: Json, at: string): void {
    const obj = r.object(value, at, '{ "demonyms": ["Iraqi", "Iraqis"], "capital": "IQ/baghdad" }');
    if (obj === null) return;
    const existing = this.regions.get(code);
    if (existing === undefined || existing.kind !== 'COUNTRY') {
      r.problems.add(r.file, at, `"${code}" is not an ISO 3166-1 alpha-2 country code; use e.g. "IQ"`);
      return;
    }
    r.keys(obj, at, KEYS.country);
    const rules = readMatchRules(r, obj, at);
    const demonyms = r.strings(obj, 'demonyms', at, '["Iraqi", "Iraqis"]');
    const capital = r.string(obj, 'capital', at, '"IQ/baghdad"', false);
    const name = r.string(obj, 'name', at, '"Iraq"', false);
    mergeDraft(existing, { ...existing, ...rules, ...(name === undefined ? {} : { name }), aliases: [...rules.aliases, ...demonyms] });
    existing.extraAliases = unique([...existing.extraAliases, ...rules.aliases]);
    existing.demonyms = unique([...(existing.demonyms ?? []), ...demonyms]);
    if (capital !== undefined) existing.capital = capital;
    existing.origin = { file: r.file, path: at };
  }

  private place(r: Reader, value: Json, at: string): void {
    const obj = r.object(value, at, '{ "id": "IQ/baghdad", "kind": "CITY", "name": "Baghdad", "parent": "IQ-BG", "countryCode": "IQ" }');
    if (obj === null) return;
    r.keys(obj, at, KEYS.place);
    const id = r.string(obj, 'id', at, '"IQ/baghdad"', true);
    if (id === undefined) return;
    const existing = this.regions.get(id);
    if (existing !== undefined && (existing.kind === 'COUNTRY' || existing.kind === 'MACRO_REGION')) {
      r.problems.add(r.file, `${at}.id`, `"${id}" is already a ${existing.kind}; places use "<CC>/<slug>" or ISO 3166-2 ids, e.g. "IQ/baghdad", "IQ-BG"`);
      return;
    }
    const placeKinds = REGION_KINDS.filter((k) => k !== 'COUNTRY' && k !== 'MACRO_REGION');
    const kind = r.oneOf(obj, 'kind', at, placeKinds, existing === undefined) ?? existing?.kind;
    if (kind === 'SUBDIVISION' && !SUBDIVISION_ID.test(id)) r.problems.add(r.file, `${at}.id`, `"${id}" is not an ISO 3166-2 code; subdivisions use e.g. "IQ-BG"`);
    if (kind !== undefined && kind !== 'SUBDIVISION' && !PLACE_ID.test(id)) r.problems.add(r.file, `${at}.id`, `"${id}" is not a place id; use "<CC>/<slug>", e.g. "IQ/jurf-al-sakhr" (or "RED_SEA" for a sea)`);
    const countryCode = r.string(obj, 'countryCode', at, '"IQ"', false);
    if (countryCode !== undefined && !isCountryCode(countryCode)) r.problems.add(r.file, `${at}.countryCode`, `"${countryCode}" is not an ISO 3166-1 alpha-2 code; use e.g. "IQ"`);
    const prefix = /^([A-Z]{2})[-/]/.exec(id)?.[1];
    if (prefix !== undefined && countryCode !== undefined && prefix !== countryCode) r.problems.add(r.file, `${at}.countryCode`, `"${countryCode}" does not match the id's country "${prefix}"; use "${prefix}"`);
    const name = r.string(obj, 'name', at, '"Baghdad"', existing === undefined);
    const parent = r.string(obj, 'parent', at, '"IQ-BG"', false);
    const lat = r.number(obj, 'lat', at, -90, 90);
    const lon = r.number(obj, 'lon', at, -180, 180);
    const draft: RegionDraft = {
      id,
      kind: kind ?? 'PLACE',
      ...(name === undefined ? {} : { name }),
      ...readMatchRules(r, obj, at),
      members: [],
      ...(parent === undefined ? {} : { parent }),
      ...(countryCode === undefined ? (prefix !== undefined && isCountryCode(prefix) ? { countryCode: prefix } : {}) : { countryCode }),
      ...(lat === undefined ? {} : { lat }),
      ...(lon === undefined ? {} : { lon }),
      extraAliases: [],
      origin: { file: r.file, path: at },
    };
    if (existing === undefined) this.regions.set(id, draft);
    else {
      mergeDraft(existing, draft);
      if (parent !== undefined) existing.parent = parent;
      if (lat !== undefined) existing.lat = lat;
      if (lon !== undefined) existing.lon = lon;
    }
  }

  private topic(r: Reader, value: Json, at: string, base: boolean): void {
    const obj = r.object(value, at, '{ "id": "drone-strike", "label": "Drone strike", "parent": "armed-attack", "phrases": ["drone strike"] }');
    if (obj === null) return;
    r.keys(obj, at, KEYS.topic);
    const id = r.string(obj, 'id', at, '"drone-strike"', true);
    if (id === undefined) return;
    if (!ACTOR_ID.test(id)) r.problems.add(r.file, `${at}.id`, `"${id}" is not a slug; use lower-case words joined by hyphens, e.g. "drone-strike"`);
    const existing = this.topics.get(id);
    if (existing !== undefined && base) {
      r.problems.add(r.file, `${at}.id`, `duplicate id "${id}" (first at ${existing.origin.file} ${existing.origin.path})`);
      return;
    }
    const label = r.string(obj, 'label', at, '"Drone strike"', existing === undefined);
    const parent = r.string(obj, 'parent', at, '"armed-attack"', false);
    const phrases = r.strings(obj, 'phrases', at, '["drone strike", "مسيرة"]');
    const caseSensitive = r.strings(obj, 'caseSensitivePhrases', at, '["UAV"]');
    const ambiguous = r.strings(obj, 'ambiguousPhrases', at, '["strike"]');
    const categories = r.strings(obj, 'categories', at, '["drones"]');
    const fallback = r.strings(obj, 'fallbackPhrases', at, '["Israeli strikes"]');
    const excluded = r.strings(obj, 'excludedPhrases', at, '["reconnaissance drones"]');
    const contextTerms = r.strings(obj, 'contextTerms', at, '["drone"]');
    const description = r.string(obj, 'description', at, '"One line."', false);
    let acled: AcledMapping | undefined;
    if (obj.acled !== undefined) {
      const a = r.object(obj.acled, `${at}.acled`, '{ "eventType": "Explosions/Remote violence", "subEventType": "Air/drone strike" }');
      if (a !== null) {
        r.keys(a, `${at}.acled`, ['eventType', 'subEventType']);
        const eventType = r.oneOf(a, 'eventType', `${at}.acled`, ACLED_EVENT_TYPES, true);
        const subEventType = r.string(a, 'subEventType', `${at}.acled`, '"Air/drone strike"', false);
        if (eventType !== undefined && subEventType !== undefined && !(ACLED_SUB_EVENT_TYPES[eventType] ?? []).includes(subEventType)) {
          r.problems.add(r.file, `${at}.acled.subEventType`, `"${subEventType}" is not an ACLED sub-event type of "${eventType}"; use one of ${(ACLED_SUB_EVENT_TYPES[eventType] ?? []).map((x) => `"${x}"`).join(', ')}`);
        }
        if (eventType !== undefined) acled = { eventType, ...(subEventType === undefined ? {} : { subEventType }) };
      }
    }
    const draft: TopicDraft = {
      id,
      ...(label === undefined ? {} : { name: label }),
      ...(parent === undefined ? {} : { parent }),
      aliases: [],
      phrases: unique([...phrases, ...caseSensitive, ...ambiguous, ...fallback]),
      fallbackPhrases: fallback,
      excludedPhrases: excluded,
      caseSensitiveAliases: caseSensitive,
      ambiguousAliases: ambiguous,
      contextTerms,
      categories,
      ...(description === undefined ? {} : { description }),
      ...(acled === undefined ? {} : { acled }),
      origin: { file: r.file, path: at },
    };
    if (existing === undefined) this.topics.set(id, draft);
    else {
      mergeDraft(existing, draft);
      existing.phrases = unique([...existing.phrases, ...draft.phrases]);
      existing.categories = unique([...existing.categories, ...categories]);
      existing.fallbackPhrases = unique([...existing.fallbackPhrases, ...fallback]);
      existing.excludedPhrases = unique([...existing.excludedPhrases, ...excluded]);
      if (parent !== undefined) existing.parent = parent;
      if (acled !== undefined) existing.acled = acled;
    }
  }

  /** Cross-reference checks once every file is in, then the frozen result. */
  finish(): Dictionaries {
    const p = this.problems;
    for (const a of this.actors.values()) {
      a.affiliations.forEach((link, i) => {
        if (!this.actors.has(link.actor)) p.add(a.origin.file, `${a.origin.path}.affiliations[${i}].actor`, `no actor has id "${link.actor}"; use an existing id (e.g. "${closest(link.actor, this.actors.keys())}") or add the actor`);
        if (link.actor === a.id) p.add(a.origin.file, `${a.origin.path}.affiliations[${i}].actor`, `an actor cannot be affiliated with itself`);
      });
    }
    for (const reg of this.regions.values()) {
      if (reg.parent !== undefined) {
        const parent = this.regions.get(reg.parent);
        if (parent === undefined) p.add(reg.origin.file, `${reg.origin.path}.parent`, `no region has id "${reg.parent}"; use an existing id, e.g. "${closest(reg.parent, this.regions.keys())}"`);
        else if (reg.kind === 'MACRO_REGION' && parent.kind !== 'MACRO_REGION') p.add(reg.origin.file, `${reg.origin.path}.parent`, `a macro-region's parent must be a macro-region, not ${parent.kind} "${parent.id}"`);
      } else if (reg.kind !== 'MACRO_REGION' && reg.kind !== 'COUNTRY' && reg.countryCode === undefined) {
        p.add(reg.origin.file, `${reg.origin.path}.parent`, `a place needs a "parent" or a "countryCode", e.g. "parent": "IQ-BG"`);
      }
      if (reg.capital !== undefined) {
        const cap = this.regions.get(reg.capital);
        if (cap === undefined || cap.countryCode !== reg.id) p.add(reg.origin.file, `${reg.origin.path}.capital`, `"${reg.capital}" is not a place of ${reg.id}; use a place id such as "${reg.id}/${slug(reg.name ?? '')}"`);
      }
    }
    for (const cycle of findCycles(this.regions)) p.add(cycle.origin.file, `${cycle.origin.path}.parent`, `region parents form a cycle through "${cycle.id}"; a region's parent must be larger than it`);
    for (const t of this.topics.values()) {
      if (t.parent !== undefined && !this.topics.has(t.parent)) p.add(t.origin.file, `${t.origin.path}.parent`, `no topic has id "${t.parent}"; use an existing id, e.g. "${closest(t.parent, this.topics.keys())}"`);
    }
    for (const cycle of findCycles(this.topics)) p.add(cycle.origin.file, `${cycle.origin.path}.parent`, `topic parents form a cycle through "${cycle.id}"`);
    p.throwIfAny();
    this.warnCollisions();
    return {
      actors: [...this.actors.values()].map(toActor),
      regions: regionEntries(this.regions),
      topics: [...this.topics.values()].map(toTopic),
      warnings: p.warnings,
    };
  }

  private warnCollisions(): void {
    const owners = new Map<string, string[]>();
    for (const a of this.actors.values()) {
      for (const alias of unique([a.name ?? '', ...a.aliases, ...a.ambiguousAliases, ...a.caseSensitiveAliases].map((s) => fold(s)))) {
        if (alias === '') continue;
        const list = owners.get(alias) ?? [];
        list.push(a.id);
        owners.set(alias, list);
      }
    }
    for (const [alias, ids] of owners) {
      if (ids.length > 1) this.problems.warnings.push(`alias "${alias}" belongs to ${ids.length} actors (${ids.join(', ')}): an article naming it is tagged with all of them; make it unique or ambiguous`);
    }
  }
}

/**
 * Loads, merges and validates the dictionaries. Throws one NewsgateError(DICTIONARY_INVALID)
 * listing every problem found (file, JSON path, what is wrong, an example of what is right).
 */
export async function loadDictionaries(options: LoadOptions): Promise<Dictionaries> {
  const loader = new Loader();
  const base = ['actors.json', 'regions.json', 'topics.json'] as const;
  for (const name of base) {
    const file = path.join(options.dataDir, name);
    const doc = await readJson(loader.problems, file);
    if (doc !== undefined) loader.file(file, doc, name);
  }
  for (const file of options.extraFiles ?? []) {
    const doc = await readJson(loader.problems, file);
    if (doc !== undefined) loader.file(file, doc, 'extension');
  }
  return loader.finish();
}
