/**
 * Which regions an article is SET in (data/README.md, issue 14): the dateline leaves the
 * regions for `Article.dateline`, and a country stays a region only where it is the setting —
 * not named only inside quotations, not once late in a long body, not only as a qualifier
 * ("Israeli strikes", "US envoy") when another place is the setting.
 */
import { datelineSpan, insideQuotes, isLocative } from './mention-sense.ts';
import { fieldText, type Mention } from './tagger-mention.ts';
import type { TextSections } from './tagger.types.ts';

/** The lead of a body: mentions here weigh like a summary's. */
export const LEAD_CHARS = 500;
/** A body at least this long has a lead and a tail: a single country name in the tail is a passing mention. */
const PASSING_MIN_CHARS = 1200;

/**
 * The dateline ("DUBAI (Reuters) -") of the content or summary: its place mentions leave
 * `mentions` (a dateline is where the copy was filed, not where events happen) and the most
 * specific of them is returned as the article's dateline.
 */
export function takeDateline(mentions: Mention[], sections: TextSections, regionKind: ReadonlyMap<string, string>): string | null {
  let dateline: string | null = null;
  for (const field of ['summary', 'content'] as const) {
    const span = datelineSpan(fieldText(sections, field));
    if (span === null) continue;
    const inside = mentions.filter((m) => m.type === 'regions' && m.field === field && m.start >= span.start && m.end <= span.end);
    if (inside.length === 0) continue;
    const rank = (id: string) => (regionKind.get(id) === 'COUNTRY' ? 1 : 0);
    const best = [...inside].sort((a, b) => rank(a.id) - rank(b.id) || a.start - b.start)[0]!;
    dateline ??= best.id;
    for (const m of inside) mentions.splice(mentions.indexOf(m), 1);
  }
  return dateline;
}

/**
 * The region salience rule (data/README.md): a country is a region of the article only where
 * it is the setting. A country named only inside quotations, or named once late in a long
 * body (after the lead, not in the title, not after a locative preposition such as
 * "in"/"across"/"في", with no place of it named) is merely mentioned and is dropped.
 */
export function settingsOnly(mentions: readonly Mention[], sections: TextSections, regionKind: ReadonlyMap<string, string>): Mention[] {
  const byCountry = new Map<string, Mention[]>();
  for (const m of mentions) {
    if (m.type !== 'regions' || regionKind.get(m.id) !== 'COUNTRY') continue;
    const list = byCountry.get(m.id) ?? [];
    list.push(m);
    byCountry.set(m.id, list);
  }
  const dropped = new Set<string>();
  const qualifiedOnly: string[] = [];
  // A place, sea or subdivision named for itself is a setting too ("in the Gulf of Oman").
  let settings = mentions.some((m) => m.type === 'regions' && m.derived !== true && regionKind.get(m.id) !== 'COUNTRY' && regionKind.get(m.id) !== 'MACRO_REGION') ? 1 : 0;
  for (const [id, list] of byCountry) {
    if (list.some((m) => m.derived === true || m.field === 'feed' || (m.field === 'title' && m.demonym !== true))) {
      settings++;
      continue;
    }
    // A feed category ("Israel") is an editor's label: it weighs like a qualifier.
    const spoken = list.filter((m) => m.field === 'tags' || !insideQuotes(fieldText(sections, m.field), m.start));
    const named = spoken.filter((m) => m.demonym !== true && m.field !== 'tags');
    if (named.length === 0) {
      if (spoken.length > 0) qualifiedOnly.push(id);
      else dropped.add(id);
      continue;
    }
    // A passing mention: named once, late in a long body, not as a location ("in Iraq").
    const distinct = new Set(named.map((m) => `${m.field}:${m.start}`));
    const only = named[0]!;
    if (distinct.size === 1 && only.field === 'content' && sections.content.length >= PASSING_MIN_CHARS && only.start >= LEAD_CHARS && !isLocative(sections.content, only.start)) dropped.add(id);
    else settings++;
  }
  // Named only as a qualifier ("Israeli strikes", "Indian nationals", "US envoy"): foreigners in
  // a story set elsewhere — unless no other country is a setting ("Iraqis voted", "an Iraqi bank").
  if (settings > 0) for (const id of qualifiedOnly) dropped.add(id);
  return dropped.size === 0 ? [...mentions] : mentions.filter((m) => m.type !== 'regions' || !dropped.has(m.id));
}
