/**
 * Who claimed, denied or was blamed for an act (issue 14), sentence by sentence:
 * - CLAIMED: "<actor> claimed responsibility", "claimed by <actor>", "<actor> said it targeted /
 *   carried out / launched …", Arabic "تبنّت <actor>", "أعلنت <actor> مسؤوليتها", "<actor> تتبنى";
 * - DENIED: "<actor> denied any involvement / responsibility / role", Arabic "نفت <actor> …
 *   علاقتها / مسؤوليتها / تورطها";
 * - ATTRIBUTED: "<by> blamed <actor>", "<by> blamed the attack on <actor>", "<by> accused
 *   <actor> of", "<by> held <actor> responsible", "<by> said <actor> was behind", Arabic "حمّلت
 *   <by> <actor> المسؤولية", "اتهمت <by> <actor>".
 * Actors are the tagger's mentions in the sentence: the subject is the last actor before the
 * verb (or the first after an Arabic verb that opens the clause), the object the first after it.
 * Pure: the cleaned fields and the actor mentions in, claims out.
 */
import type { Claim, ClaimKind } from '../../model/article.ts';
import { actorsIn, sentenceSpans, STATEMENT_FIELDS, textEvidence, type ActorSpan, type StatementField, type StatementInput } from '../statements/statement-input.ts';

interface Rule {
  readonly kind: ClaimKind;
  /** The verb phrase; the subject is before it (English SVO) unless `verbFirst`. */
  readonly re: RegExp;
  /** Arabic verb-subject order: the claimant comes after the verb. */
  readonly verbFirst?: boolean;
  /** ATTRIBUTED: the blamed actor is after the verb ("blamed X"), or after "on" ("blamed the attack on X"). */
  readonly objectAfter?: boolean;
  /** "claimed by X", "a claim by X": the actor is after the phrase. */
  readonly agentAfter?: boolean;
}

const RULES: readonly Rule[] = [
  { kind: 'CLAIMED', re: /\b(?:claimed|claims|claiming|has claimed|had claimed)\s+(?:(?:full|sole)\s+)?(?:responsibility|credit)\b|\bclaimed\s+(?:the|this|that|an?)\s+(?:attack|strike|bombing|operation|assault)\b|\bsaid\s+(?:that\s+)?(?:it|they)\s+(?:had\s+)?(?:carried out|targeted|launched|attacked|struck|fired|shot down|downed|hit|conducted|executed|was responsible)\b|\b(?:took|takes|has taken|had taken)\s+responsibility\b/iu },
  { kind: 'CLAIMED', agentAfter: true, re: /\b(?:claimed by|responsibility was claimed by|a claim by)\s/iu },
  { kind: 'CLAIMED', verbFirst: true, re: /(?:^|[\s،,])[وف]?(?:تبنت|تبنى|تبنّت|تبنّى)(?=\s)/u },
  { kind: 'CLAIMED', re: /(?:^|[\s،,])(?:تتبنى|يتبنى|تعلن مسؤوليتها|يعلن مسؤوليته)(?=\s|$)/u },
  { kind: 'CLAIMED', verbFirst: true, re: /(?:^|[\s،,])[وف]?(?:أعلنت|أعلن|اعلنت|اعلن)\s+[^.،]{0,60}?(?:مسؤوليتها|مسؤوليته|مسئوليتها)/u },
  { kind: 'DENIED', re: /\b(?:denied|denies|deny|denying|rejected|rejects)\s+(?:any\s+|all\s+|its\s+|having\s+|direct\s+)*(?:involvement|responsibility|role|link|links|part|connection|knowledge|participation|carrying out|a role)\b|\bsaid\s+(?:that\s+)?(?:it|they)\s+(?:had|has|was|were)\s+(?:no|not)\s+(?:involved|responsible|role|involvement|part)/iu },
  { kind: 'DENIED', verbFirst: true, re: /(?:^|[\s،,])[وف]?(?:نفت|نفى|تنفي|ينفي)\s+[^.]{0,80}?(?:علاقة|علاقتها|علاقته|مسؤولية|مسؤوليتها|مسؤوليته|تورط|تورطها|تورطه|صلة|صلتها|معنيين|ضلوع)/u },
  { kind: 'ATTRIBUTED', objectAfter: true, re: /\b(?:blamed|blames|blaming|accused|accuses|accusing|held|holds|holding)\b/iu },
  { kind: 'ATTRIBUTED', objectAfter: true, re: /(?:^|[\s،,])[وف]?(?:حملت|حمّلت|حمل|حمّل|اتهمت|اتهم|تتهم|يتهم|تحمل|تحمّل)(?=\s)/u },
];

