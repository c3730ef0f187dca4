/**
 * Direct quotations and who said them (issue 14): `“…,” said Maj. Gen. Pat Ryder`, `“…,” Ryder
 * said`, `Hezbollah said in a statement: “…”`, `“…,” he added` (the previous speaker), and
 * Arabic `وقال … «…»` with قال، أعلن، صرّح، أكد، أضاف. A quotation counts only with an
 * attribution in its sentence: scare quotes, titles and names in quotation marks are not quotes.
 * Pure: the cleaned fields and the tagger's actor mentions in, quotes out.
 */
import type { Quote } from '../../model/article.ts';
import { actorsIn, definiteReference, lastPersonInParagraph, personBySurname, sentenceSpans, STATEMENT_FIELDS, textEvidence, type ActorSpan, type StatementField, type StatementInput } from '../statements/statement-input.ts';

const OPEN_TO_CLOSE: Readonly<Record<string, string>> = { '“': '”', '«': '»', '"': '"', '„': '“' };
const EN_SAY = String.raw`said|says|say|added|adds|told|tells|stated|states|wrote|writes|declared|declares|warned|warns|insisted|insists|stressed|stresses|noted|notes|explained|explains|asked|asks|continued|replied|responded|argued|recalled|vowed|announced|posted|tweeted|according to`;
const AR_SAY = /(?:^|[\s،,])[وف]?(?:قال|قالت|يقول|تقول|أعلن|أعلنت|اعلن|اعلنت|صرح|صرّح|صرحت|صرّحت|أكد|أكّد|أكدت|أكّدت|اكد|اكدت|أضاف|أضافت|اضاف|اضافت|تابع|تابعت|أوضح|أوضحت|شدد|شددت|كتب|كتبت|جاء في|بحسب|وفق)(?=[\s،,:]|$)/u;
const PRONOUN = /^(?:he|she|they|it|the spokesman|the spokeswoman|the official|the minister|the statement)$/iu;
/** Titles before a name, removed from `speakerName` ("Maj. Gen. Pat Ryder" → "Pat Ryder"). */
const TITLES = new Set(
  `maj gen lt col brig adm admiral rear vice capt sgt cpl dr mr mrs ms sheikh shaikh sayyed sayyid president prime minister foreign defence defense interior
spokesman spokeswoman spokesperson secretary general secretary-general chief commander ambassador envoy special king crown prince emir sultan
deputy senior former acting pentagon press state department army military ayatollah grand imam mullah hojatoleslam sen rep gov`.split(/\s+/),
);

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Quotation spans (the marks included) inside one paragraph each, at most 800 characters. */
export function quotationSpans(text: string): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < text.length; i++) {
    const close = OPEN_TO_CLOSE[text[i]!];
    if (close === undefined) continue;
    // A straight quote opens only at a word start ("5'10\"" and closing quotes do not).
    if (text[i] === '"' && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!)) continue;
    let j = i + 1;
    while (j < text.length && text[j] !== close && text[j] !== '\n' && j - i < 800) j++;
    if (j < text.length && text[j] === close) {
      out.push({ start: i, end: j + 1 });
      i = j;
    }
  }
  return out;
}

