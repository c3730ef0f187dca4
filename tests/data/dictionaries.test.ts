/**
 * Structural checks of the entity dictionaries (data/*.json) and the annotated evaluation
 * fixtures (tests/fixtures/annotated/*.json). Deliberately independent of the gazetteer loader:
 * it reads the raw JSON, so a broken dictionary is caught even while the engine is changing, and
 * a fixture can never expect an id that the data does not define.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS, AFFILIATION_RELATIONS } from '../../src/model/entities.ts';

const require = createRequire(import.meta.url);
const countriesPkg = require('i18n-iso-countries') as {
  isValid(code: string): boolean;
  getNames(lang: string, opts?: { select: 'official' | 'alias' | 'all' }): Record<string, string | string[]>;
  registerLocale(locale: unknown): void;
};
countriesPkg.registerLocale(require('i18n-iso-countries/langs/en.json'));

const dataUrl = new URL('../../data/', import.meta.url);
const fixturesUrl = new URL('../fixtures/annotated/', import.meta.url);
const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));

interface RawActor {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  ambiguousAliases?: string[];
  caseSensitiveAliases?: string[];
  contextTerms?: string[];
  affiliations: { actor: string; relation: string }[];
  countries: string[];
  wikidata?: string;
  description?: string;
}
interface RawMacro { id: string; name: string; aliases: string[]; members: string[]; parent?: string; caseSensitiveAliases?: string[] }
interface RawCountryExtra { aliases?: string[]; demonyms?: string[]; caseSensitiveAliases?: string[]; capital?: string }
interface RawPlace {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  caseSensitiveAliases?: string[];
  parent: string;
  countryCode?: string;
  lat?: number;
  lon?: number;
}
interface RawTopic { id: string; label: string; parent?: string; phrases: string[]; categories: string[] }
interface Fixture {
  id: string;
  style: string;
  title: string;
  summary: string;
  contentHtml: string;
  tags: string[];
  feed: { regions: string[]; tags: string[] };
  expected: { actors: string[]; regions: string[]; topics: string[] };
  notes?: string;
}

const actors = (readJson(new URL('actors.json', dataUrl)) as { actors: RawActor[] }).actors;
const regions = readJson(new URL('regions.json', dataUrl)) as {
  macroRegions: RawMacro[];
  countries: Record<string, RawCountryExtra>;
  places: RawPlace[];
};
const topics = (readJson(new URL('topics.json', dataUrl)) as { topics: RawTopic[] }).topics;
const fixtureFiles = readdirSync(fixturesUrl).filter((f) => f.endsWith('.json')).sort();
const fixtures = fixtureFiles.map((f) => ({ file: f, fx: readJson(new URL(f, fixturesUrl)) as Fixture }));

/** Rough folding (case, marks, apostrophes, hyphens) to find duplicates the matcher would merge. */
const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`ʼʿʾ]/g, '')
    .replace(/[-‐-―_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const duplicates = (xs: readonly string[]): string[] => xs.filter((x, i) => xs.indexOf(x) !== i);

const actorIds = new Set(actors.map((a) => a.id));
const macroIds = new Set(regions.macroRegions.map((m) => m.id));
const placeById = new Map(regions.places.map((p) => [p.id, p]));
const topicById = new Map(topics.map((t) => [t.id, t]));
const isCountry = (id: string): boolean => /^[A-Z]{2}$/.test(id) && countriesPkg.isValid(id);
const isRegionId = (id: string): boolean => macroIds.has(id) || placeById.has(id) || isCountry(id);

/** The country a place belongs to, by walking up `parent`; undefined for country-less places. */
function countryOf(id: string): string | undefined {
  let cur: string | undefined = id;
  for (let i = 0; cur !== undefined && i < 10; i++) {
    if (isCountry(cur)) return cur;
    const place = placeById.get(cur);
    if (!place) return undefined;
    cur = place.parent;
  }
  return undefined;
}

function topicAncestors(id: string): string[] {
  const out: string[] = [];
  let cur = topicById.get(id)?.parent;
  while (cur !== undefined && out.length < 10) {
    out.push(cur);
    cur = topicById.get(cur)?.parent;
  }
  return out;
}

describe('data/actors.json', () => {
  it('has hundreds of actors with unique slug ids', () => {
    expect(actors.length).toBeGreaterThanOrEqual(300);
    expect(duplicates(actors.map((a) => a.id))).toEqual([]);
    const badIds = actors.filter((a) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(a.id)).map((a) => a.id);
    expect(badIds).toEqual([]);
  });

  it('uses only the contract kinds and relations, and every affiliation target exists', () => {
    const kinds = new Set<string>(ACTOR_KINDS);
    const relations = new Set<string>(AFFILIATION_RELATIONS);
    expect(actors.filter((a) => !kinds.has(a.kind)).map((a) => `${a.id}: ${a.kind}`)).toEqual([]);
    const bad: string[] = [];
    for (const a of actors) {
      for (const [i, f] of a.affiliations.entries()) {
        if (!relations.has(f.relation)) bad.push(`${a.id}.affiliations[${i}].relation=${f.relation}`);
        if (!actorIds.has(f.actor)) bad.push(`${a.id}.affiliations[${i}].actor=${f.actor} (no such actor)`);
        if (f.actor === a.id) bad.push(`${a.id}.affiliations[${i}] points to itself`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('lists ambiguous and case-sensitive aliases among the aliases, and context terms only when needed', () => {
    const bad: string[] = [];
    for (const a of actors) {
      const all = new Set([a.name, ...a.aliases]);
      for (const s of [...(a.ambiguousAliases ?? []), ...(a.caseSensitiveAliases ?? [])]) {
        if (!all.has(s)) bad.push(`${a.id}: "${s}" is flagged but not an alias`);
      }
      if (a.aliases.some((s) => s.trim() === '' || s !== s.trim())) bad.push(`${a.id}: empty or untrimmed alias`);
    }
    expect(bad).toEqual([]);
  });

  it('never gives the same folded alias to two actors', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const a of actors) {
      for (const s of new Set([a.name, ...a.aliases].map(fold))) {
        const prev = owner.get(s);
        if (prev !== undefined && prev !== a.id) clashes.push(`"${s}": ${prev} and ${a.id}`);
        owner.set(s, a.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has exactly one STATE per country, none named by a bare country name', () => {
    const states = actors.filter((a) => a.kind === 'STATE');
    expect(states.filter((s) => s.countries.length !== 1).map((s) => s.id)).toEqual([]);
    expect(duplicates(states.map((s) => s.countries[0] ?? ''))).toEqual([]);
    // A bare country name is a REGION, never the state actor: no actor may own one as an alias.
    const countryNames = new Set(
      Object.values(countriesPkg.getNames('en', { select: 'all' }))
        .flat()
        .filter((n) => !/^[A-Z.]{2,5}$/.test(n))
        .map(fold),
    );
    const bare = actors.flatMap((a) => [a.name, ...a.aliases].filter((s) => countryNames.has(fold(s))).map((s) => `${a.id}: ${s}`));
    expect(bare).toEqual(['iran: Islamic Republic of Iran']);
  });

  it('uses valid ISO country codes and well-formed Wikidata ids', () => {
    expect(actors.filter((a) => a.countries.some((c) => !isCountry(c))).map((a) => a.id)).toEqual([]);
    expect(actors.filter((a) => a.wikidata !== undefined && !/^Q[1-9][0-9]*$/.test(a.wikidata)).map((a) => a.id)).toEqual([]);
  });

  it('covers the actors the analysts asked for by name', () => {
    for (const id of [
      'kataib-hizbullah', 'harakat-hezbollah-al-nujaba', 'asaib-ahl-al-haq', 'kataib-sayyid-al-shuhada',
      'badr-organization', 'islamic-resistance-in-iraq', 'popular-mobilization-forces', 'irgc-quds-force',
      'hezbollah', 'hamas', 'ansar-allah', 'islamic-state', 'sdf', 'pkk', 'centcom', 'unifil', 'eunavfor-aspides',
      'pat-ryder', 'yahya-saree', 'esmail-qaani', 'ahmed-al-sharaa', 'axis-of-resistance',
    ]) {
      expect(actorIds.has(id), id).toBe(true);
    }
  });
});

describe('data/regions.json', () => {
  it('defines macro-regions with valid members and parents', () => {
    expect(duplicates(regions.macroRegions.map((m) => m.id))).toEqual([]);
    const bad: string[] = [];
    for (const m of regions.macroRegions) {
      if (!/^[A-Z][A-Z_]*$/.test(m.id)) bad.push(`${m.id}: id must be upper case`);
      for (const c of m.members) if (!isCountry(c)) bad.push(`${m.id}: member ${c}`);
      if (m.parent !== undefined && !macroIds.has(m.parent)) bad.push(`${m.id}: parent ${m.parent}`);
      for (const cs of m.caseSensitiveAliases ?? []) if (!m.aliases.includes(cs)) bad.push(`${m.id}: ${cs} flagged, not an alias`);
    }
    expect(bad).toEqual([]);
    expect(macroIds.has('MIDDLE_EAST') && macroIds.has('LEVANT') && macroIds.has('GULF')).toBe(true);
  });

  it('adds country extras only for real ISO codes, with existing capitals in that country', () => {
    const bad: string[] = [];
    for (const [cc, extra] of Object.entries(regions.countries)) {
      if (!isCountry(cc)) bad.push(`${cc}: not ISO 3166-1`);
      if (extra.capital !== undefined) {
        const cap = placeById.get(extra.capital);
        if (!cap || cap.countryCode !== cc) bad.push(`${cc}: capital ${extra.capital}`);
      }
      for (const s of extra.caseSensitiveAliases ?? []) if (!(extra.aliases ?? []).includes(s)) bad.push(`${cc}: ${s} flagged, not an alias`);
    }
    expect(bad).toEqual([]);
  });

  it('gives every place a valid id for its kind, an existing parent and sane coordinates', () => {
    expect(duplicates(regions.places.map((p) => p.id))).toEqual([]);
    const bad: string[] = [];
    for (const p of regions.places) {
      if (p.kind === 'SUBDIVISION' && !/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(p.id)) bad.push(`${p.id}: subdivision id must be ISO 3166-2`);
      if (p.kind === 'CITY' && !/^[A-Z]{2}\/[a-z0-9-]+$/.test(p.id)) bad.push(`${p.id}: city id must be CC/slug`);
      if (p.kind === 'PLACE' && !/^([A-Z]{2}\/[a-z0-9-]+|[A-Z][A-Z_]+)$/.test(p.id)) bad.push(`${p.id}: place id`);
      if (!['SUBDIVISION', 'CITY', 'PLACE'].includes(p.kind)) bad.push(`${p.id}: kind ${p.kind}`);
      if (p.countryCode !== undefined && (!isCountry(p.countryCode) || !p.id.startsWith(p.countryCode))) bad.push(`${p.id}: countryCode ${p.countryCode}`);
      if (p.countryCode === undefined && !/^[A-Z][A-Z_]+$/.test(p.id)) bad.push(`${p.id}: country-less places use upper-case ids`);
      if (!isRegionId(p.parent)) bad.push(`${p.id}: parent ${p.parent}`);
      if (p.countryCode !== undefined && countryOf(p.id) !== p.countryCode) bad.push(`${p.id}: parent chain does not reach ${p.countryCode}`);
      if (p.lat !== undefined && (p.lat < -90 || p.lat > 90 || p.lon === undefined || p.lon < -180 || p.lon > 180)) bad.push(`${p.id}: coordinates`);
      if (p.kind === 'CITY' && p.lat === undefined) bad.push(`${p.id}: city without coordinates`);
      for (const cs of p.caseSensitiveAliases ?? []) if (!p.aliases.includes(cs)) bad.push(`${p.id}: ${cs} flagged, not an alias`);
    }
    expect(bad).toEqual([]);
  });

  it('never gives the same folded alias to two places', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const p of regions.places) {
      for (const s of new Set([p.name, ...p.aliases].map(fold))) {
        const prev = owner.get(s);
        if (prev !== undefined && prev !== p.id) clashes.push(`"${s}": ${prev} and ${p.id}`);
        owner.set(s, p.id);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('data/topics.json', () => {
  it('is a tree of unique ids whose phrases belong to one topic each', () => {
    expect(duplicates(topics.map((t) => t.id))).toEqual([]);
    expect(topics.filter((t) => t.parent !== undefined && !topicById.has(t.parent)).map((t) => t.id)).toEqual([]);
    expect(topics.filter((t) => topicAncestors(t.id).includes(t.id)).map((t) => t.id)).toEqual([]);
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const t of topics) {
      for (const s of t.phrases) {
        const prev = owner.get(fold(s));
        if (prev !== undefined && prev !== t.id) clashes.push(`"${s}": ${prev} and ${t.id}`);
        owner.set(fold(s), t.id);
      }
      if (t.categories.some((c) => c !== c.toLowerCase())) clashes.push(`${t.id}: categories must be lower case`);
    }
    expect(clashes).toEqual([]);
    for (const id of ['drone-strike', 'rocket-attack', 'missile-strike', 'ied', 'airstrike', 'counter-terrorism', 'maritime-security', 'diplomacy', 'sanctions', 'politics', 'economy']) {
      expect(topicById.has(id), id).toBe(true);
    }
  });
});

describe('tests/fixtures/annotated', () => {
  it('holds at least 45 articles of every required style', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(45);
    const styles = fixtures.map(({ fx }) => fx.style);
    expect(styles.filter((s) => s === 'arabic').length).toBeGreaterThanOrEqual(6);
    for (const s of ['wire', 'translated', 'comments', 'chrome', 'name-trap']) expect(styles, s).toContain(s);
    expect(fixtures.filter(({ fx }) => fx.style === 'translated').every(({ fx }) => fx.contentHtml.includes('[TN:'))).toBe(true);
  });

  it('names each file after its id and fills every field', () => {
    const bad: string[] = [];
    for (const { file, fx } of fixtures) {
      if (file !== `${fx.id}.json`) bad.push(`${file}: id ${fx.id}`);
      if (!fx.title || !fx.contentHtml || typeof fx.summary !== 'string') bad.push(`${file}: text fields`);
      if (!Array.isArray(fx.tags) || !Array.isArray(fx.feed?.regions) || !Array.isArray(fx.feed?.tags)) bad.push(`${file}: tags/feed`);
      for (const k of ['actors', 'regions', 'topics'] as const) {
        if (!Array.isArray(fx.expected?.[k])) bad.push(`${file}: expected.${k}`);
        else if (duplicates(fx.expected[k]).length > 0) bad.push(`${file}: duplicate in expected.${k}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('expects only ids that the dictionaries define', () => {
    const bad: string[] = [];
    for (const { file, fx } of fixtures) {
      for (const id of fx.expected.actors) if (!actorIds.has(id)) bad.push(`${file}: actor ${id}`);
      for (const id of [...fx.expected.regions, ...fx.feed.regions]) if (!isRegionId(id)) bad.push(`${file}: region ${id}`);
      for (const id of fx.expected.topics) if (!topicById.has(id)) bad.push(`${file}: topic ${id}`);
    }
    expect(bad).toEqual([]);
  });

  it('follows the shared rules: a place brings its country, topics are the most specific only', () => {
    const bad: string[] = [];
    for (const { file, fx } of fixtures) {
      const expectedRegions = new Set(fx.expected.regions);
      for (const id of fx.expected.regions) {
        const cc = placeById.has(id) ? countryOf(id) : undefined;
        if (cc !== undefined && !expectedRegions.has(cc)) bad.push(`${file}: ${id} without its country ${cc}`);
      }
      for (const id of fx.feed.regions) if (!expectedRegions.has(id)) bad.push(`${file}: feed hint ${id} not expected`);
      for (const id of fx.expected.topics) {
        const anc = topicAncestors(id).filter((a) => fx.expected.topics.includes(a));
        if (anc.length > 0) bad.push(`${file}: ${id} with its ancestor ${anc.join(', ')}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