/** "X was behind / responsible for": the subject is the blamed actor, `by` the speaker before "said". */
const BEHIND = /\b(?:was|were|is|are)\s+(?:behind|responsible for)\b/iu;
const SAID = /\b(?:said|says|believes|believed|suspects|suspected|alleged|alleges)\b/iu;

function last<T>(list: readonly T[]): T | undefined {
  return list[list.length - 1];
}

function claimsInSentence(input: StatementInput, field: StatementField, text: string, s: { start: number; end: number }, out: Claim[]): void {
  const sentence = text.slice(s.start, s.end);
  const actors = actorsIn(input, field, s.start, s.end);
  if (actors.length === 0) return;
  const before = (at: number): ActorSpan[] => actors.filter((a) => a.end <= s.start + at);
  const after = (at: number): ActorSpan[] => actors.filter((a) => a.start >= s.start + at);
  const add = (kind: ClaimKind, actor: ActorSpan | undefined, by: ActorSpan | undefined, at: number, len: number) => {
    if (actor === undefined && by === undefined) return;
    if (actor !== undefined && by !== undefined && actor.id === by.id) return;
    const claim: Claim = { kind, actor: actor?.id ?? null, by: by?.id ?? null, evidence: textEvidence(input, field, s.start + at, s.start + at + len) };
    if (!out.some((c) => c.kind === claim.kind && c.actor === claim.actor && c.by === claim.by)) out.push(claim);
  };
  for (const rule of RULES) {
    const m = rule.re.exec(sentence);
    if (m === null) continue;
    const at = m.index;
    const end = at + m[0].length;
    if (rule.kind === 'ATTRIBUTED') {
      const by = last(before(at));
      // "blamed the attack on X" / "accused X of" / "held X responsible" / "حمّلت X المسؤولية".
      const onAt = /\bon\s/iu.exec(sentence.slice(end));
      const object = after(end)[0];
      const target = onAt !== null && /blame/iu.test(m[0]) ? after(end + onAt.index)[0] : object;
      if (/held|holds|holding/iu.test(m[0]) && !/responsib/iu.test(sentence.slice(end))) continue;
      if (/accus/iu.test(m[0]) && !/\bof\b/iu.test(sentence.slice(end))) continue;
      if (/^[\s،,]*[وف]?(?:اتهم|تتهم|يتهم)/u.test(m[0]) && by === undefined) {
        // Arabic VSO: "اتهمت واشنطن كتائب حزب الله": the accuser follows the verb, then the accused.
        const [first, second] = after(end);
        add('ATTRIBUTED', second, first, at, m[0].length);
        continue;
      }
      if (/^[\s،,]*[وف]?(?:حمل|حمّل|حملت|حمّلت|تحمل|تحمّل)/u.test(m[0])) {
        const [first, second] = after(end);
        if (by !== undefined) add('ATTRIBUTED', first, by, at, m[0].length);
        else add('ATTRIBUTED', second, first, at, m[0].length);
        continue;
      }
      if (target !== undefined && by !== undefined) add('ATTRIBUTED', target, by, at, m[0].length);
      continue;
    }
    if (rule.agentAfter === true) add(rule.kind, after(end)[0], undefined, at, m[0].length);
    else if (rule.verbFirst === true) add(rule.kind, after(at + 1)[0] ?? last(before(at)), undefined, at, m[0].length);
    else add(rule.kind, last(before(at)), undefined, at, m[0].length);
  }
  // "<by> said <actor> was behind the attack".
  const behind = BEHIND.exec(sentence);
  if (behind !== null) {
    const said = SAID.exec(sentence.slice(0, behind.index));
    const actor = last(before(behind.index));
    const by = said === null ? undefined : last(before(said.index));
    if (actor !== undefined && by !== undefined) add('ATTRIBUTED', actor, by, behind.index, behind[0].length);
  }
}

/** Claims, denials and attributions of an article, each (kind, actor, by) once. */
export function extractClaims(input: StatementInput): Claim[] {
  const out: Claim[] = [];
  for (const field of STATEMENT_FIELDS) {
    const text = field === 'title' ? input.title : field === 'summary' ? input.summary : input.content;
    if (text === '') continue;
    for (const s of sentenceSpans(text)) claimsInSentence(input, field, text, s, out);
  }
  return out;
}