/** The capitalised name run in `s` (titles removed), or null. */
function nameIn(s: string, fromEnd: boolean): string | null {
  const runs = [...s.matchAll(/(?:\p{Lu}[\p{L}'’.-]*\.?)(?:\s+(?:(?:al|el|bin|ibn|abu|de|van|von)[-\s])?\p{Lu}[\p{L}'’.-]*)*/gu)];
  const run = fromEnd ? runs[runs.length - 1] : runs[0];
  if (run === undefined) return null;
  const words = run[0].split(/\s+/).filter((w) => !TITLES.has(w.toLowerCase().replace(/[.’']/g, '')));
  if (words.length === 0) return null;
  const name = words.join(' ').replace(/[.,]$/, '');
  return name.length >= 3 ? name : null;
}

/** The speaker and the name to show: a person's dictionary name, or the name as written. */
function found(actor: ActorSpan | undefined, named: string | null): { speaker: string | null; speakerName: string | null } {
  return { speaker: actor?.id ?? null, speakerName: actor?.kind === 'PERSON' ? actor.name : named };
}

/** "Abdallah said", "Mousavi said": a one-word name that is the surname of a person named earlier. */
function bySurname(input: StatementInput, field: StatementField, offset: number, who: string): ActorSpan | undefined {
  const name = nameIn(who, false);
  return name !== null && /^[\p{Lu}][\p{L}'’-]+$/u.test(name) ? personBySurname(input, field, offset, name) : undefined;
}

function pickSpeaker(actors: readonly ActorSpan[]): ActorSpan | undefined {
  return actors.find((a) => a.kind === 'PERSON') ?? actors.find((a) => a.kind !== 'STATE') ?? actors[0];
}

/** Attribution of the quotation `q` in sentence `sent`: who speaks, as an actor and a name. */
function attribute(input: StatementInput, field: StatementField, text: string, q: Span, sent: Span, last: { speaker: string | null; speakerName: string | null } | null): { speaker: string | null; speakerName: string | null } | null {
  // After the quote: `,” said Maj. Gen. Pat Ryder` / `,” Ryder said` / `,” he said`.
  const afterEnd = Math.min(sent.end, q.end + 120);
  const after = text.slice(q.end, afterEnd);
  const verbAfter = new RegExp(String.raw`^\s*[,،]?\s*(?:[-–—]\s*)?(?:(${EN_SAY})\s+([^,;:“"«\n]{2,80})|([^,.;:“"«]{2,80}?)\s+(?:(?:also|later|then|has|had|once|previously|earlier)\s+)?(${EN_SAY}))(?![\p{L}])`, 'iu').exec(after);
  if (verbAfter !== null) {
    // "said Maj. Gen. Pat Ryder. “This…”": the name ends at a full stop before the next quotation or the end.
    const who = (verbAfter[2] ?? verbAfter[3] ?? '').replace(/\.\s*$/u, '').trim();
    const whoStart = q.end + verbAfter[0].indexOf(who);
    // "…," the group said / the command said / the statement said: the one body of that kind named before.
    const definite = /^the\s+\p{Ll}+$/iu.test(who) ? definiteReference(input, field, whoStart + who.length, q.start) : undefined;
    if (definite !== undefined) return found(definite, null);
    if (PRONOUN.test(who) || /^(?:he|she)$/iu.test(who.split(/\s+/)[0] ?? '')) return last ?? found(lastPersonInParagraph(input, field, q.start), null);
    const actor = pickSpeaker(actorsIn(input, field, whoStart, whoStart + who.length + 1)) ?? bySurname(input, field, whoStart, who);
    return found(actor, nameIn(who, false));
  }
  // Before the quote, in its sentence: `Hezbollah said in a statement: “…”`, `وقال المسؤول … «…»`.
  const before = text.slice(sent.start, q.start);
  const verbBefore = new RegExp(String.raw`(?<![\p{L}])(${EN_SAY})(?![\p{L}])`, 'giu');
  const hits = [...before.matchAll(verbBefore)];
  const hit = hits[hits.length - 1];
  if (hit !== undefined) {
    const subject = before.slice(0, hit.index);
    if (/^\s*(?:he|she|they)\s*$/iu.test(subject.split(/[,;]/).pop() ?? '')) return last ?? found(lastPersonInParagraph(input, field, sent.start), null);
    const tail = before.slice(hit.index! + hit[0].length);
    const named = hit[1]!.toLowerCase() === 'according to' ? nameIn(tail, false) : nameIn(subject, true);
    const actor =
      pickSpeaker(actorsIn(input, field, sent.start, sent.start + hit.index!).reverse()) ?? definiteReference(input, field, sent.start + hit.index!) ?? (named === null ? undefined : bySurname(input, field, sent.start, named));
    return found(actor, named);
  }
  const arSay = [...before.matchAll(new RegExp(AR_SAY.source, 'gu'))].pop();
  if (arSay !== undefined) {
    // Verb-subject order: the speaker follows the last speech verb before the quotation.
    const from = sent.start + arSay.index! + arSay[0].length;
    const actor = pickSpeaker(actorsIn(input, field, from, q.start)) ?? pickSpeaker(actorsIn(input, field, sent.start, q.start));
    return { speaker: actor?.id ?? null, speakerName: actor?.kind === 'PERSON' ? actor.name : null };
  }
  // Arabic after the quote: «…»، قال المتحدث …
  if (AR_SAY.test(after.slice(0, 40))) {
    const actor = pickSpeaker(actorsIn(input, field, q.end, afterEnd));
    return { speaker: actor?.id ?? null, speakerName: actor?.kind === 'PERSON' ? actor.name : null };
  }
  return null;
}

/** Direct quotations with an attribution, in text order. */
export function extractQuotes(input: StatementInput): Quote[] {
  const quotes: Quote[] = [];
  for (const field of STATEMENT_FIELDS) {
    const text = field === 'title' ? input.title : field === 'summary' ? input.summary : input.content;
    if (text === '') continue;
    const sentences = sentenceSpans(text);
    let last: { speaker: string | null; speakerName: string | null } | null = null;
    for (const q of quotationSpans(text)) {
      const inner = text.slice(q.start + 1, q.end - 1).trim();
      if (inner.split(/\s+/).length < 3) continue; // a name or a scare quote
      // The sentence around the quote: from the sentence holding its start to the one holding its end.
      const first = sentences.find((s) => s.start <= q.start && q.start < s.end + 1) ?? { start: q.start, end: q.end };
      const lastSentence = sentences.find((s) => s.start < q.end && q.end <= s.end + 1) ?? first;
      const next = sentences.find((s) => s.start >= q.end);
      const sent = { start: first.start, end: Math.max(lastSentence.end, next !== undefined && next.start - q.end < 3 ? next.end : lastSentence.end) };
      const who = attribute(input, field, text, q, sent, last);
      if (who === null) continue;
      last = who;
      quotes.push({ ...who, text: inner.replace(/[,،]$/u, ''), evidence: textEvidence(input, field, q.start, q.end) });
    }
  }
  return quotes;
}
