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
import { actorsIn, definiteReference, sentenceSpans, STATEMENT_FIELDS, textEvidence, type ActorSpan, type StatementField, type StatementInput } from '../statements/statement-input.ts';

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

/** Acts a group or a state claims as its own ("said it had killed", "said its jets had hit"). */
const OWN_ACTS = String.raw`carried out|targeted|launched|attacked|struck|fired|shot down|downed|hit|conducted|executed|was responsible|killed|destroyed|eliminated|intercepted|recaptured|repelled|captured|seized|sank|raided`;
const SAID_IT = String.raw`(?:said|says|announced|stated)\s+(?:on\s+\p{L}+\s+)?(?:that\s+)?(?:it|they|its\s+(?:\p{L}+\s+)?(?:jets|forces|troops|aircraft|warplanes|drones|fighters|units|navy)|(?:its\s+)?(?:air\s*strikes|airstrikes|drone strikes))\s+(?:had\s+|have\s+|has\s+)?(?:${OWN_ACTS})\b`;

const RULES: readonly Rule[] = [
  {
    kind: 'CLAIMED',
    re: new RegExp(
      String.raw`\b(?:claimed|claims|claiming|has claimed|had claimed)\s+(?:(?:full|sole)\s+)?(?:responsibility|credit)\b|\bclaimed\s+(?:the|this|that|an?|two|three|several|\d+)?\s*(?:\p{L}+\s+)?(?:attacks?|strikes?|bombings?|operations?|assaults?)\b|\b${SAID_IT}|\b(?:took|takes|has taken|had taken)\s+responsibility\b`,
      'iu',
    ),
  },
  { kind: 'CLAIMED', agentAfter: true, re: /\b(?:claimed by|responsibility was claimed by|a claim by)\s/iu },
  { kind: 'CLAIMED', verbFirst: true, re: /(?:^|[\s،,])[وف]?(?:تبنت|تبنى|تبنّت|تبنّى)(?=\s)/u },
  { kind: 'CLAIMED', re: /(?:^|[\s،,])(?:تتبنى|يتبنى|تعلن مسؤوليتها|يعلن مسؤوليته)(?=\s|$)/u },
  { kind: 'CLAIMED', verbFirst: true, re: /(?:^|[\s،,])[وف]?(?:أعلنت|أعلن|اعلنت|اعلن)\s+[^.،]{0,60}?(?:مسؤوليتها|مسؤوليته|مسئوليتها|أنه\s+«?(?:قضى|قتل|استهدف|أسقط|دمر|نفذ|شن|اعترض)|أنها\s+«?(?:قضت|قتلت|استهدفت|أسقطت|دمرت|نفذت|شنت|اعترضت))/u },
  // Persian: "… مسئولیت (این) حمله را برعهده گرفت" (subject first).
  { kind: 'CLAIMED', re: /(?:مسئولیت|مسؤولیت)\s+(?:این\s+|آن\s+)?(?:حمله|انفجار|عملیات)\s+را\s+(?:بر\s*عهده|برعهده|به\s*عهده)\s+گرفت/u },
  { kind: 'DENIED', re: /\b(?:denied|denies|deny|denying)\s+(?:ever\s+)?(?:\p{L}+ing)\b|\b(?:denied|denies|deny|denying|rejected|rejects)\s+(?:any\s+|all\s+|its\s+|having\s+|direct\s+)*(?:involvement|responsibility|role|link|links|part|connection|knowledge|participation|carrying out|a role)\b|\bsaid\s+(?:that\s+)?(?:it|they)\s+(?:had|has|was|were)\s+(?:no|not)\s+(?:involved|responsible|role|involvement|part)/iu },
  { kind: 'DENIED', verbFirst: true, re: /(?:^|[\s،,])[وف]?(?:نفت|نفى|تنفي|ينفي)\s+[^.]{0,80}?(?:علاقة|علاقتها|علاقته|مسؤولية|مسؤوليتها|مسؤوليته|تورط|تورطها|تورطه|صلة|صلتها|معنيين|ضلوع)/u },
  { kind: 'ATTRIBUTED', objectAfter: true, re: /\b(?:blamed|blames|blaming|accused|accuses|accusing|held|holds|holding)\b/iu },
  { kind: 'ATTRIBUTED', objectAfter: true, re: /(?:^|[\s،,])[وف]?(?:حملت|حمّلت|حمل|حمّل|اتهمت|اتهم|تتهم|يتهم|تحمل|تحمّل)(?=\s)/u },
];

/** "… was carried out by X": X is blamed by whoever said so. */
const CARRIED_BY = /\b(?:was|were|had been|has been)\s+(?:carried out|committed|perpetrated|orchestrated|ordered)\s+by\s/iu;
/** "X was behind / responsible for": the subject is the blamed actor, `by` the speaker before "said". */
const BEHIND = /\b(?:was|were|is|are)\s+(?:behind|responsible for)\b/iu;
const SAID = /\b(?:said|says|believes|believed|suspects|suspected|alleged|alleges)\b/iu;

