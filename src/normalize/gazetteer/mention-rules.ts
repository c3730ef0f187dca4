/**
 * Rules over the mentions of one article, after matching: a region inside an unknown person's
 * name, a country in the possessive before an actor ("Russia's Africa Corps"), states named
 * only in quotations, candidates that overlap a known actor, lists of states acting together,
 * and the context words that make an actor's name an affiliation ("anti-Houthi") or a state's
 * name an outlet ("Lebanese state media"). Pure.
 */
import { hasTitleWord } from './discovery.ts';
import { insideQuotes } from './mention-sense.ts';
import { fieldText, occurrences, type Mention } from './tagger-mention.ts';
import type { Candidate, TextSections } from './tagger.types.ts';

/**
 * A country or city name that is the first or last word of an unknown two- or three-word
 * person name ("Chad Smith", "Jordan Miller") is part of the name, not a region.
 */
export function dropRegionsInsidePersonNames(mentions: readonly Mention[], candidates: readonly Candidate[], sections: TextSections): Mention[] {
  const people = candidates.filter((c) => c.kind === 'PERSON' && /^\S+(?: \S+){1,2}$/.test(c.name) && !hasTitleWord(c.name));
  if (people.length === 0) return [...mentions];
  return mentions.filter((m) => {
    if (m.type !== 'regions') return true;
    const text = fieldText(sections, m.field);
    return !people.some((p) =>
      occurrences(text, p.name).some((at) => {
        const end = at + p.name.length;
        return m.start >= at && m.end <= end && (m.start === at || m.end === end) && text.slice(m.start, m.end).indexOf(' ') < 0;
      }),
    );
  });
}

/**
 * "Russia's Africa Corps", "Haftar's Libyan National Army": a country in the possessive right
 * before an actor's name qualifies the actor (like "Russian-backed"); it is no place of events.
 */
export function dropPossessivesOfActors(mentions: Mention[], sections: TextSections): void {
  const actorStarts = new Set(mentions.filter((m) => m.type === 'actors').map((m) => `${m.field}:${m.start}`));
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.type !== 'regions') continue;
    const after = /^['’]s\s+/u.exec(fieldText(sections, m.field).slice(m.end, m.end + 4));
    if (after !== null && actorStarts.has(`${m.field}:${m.end + after[0].length}`)) mentions.splice(i, 1);
  }
}

/**
 * A state named only inside quotations ("linked to the Zionist entity", "a serious assault on
 * Lebanon") is the object of rhetoric: it does not act or speak in the article (data/README.md).
 */
export function dropQuotedStates(mentions: Mention[], sections: TextSections, isState: (id: string) => boolean): Mention[] {
  const quotedOnly = new Map<string, boolean>();
  for (const m of mentions) {
    if (m.type !== 'actors' || !isState(m.id)) continue;
    const quoted = m.acting !== true && m.field !== 'feed' && m.field !== 'tags' && insideQuotes(fieldText(sections, m.field), m.start);
    quotedOnly.set(m.id, (quotedOnly.get(m.id) ?? true) && quoted);
  }
  const drop = new Set([...quotedOnly].filter(([, q]) => q).map(([id]) => id));
  return drop.size === 0 ? mentions : mentions.filter((m) => m.type !== 'actors' || !drop.has(m.id));
}

/** A candidate that overlaps a dictionary actor ("Kurdistan Workers" inside "Kurdistan Workers Party") is not new. */
export function dropCandidatesOverlappingActors(candidates: readonly Candidate[], sections: TextSections, mentions: readonly Mention[]): Candidate[] {
  const actors = mentions.filter((m) => m.type === 'actors');
  if (actors.length === 0) return [...candidates];
  return candidates.filter((c) =>
    !actors.some((m) => {
      const text = fieldText(sections, m.field);
      return occurrences(text, c.name).some((at) => at < m.end && m.start < at + c.name.length);
    }),
  );
}

/** An alias with its two-letter acronym words dotted ("UN Support Mission" → "U.N. Support Mission"), or null. */
export function dottedAcronyms(alias: string): string | null {
  if (!/\s/u.test(alias)) return null;
  const out = alias.replace(/(?<![\p{L}.])([A-Z])([A-Z])(?![\p{L}.])/gu, '$1.$2.');
  return out === alias ? null : out;
}

/** Before an actor's name: "anti-Houthi", "المرتبطة بتنظيم", "الموالية لـ" — an affiliation or opposition, not the actor. */
export const ACTOR_AFFILIATION_BEFORE = /(?:(?:^|[^\p{L}])anti-|(?:المرتبطة|المرتبط|الموالية|الموالي|التابعة|التابع)\s+(?:ب|ل|لـ|بـ)?(?:تنظيم\s+)?)$/iu;

/** After a state's name: an outlet, not the state acting ("Lebanese state media said"). */
export const STATE_OUTLET = /^\s+(?:media|television|TV|news\s+agency|radio|broadcaster|newspaper|outlets?)\b/iu;

export const stateIdOf = (state: { id: string } | undefined): { stateId?: string } => (state === undefined ? {} : { stateId: state.id });

/** Between two names of one list: "X, Y", "X and Y", "X, and the Y", "X، Y", "X وY". */
const LIST_SEPARATOR = /^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*[،,]\s*|\s+و\s*|\s*و)(?:the\s+)?$/u;

/**
 * "The United States, Saudi Arabia, the UAE and Egypt called on", "drafted by France, Britain
 * and Germany": when one state of a list of countries acts, the whole list acts. The country
 * mentions of the list (from `out[firstOut…]`) become state actors beside the acting one
 * (`speakers[firstSpeaker…]`), all of one field.
 */
export function actInLists(text: string, out: Mention[], firstOut: number, speakers: Mention[], firstSpeaker: number): void {
  const acting = speakers.slice(firstSpeaker);
  if (acting.length === 0) return;
  const names = [...out.slice(firstOut).filter((m) => m.stateId !== undefined), ...acting].sort((a, b) => a.start - b.start);
  const isActing = new Set<Mention>(acting);
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i + 1 < names.length; i++) {
      const a = names[i]!;
      const b = names[i + 1]!;
      if (isActing.has(a) === isActing.has(b) || !LIST_SEPARATOR.test(text.slice(a.end, b.start))) continue;
      const idle = isActing.has(a) ? b : a;
      isActing.add(idle);
      out.splice(out.indexOf(idle), 1);
      speakers.push({ ...idle, type: 'actors', id: idle.stateId!, ambiguous: false, acting: true });
      changed = true;
    }
  }
}
