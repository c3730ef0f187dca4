/**
 * What the claim, quote and figure extractors read (issue 14): the cleaned title, summary and
 * content — never translator notes, comments or chrome, which cleaning has set aside — and the
 * actor mentions the tagger found in them, so that "Kata'ib Hizbullah denied" or "said Maj. Gen.
 * Pat Ryder" resolve to dictionary ids without a second matcher. Pure helpers shared by the
 * three extractors: sentence spans, the actors inside a span, evidence.
 */
import type { ArticleEvidence, TextEvidence } from '../../model/article.ts';

export type StatementField = TextEvidence['field'];
export const STATEMENT_FIELDS: readonly StatementField[] = ['title', 'summary', 'content'];

/** One actor mention: its id, kind (PERSON, STATE, …) and offsets in a field's text. */
export interface ActorSpan {
  readonly id: string;
  readonly kind: string;
  /** The actor's display name ("Pat Ryder"). */
  readonly name: string;
  readonly field: StatementField;
  readonly start: number;
  readonly end: number;
}

export interface StatementInput {
  readonly title: string;
  readonly summary: string;
  readonly content: string;
  readonly actors: readonly ActorSpan[];
}

/** The actor mentions of a tagged article, from its evidence (offsets index the cleaned fields). */
export function actorSpans(
  evidence: ArticleEvidence,
  actorOf: (id: string) => { kind: string; name: string } | undefined,
  stateMentions: readonly { readonly id: string; readonly field: string; readonly start: number; readonly end: number }[] = [],
): ActorSpan[] {
  const out: ActorSpan[] = [];
  // A country or capital stands for its state in a claim ("The US blamed Iran"), region or not.
  for (const m of stateMentions) {
    if (m.field !== 'title' && m.field !== 'summary' && m.field !== 'content') continue;
    const actor = actorOf(m.id);
    out.push({ id: m.id, kind: actor?.kind ?? 'STATE', name: actor?.name ?? m.id, field: m.field, start: m.start, end: m.end });
  }
  for (const [id, list] of Object.entries(evidence.actors)) {
    for (const e of list) {
      if (e.field !== 'title' && e.field !== 'summary' && e.field !== 'content') continue;
      const actor = actorOf(id);
      if (out.some((o) => o.field === e.field && o.start === e.start && o.end === e.end)) continue;
      out.push({ id, kind: actor?.kind ?? 'UNKNOWN', name: actor?.name ?? id, field: e.field, start: e.start, end: e.end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export function fieldOf(input: StatementInput, field: StatementField): string {
  return field === 'title' ? input.title : field === 'summary' ? input.summary : input.content;
}

/** Abbreviations whose full stop ends no sentence ("Maj. Gen. Pat Ryder", "the U.S. military"). */
const ABBREVIATIONS = /(?:^|[\s(])(?:Maj|Gen|Lt|Col|Brig|Adm|Capt|Sgt|Cpl|Dr|Mr|Mrs|Ms|St|Sen|Rep|Gov|Jr|Sr|No|Vol|U\.S|U\.N|U\.K|a\.m|p\.m|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|[A-Z])\.$/u;

/** Sentence spans of `text`: ends at . ! ? ؟ (not after an abbreviation) or a line break. */
export function sentenceSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    let end = -1;
    if (ch === '\n') end = i;
    else if ((ch === '.' || ch === '!' || ch === '?' || ch === '؟') && (i + 1 >= text.length || /[\s"”»’)]/u.test(text[i + 1]!))) {
      if (ch === '.' && ABBREVIATIONS.test(text.slice(Math.max(start, i - 6), i + 1))) continue;
      let j = i + 1;
      while (j < text.length && /["”»’)]/u.test(text[j]!)) j++;
      end = j;
    }
    if (end < 0) continue;
    if (text.slice(start, end).trim() !== '') out.push(trimSpan(text, start, end));
    start = end;
    i = Math.max(i, end - 1);
  }
  if (text.slice(start).trim() !== '') out.push(trimSpan(text, start, text.length));
  return out;
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Evidence for `[start, end)` of a field: the snippet is the enclosing sentence, cut to ~240 characters. */
export function textEvidence(input: StatementInput, field: StatementField, start: number, end: number): TextEvidence {
  const text = fieldOf(input, field);
  const sentence = sentenceSpans(text).find((s) => s.start <= start && end <= s.end + 1);
  let s = sentence?.start ?? Math.max(0, start - 60);
  let e = sentence?.end ?? Math.min(text.length, end + 60);
  if (e - s > 240) {
    s = Math.max(s, start - 80);
    e = Math.min(e, Math.max(end, s + 160) + 40);
  }
  return { field, start, end, snippet: text.slice(s, e).replace(/\s+/g, ' ').trim() };
}

/**
 * The PERSON named earlier in the article whose surname is `surname` ("Abdallah said:" after
 * "Brig. Gen. Nabil Abdallah"), when exactly one such person is named before `offset`.
 */
export function personBySurname(input: StatementInput, field: StatementField, offset: number, surname: string): ActorSpan | undefined {
  const key = surname.toLowerCase().replace(/^(?:al|el)-/u, '');
  const fieldRank = STATEMENT_FIELDS.indexOf(field);
  const people = input.actors.filter(
    (a) => a.kind === 'PERSON' && (STATEMENT_FIELDS.indexOf(a.field) < fieldRank || (a.field === field && a.start < offset)) && a.name.toLowerCase().split(/\s+/).pop()!.replace(/^(?:al|el)-/u, '') === key,
  );
  return new Set(people.map((p) => p.id)).size === 1 ? people[people.length - 1] : undefined;
}

/** The last PERSON named in the paragraph before `offset` ("Burhan visited troops. “…,” he told them"). */
export function lastPersonInParagraph(input: StatementInput, field: StatementField, offset: number): ActorSpan | undefined {
  const text = fieldOf(input, field);
  const paragraphStart = text.lastIndexOf('\n', offset - 1) + 1;
  return input.actors.filter((a) => a.field === field && a.kind === 'PERSON' && a.start >= paragraphStart && a.end <= offset).pop();
}

/** Actor mentions of `field` inside `[start, end)`, in text order. */
export function actorsIn(input: StatementInput, field: StatementField, start: number, end: number): ActorSpan[] {
  return input.actors.filter((a) => a.field === field && a.start >= start && a.end <= end);
}

/** Latin and Arabic-Indic digits to a number ("١٢" → 12, "1,200" → 1200); NaN when not a number. */
export function parseDigits(raw: string): number {
  const ascii = raw.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  return Number(ascii.replace(/[,٬]/g, ''));
}

const DEFINITE = /\b(?:the|The)\s+(group|militia|militants|movement|faction|organi[sz]ation|ministry|army|military|command|mission|force|forces|agency|statement|rebels)\s*(?:,\s*)?$/u;
const KINDS_FOR: Readonly<Record<string, readonly string[]>> = {
  group: ['ARMED_GROUP', 'POLITICAL_PARTY'],
  militia: ['ARMED_GROUP'],
  movement: ['ARMED_GROUP', 'POLITICAL_PARTY'],
  faction: ['ARMED_GROUP', 'POLITICAL_PARTY'],
  organisation: ['ARMED_GROUP', 'ORGANIZATION'],
  organization: ['ARMED_GROUP', 'ORGANIZATION'],
  ministry: ['GOVERNMENT_BODY'],
  army: ['MILITARY'],
  military: ['MILITARY'],
  militants: ['ARMED_GROUP'],
  rebels: ['ARMED_GROUP'],
  command: ['MILITARY', 'ORGANIZATION'],
  mission: ['ORGANIZATION'],
  force: ['MILITARY', 'ARMED_GROUP', 'ORGANIZATION'],
  forces: ['MILITARY', 'ARMED_GROUP'],
  agency: ['MEDIA', 'GOVERNMENT_BODY', 'ORGANIZATION'],
  // "the statement said": whoever issued the paragraph's statement (any body, not a person or a state).
  statement: ['ARMED_GROUP', 'MILITARY', 'GOVERNMENT_BODY', 'ORGANIZATION', 'POLITICAL_PARTY', 'MEDIA'],
};

/**
 * "the group", "the militia", "the ministry", "the army" right before `offset` (issue 14, item 2):
 * the last actor of a fitting kind named earlier IN THE SAME PARAGRAPH, when exactly one such
 * actor is named there (two groups in the paragraph make "the group" unsafe: undefined).
 */
export function definiteReference(input: StatementInput, field: StatementField, offset: number, before?: number): ActorSpan | undefined {
  const text = fieldOf(input, field);
  const sliceStart = Math.max(0, offset - 40);
  const m = DEFINITE.exec(text.slice(sliceStart, offset));
  if (m === null) return undefined;
  const kinds = KINDS_FOR[m[1]!.toLowerCase()] ?? [];
  const paragraphStart = text.lastIndexOf('\n', offset - 1) + 1;
  // `before`: the phrase follows a quotation ("…," the group said): actors named before the quotation.
  const phraseStart = Math.min(sliceStart + m.index, before ?? Infinity);
  const earlier = input.actors.filter((a) => a.field === field && a.start >= paragraphStart && a.end <= phraseStart && kinds.includes(a.kind));
  const distinct = new Set(earlier.map((a) => a.id));
  return distinct.size === 1 ? earlier[earlier.length - 1] : undefined;
}