function last<T>(list: readonly T[]): T | undefined {
  return list[list.length - 1];
}

/**
 * The subject of the verb at `at`: the last actor before it, skipping an aside between commas
 * ("The SDF, backed by the United States, accused …" → the SDF), and the subject of "said"
 * for a participle ("…, rights groups said, accusing …" → nobody known when "rights groups" is
 * no actor).
 */
function subjectBefore(sentence: string, at: number, before: (at: number) => ActorSpan[], sentenceStart: number): ActorSpan | undefined {
  const head = sentence.slice(0, at);
  const participle = /\b\p{L}+ing\s*$/u.test(sentence.slice(at, at + 20).split(/\s/)[0] ?? '') || /ing$/u.test(/^\S+/u.exec(sentence.slice(at))?.[0] ?? '');
  if (participle) {
    const said = /\b(?:said|says|reported|added|stated)\s*,\s*$/u.exec(head);
    if (said === null) return undefined;
    const actor = before(said.index).pop();
    return actor !== undefined && said.index - (actor.end - sentenceStart) <= 2 ? actor : undefined;
  }
  const aside = /,[^,]{2,120},\s*(?:\p{L}+\s+){0,2}$/u.exec(head);
  if (aside !== null) {
    const outside = before(at).filter((a) => a.end - sentenceStart <= aside.index);
    if (outside.length > 0) return outside[outside.length - 1];
  }
  return last(before(at));
}

function claimsInSentence(input: StatementInput, field: StatementField, text: string, s: { start: number; end: number }, out: Claim[]): void {
  const sentence = text.slice(s.start, s.end);
  const actors = actorsIn(input, field, s.start, s.end);
  const before = (at: number): ActorSpan[] => actors.filter((a) => a.end <= s.start + at);
  const after = (at: number): ActorSpan[] => actors.filter((a) => a.start >= s.start + at);
  const add = (kind: ClaimKind, actor: ActorSpan | undefined, by: ActorSpan | undefined, at: number, len: number) => {
    if (actor === undefined) return;
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
      const arabic = /[\u0600-\u06FF]/u.test(m[0]);
      if (arabic) {
        // Verb-subject-object: "اتهمت واشنطن كتائب حزب الله", "حمّلت طهران واشنطن المسؤولية";
        // subject-verb-object when the verb follows a name in its clause ("واشنطن تتهم طهران").
        const clauseStart = Math.max(0, ...[...sentence.slice(0, at).matchAll(/[،,؛:]/gu)].map((x) => x.index! + 1));
        const subject = before(at).filter((a) => a.start - s.start >= clauseStart).pop();
        const [first, second] = after(end);
        if (subject !== undefined && first !== undefined) add('ATTRIBUTED', first, subject, at, m[0].length);
        else if (first !== undefined && second !== undefined) add('ATTRIBUTED', second, first, at, m[0].length);
        continue;
      }
      const by = subjectBefore(sentence, at, before, s.start);
      // "blamed the attack on X" / "accused X of" / "held X responsible" / "حمّلت X المسؤولية".
      const onAt = /\bon\s/iu.exec(sentence.slice(end));
      // The one blamed follows the verb closely ("accused Ankara of"), not a place further on
      // ("accused Iran-backed militias in southern Syria of").
      const object = after(end).find((a) => a.start - (s.start + end) <= 30 && !/\b(?:in|at|near|from|inside|across)\s/iu.test(text.slice(s.start + end, a.start)));
      const target = onAt !== null && /blame/iu.test(m[0]) ? after(end + onAt.index)[0] : object;
      if (/held|holds|holding/iu.test(m[0]) && !/responsib/iu.test(sentence.slice(end))) continue;
      if (/accus/iu.test(m[0]) && !/\bof\b/iu.test(sentence.slice(end))) continue;
      if (target !== undefined) add('ATTRIBUTED', target, by, at, m[0].length);
      continue;
    }
    if (rule.agentAfter === true) add(rule.kind, after(end)[0], undefined, at, m[0].length);
    else if (rule.verbFirst === true) add(rule.kind, after(at + 1)[0] ?? last(before(at)), undefined, at, m[0].length);
    else add(rule.kind, subjectBefore(sentence, at, before, s.start) ?? definiteReference(input, field, s.start + at), undefined, at, m[0].length);
  }
  // "<by> said the killing was carried out by <actor>".
  const carried = CARRIED_BY.exec(sentence);
  if (carried !== null) {
    const actor = after(carried.index + carried[0].length)[0];
    const said = SAID.exec(sentence.slice(0, carried.index));
    const by = said === null ? undefined : subjectBefore(sentence, said.index, before, s.start);
    if (actor !== undefined) add('ATTRIBUTED', actor, by, carried.index, carried[0].length);
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
