/**
 * One occurrence of an entity as the tagger sees it (a {@link Mention}), what an automaton
 * pattern stands for (a {@link Payload}), how overlapping matches are resolved in two layers
 * (names, then topic phrases), and how the accepted mentions are summarised into refs with
 * counts, salience and evidence.
 */
import type { EntityRef, Evidence } from '../../model/article.ts';
import { resolveOverlaps, type RawMatch } from './aho-corasick.ts';
import { snippetAround } from './text-shape.ts';
import type { TextSections } from './tagger.types.ts';

const MAX_EVIDENCE = 20;

export type EntityType = 'actors' | 'regions' | 'topics';

/** What a pattern of the automaton stands for. */
export interface Payload {
  readonly type: EntityType;
  readonly id: string;
  /** The alias as written in the dictionary. */
  readonly alias: string;
  /** The alias folded but with its case kept, when it must match in this exact case. */
  readonly caseKey: string | null;
  readonly ambiguous: boolean;
  /** For a capital/metonym alias of a region: the country whose state speaks ("Tehran said"). */
  readonly metonymOf: string | null;
  /** A topic phrase that counts only when no sibling topic matched (`fallbackPhrases`). */
  readonly fallback?: boolean;
  /** A look-alike phrase that takes its span and assigns nothing (`excludedPhrases`). */
  readonly excluded?: boolean;
}

/** One accepted occurrence of an entity before rules are applied. */
export interface Mention {
  readonly type: EntityType;
  readonly id: string;
  readonly field: Evidence['field'];
  readonly alias: string;
  readonly start: number;
  readonly end: number;
  /** The snippet, or where to cut it from: built only for the evidence kept (see {@link summarise}). */
  readonly snippet: Snippet;
  readonly weight: number;
  readonly ambiguous: boolean;
  readonly fallback?: boolean;
  /** A country reached through a place inside it (not named itself). */
  readonly derived?: boolean;
  /** A country named only as a qualifier: a demonym ("Israeli strikes") or an attributive acronym ("US envoy"). */
  readonly demonym?: boolean;
  /** For a country or capital name that can stand for its state: the state actor's id. */
  readonly stateId?: string;
  /** A state found acting or speaking ("Iran continues", "Israel says"), even inside a quotation. */
  readonly acting?: boolean;
}

/** A snippet as given, or the span of a field's text it is cut around ({@link snippetAround}). */
export type Snippet = string | { readonly text: string; readonly start: number; readonly end: number };

export const snippetText = (s: Snippet): string => (typeof s === 'string' ? s : snippetAround(s.text, s.start, s.end));

/**
 * Overlaps resolved in two layers. Names (actors, regions) first, longest match wins among
 * them. Topic phrases next, among themselves; a topic phrase then survives a name it overlaps
 * only when it contains that name whole: "Counter-Terrorism Service" or "Basra Oil Company"
 * hide the phrases inside them, but "Israeli strikes" or "withdrawal of US forces" keep both
 * the topic and the name ("Israeli", "US forces") — a topic phrase never hides an entity.
 */
export function resolveLayers(candidates: readonly RawMatch<Payload>[]): RawMatch<Payload>[] {
  const names: RawMatch<Payload>[] = [];
  const phrases: RawMatch<Payload>[] = [];
  for (const c of candidates) {
    const named = c.payloads.filter((p) => p.type !== 'topics');
    if (named.length === c.payloads.length) names.push(c);
    else if (named.length === 0) phrases.push(c);
    else {
      names.push({ ...c, payloads: named });
      phrases.push({ ...c, payloads: c.payloads.filter((p) => p.type === 'topics') });
    }
  }
  const taken = resolveOverlaps(names);
  if (phrases.length === 0) return taken;
  const topics = resolveOverlaps(phrases).filter((t) => taken.every((n) => n.end <= t.start || t.end <= n.start || (t.start <= n.start && n.end <= t.end && t.end - t.start > n.end - n.start)));
  return [...taken, ...topics].sort((a, b) => a.start - b.start);
}

export const fieldText = (sections: TextSections, field: Evidence['field']): string =>
  field === 'title' ? sections.title : field === 'summary' ? sections.summary : field === 'content' ? sections.content : '';

/** Start offsets of `needle` in `haystack`. */
export function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  if (needle === '') return out;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}


/** The order of `localeCompare` (same default locale and options), without building a collator per call. */
const ID_ORDER = new Intl.Collator();

/** Counts, salience and evidence per entity, entities sorted by salience then mentions. */
export function summarise(mentions: readonly Mention[]): { refs: EntityRef[]; evidence: Record<string, Evidence[]> } {
  const groups = new Map<string, Mention[]>();
  for (const m of mentions) {
    let list = groups.get(m.id);
    if (list === undefined) {
      list = [];
      groups.set(m.id, list);
    }
    // The same span can reach an entity twice (a place and its country's alias): count it once.
    if (!list.some((x) => x.start === m.start && x.end === m.end && x.field === m.field && x.alias === m.alias)) list.push(m);
  }
  const refs: EntityRef[] = [];
  const evidence: Record<string, Evidence[]> = {};
  for (const [id, list] of groups) {
    list.sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field) || a.start - b.start);
    const miss = list.reduce((acc, m) => acc * (1 - m.weight), 1);
    refs.push({ id, mentions: list.length, salience: Math.round((1 - miss) * 1000) / 1000 });
    evidence[id] = list.slice(0, MAX_EVIDENCE).map((m) => ({ field: m.field, alias: m.alias, start: m.start, end: m.end, snippet: snippetText(m.snippet) }));
  }
  refs.sort((a, b) => b.salience - a.salience || b.mentions - a.mentions || ID_ORDER.compare(a.id, b.id));
  return { refs, evidence };
}

const FIELD_ORDER: Readonly<Record<Evidence['field'], number>> = { title: 0, summary: 1, content: 2, tags: 3, feed: 4 };

function fieldOrder(field: Evidence['field']): number {
  return FIELD_ORDER[field];
}
