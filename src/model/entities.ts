/**
 * Actors, regions and topics: the dictionaries newsgate tags articles with. The data lives in
 * `data/*.json` (and user extension files); these are the validated in-memory shapes.
 */

export const ACTOR_KINDS = [
  'STATE',
  'ARMED_GROUP',
  'MILITARY',
  'GOVERNMENT_BODY',
  'POLITICAL_PARTY',
  'PERSON',
  'ORGANIZATION',
  'MEDIA',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const AFFILIATION_RELATIONS = ['member_of', 'part_of', 'backed_by', 'leads'] as const;
export type AffiliationRelation = (typeof AFFILIATION_RELATIONS)[number];

/** A directed link from one actor to another, e.g. kataib-hizbullah member_of islamic-resistance-in-iraq. */
export interface Affiliation {
  readonly actor: string;
  readonly relation: AffiliationRelation;
}

/**
 * An office a person held or holds ("Foreign Minister" of `iraq` from 2022-10): the person keeps
 * one id across roles, and the offices say which role when. Dates are YYYY, YYYY-MM or YYYY-MM-DD;
 * `to` absent means still in office (as far as the dictionary knows).
 */
export interface ActorOffice {
  readonly title: string;
  /** Actor id of the state or body the office is in. */
  readonly of?: string;
  readonly from?: string;
  readonly to?: string;
}

export interface Actor {
  /** Slug, e.g. `kataib-hizbullah`. */
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  /** Spellings, transliterations, acronyms, Arabic/Persian script. */
  readonly aliases: readonly string[];
  readonly affiliations: readonly Affiliation[];
  /** ISO 3166-1 alpha-2 codes the actor belongs to or operates from. */
  readonly countries: readonly string[];
  readonly wikidata?: string;
  /** One-line description for the analyst. */
  readonly description?: string;
  /** Offices held, for people (issue 14). */
  readonly offices?: readonly ActorOffice[];
}

export const REGION_KINDS = ['MACRO_REGION', 'COUNTRY', 'SUBDIVISION', 'CITY', 'PLACE'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

export interface Region {
  /** `IQ`, `IQ-BG`, `IQ/jurf-al-sakhr`, `MIDDLE_EAST`. */
  readonly id: string;
  readonly kind: RegionKind;
  readonly name: string;
  readonly aliases: readonly string[];
  /** Parent region id (a city's subdivision or country; a country's first macro-region). */
  readonly parent?: string;
  /** Macro-regions a country belongs to besides its parent. */
  readonly memberOf: readonly string[];
  readonly countryCode?: string;
  readonly lat?: number;
  readonly lon?: number;
}

/** ACLED's event types and their sub-event types (ACLED codebook), which topics map onto (issue 14). */
export const ACLED_SUB_EVENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': ['Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade'],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': ['Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established', 'Looting/property destruction', 'Non-violent transfer of territory', 'Other'],
};
export const ACLED_EVENT_TYPES = Object.keys(ACLED_SUB_EVENT_TYPES);

/** Where a topic sits in ACLED's taxonomy, so analysts can line newsgate up with ACLED data. */
export interface AcledMapping {
  readonly eventType: string;
  readonly subEventType?: string;
}

export interface Topic {
  /** Slug, e.g. `drone-strike`. */
  readonly id: string;
  readonly label: string;
  readonly parent?: string;
  /** Phrases in article text that assign the topic. */
  readonly phrases: readonly string[];
  /** Feed categories/tags (case-folded) that assign the topic. */
  readonly categories: readonly string[];
  /** The ACLED event type and sub-event type the topic corresponds to, if any. */
  readonly acled?: AcledMapping;
}
