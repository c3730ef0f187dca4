/**
 * The "capital + speech verb" rule: "Tehran said", "Washington warned", "قالت طهران" name the
 * state as a speaker, while "in Tehran" names a place. Word lists are folded (see fold.ts), so
 * they compare directly with folded article text.
 */
import { fold, isWordChar } from './fold.ts';

/** English verbs of speech and stance that follow the speaker. */
const EN_VERBS = new Set(
  `said says say warned warns warn denied denies deny accused accuses accuse announced announces condemned condemns claimed claims
rejected rejects insisted insists threatened threatens vowed vows stated called calls demanded demands urged urges responded responds
confirmed confirms blamed blames dismissed dismisses declared declares told tells argued argues acknowledged acknowledges admitted admits
welcomed welcomes criticized criticised criticizes criticises protested protests maintained maintains countered counters retorted replied replies
insist threaten accuse condemn reject demand urge blame dismiss declare argue acknowledge admit welcome criticize criticise protest maintain signalled signaled signals
pledged pledges promised promises hailed hails slammed slams denounced denounces
allow allows allowed shift shifts shifted oppose opposes opposed refuse refuses refused agree agrees agreed
launches launched strike strikes struck attacks attacked bombs bombed targets targeted
deploy deploys deployed send sends sent impose imposes imposed sign signs signed seize seizes seized intercept intercepts intercepted
recall recalls recalled expel expels expelled summon summons summoned suspend suspends suspended halt halts halted resume resumes resumed
approve approves approved ordered offered proposes proposed seek seeks sought want wants wanted
plans planned pushed pressed asks asked requested supports supported
mediates mediated brokered hosts hosted retaliate retaliates retaliated arrest arrests arrested detain detains detained
executes executed closed reopens reopened joins joined withdraws withdrew sanctioned
banned vow intends intend moved blocked authorized authorised authorizes authorises presses pushes
shares shared believes believe continues continue kept keeps holds held makes made takes took gives gave brought brings sought fought led leads
won lost left met pays paid built builds put sets become became began begun chose chosen showed shown says considers regards sees saw views
complains complained fears feared hopes hoped expects expected backs backed funds funded arms armed hosts remains stands stood`.split(/\s+/),
);
/** Words allowed between the speaker and the verb ("Tehran has repeatedly denied", "Washington on Monday warned"). */
const EN_FILLERS = new Set(
  `has have had is was also later again repeatedly previously quickly immediately officially publicly strongly reportedly swiftly
been on monday tuesday wednesday thursday friday saturday sunday yesterday today already itself
would will not never long could may might did does do must should still now recently formally quietly openly then
on last week night earlier late`.split(/\s+/),
);
/** Forms of "be": after one, a past participle is passive ("Lebanon was struck"), not the subject acting. */
const BE_FORMS = new Set('is was were are be been being'.split(' '));
/** Auxiliaries after which the next word is a verb the subject does ("will protect", "did not set", "would not allow"). */
const MODALS = new Set('will would did does do must can could should may might shall'.split(' '));
/** Adjectives of stance after "be": "Moscow was ready to", "Ankara is determined to". */
const STANCE_ADJECTIVES = new Set('ready willing prepared determined keen unwilling reluctant committed opposed open eager concerned'.split(' '));
const foldedSet = (words: string): Set<string> => new Set(words.split(/\s+/).map((w) => fold(w)).filter((w) => w !== ''));
/** Arabic verbs that PRECEDE the speaker (verb-subject order: "قالت طهران"), folded. */
const AR_VERBS = foldedSet(
  `قالت قال أعلنت أعلن حذرت حذر نفت نفى اتهمت اتهم أكدت أكد رفضت رفض دانت أدانت أدان هددت هدد طالبت طالب ردت رد نددت ندد زعمت زعم توعدت دعت صرحت اعتبرت
   عارضت عارض حملت حمّلت حمل شنت شن استهدفت استهدف رحبت رحب وافقت وافق أطلقت أطلق دعمت دعم قررت قرر فرضت فرض أرسلت أرسل سمحت سمح
   كانت كان واصلت واصل لوحت لوح أبلغت أبلغ طلبت طلب استدعت استدعى علقت علق`,
);
/** Arabic present-tense verbs that FOLLOW the speaker in headlines ("طهران تنفي"), folded. */
const AR_VERBS_AFTER = foldedSet(
  // Arabic present tense; Persian compound verbs by their first word ("تهران اعلام کرد", "هشدار داد").
  `تنفي ترفض تحذر تؤكد تتهم تعلن تدين تهدد تطالب ترد تندد تقول تتوعد تدعو تعتبر تنفى اعلام هشدار تکذیب گفت محکوم
   تعارض تشن تستهدف ترحب توافق تطلق تدعم تقرر تفرض ترسل تسمح تبحث تسعى توسع تواصل تنشر تعزز تواجه تطلب تستدعي تعلق تلوح`,
);
const AR_PROCLITICS = ['و', 'ف'];
/** A place after one of these is a location, never the speaker ("talks in Tehran said to be …", "وصل إلى طهران"). */
const PLACE_PREPOSITIONS = new Set([
  ...'in at to from near into inside outside toward towards via across around within over through'.split(' '),
  ...foldedSet('في إلى الى من عن على نحو قرب داخل خارج عبر حول ب ل در به از'),
]);

function wordsAfter(text: string, from: number, count: number): string[] {
  const words: string[] = [];
  let i = from;
  while (words.length < count && i < text.length) {
    while (i < text.length && !isWordChar(text[i])) {
      if (text[i] === '.' || text[i] === ';' || text[i] === '\n') return words; // a sentence end stops the look-ahead
      i++;
    }
    const start = i;
    while (i < text.length && isWordChar(text[i])) i++;
    if (i > start) words.push(text.slice(start, i));
  }
  return words;
}

function wordBefore(text: string, to: number): string {
  let i = to;
  while (i > 0 && !isWordChar(text[i - 1])) {
    if (text[i - 1] === '.' || text[i - 1] === '\n') return '';
    i--;
  }
  const end = i;
  while (i > 0 && isWordChar(text[i - 1])) i--;
  return text.slice(i, end);
}

/** Start offset of the word that ends at or before `to` (skipping spaces and punctuation). */
function wordStartBefore(text: string, to: number): number {
  let i = to;
  while (i > 0 && !isWordChar(text[i - 1])) i--;
  while (i > 0 && isWordChar(text[i - 1])) i--;
  return i;
}

/** Particles after which a verb still opens its clause ("فيما حذرت طهران", "كما أكدت واشنطن"), folded. */
const CLAUSE_OPENERS = foldedSet('فيما بينما كما ثم وقد قد لقد حين عندما إذ وإذ كذلك بدورها بدوره أيضا أمس');

/**
 * True when the word ending just before `to` opens its clause: it has a و/ف proclitic, or
 * nothing but punctuation or an opener particle comes before it. "واشنطن حذرت بغداد": حذرت
 * follows a name, so بغداد is its object, not its subject.
 */
function opensClause(text: string, verb: string, to: number): boolean {
  if (AR_PROCLITICS.some((p) => verb.startsWith(p) && AR_VERBS.has(verb.slice(p.length)))) return true;
  let i = wordStartBefore(text, to);
  while (i > 0 && text[i - 1] === ' ') i--;
  if (i === 0 || !isWordChar(text[i - 1])) return true;
  return CLAUSE_OPENERS.has(wordBefore(text, i));
}

/**
 * True when the folded span `[start, end)` of `folded` is the subject of a speech verb: an
 * English verb after it (skipping up to three fillers), an Arabic/Persian verb just before it
 * that opens its clause, or an Arabic past-tense verb right after it. `spaceAfter` says whether
 * only whitespace follows the span in the ORIGINAL text (folding turns "—" into a space, and
 * "صنعاء — قال المتحدث" is a dateline, not "Sanaa said").
 */
export function isSpeaker(folded: string, start: number, end: number, spaceAfter = true): boolean {
  const before = wordBefore(folded, start);
  if (PLACE_PREPOSITIONS.has(before)) return false; // "meeting in Kuwait City on Wednesday, condemned …"
  let passive = false;
  let modal = false;
  for (const w of wordsAfter(folded, skipApposition(folded, end), 6)) {
    if (AR_VERBS_AFTER.has(w)) return true;
    if (EN_VERBS.has(w)) return !passive;
    if (passive && STANCE_ADJECTIVES.has(w)) return true; // "Moscow was ready to"
    if (!EN_FILLERS.has(w) && !(w.length > 4 && w.endsWith('ly'))) {
      if (!/^[a-z]+$/.test(w)) break;
      if (modal && !passive) return true; // "will protect", "did not set"
      if (!passive && w.length > 4 && w.endsWith('ed')) return true; // "Kuwait complained", "Washington believed"
      if (passive && w.length > 5 && w.endsWith('ing') && !BE_FORMS.has(w)) return true; // "Russia is moving"
      break;
    }
    if (BE_FORMS.has(w)) passive = true;
    if (MODALS.has(w)) modal = true;
  }
  // Arabic subject-verb order with the past tense: "واشنطن حذّرت", "طهران نفت".
  const next = /^ (\S+)/u.exec(folded.slice(end, end + 24))?.[1];
  if (spaceAfter && next !== undefined && AR_VERBS.has(next)) return true;
  const isVerb = AR_VERBS.has(before) || AR_PROCLITICS.some((p) => before.startsWith(p) && AR_VERBS.has(before.slice(p.length)));
  return (isVerb && opensClause(folded, before, start)) || isPersianSubject(folded, start, end);
}

/** Persian verbs that end a clause whose subject opens it ("فرانسه … را فعال کردند"), folded (ک→ك, ی→ي). */
const FA_CLAUSE_END = /(?:^|\s)(?:كرد|كردند|گفت|گفتند|داد|دادند|خواند|خواندند|زد|زدند|گرفت|گرفتند|فرستاد|فرستادند|پذيرفت|رد كرد)\s*$/u;

/**
 * Persian is subject-object-verb: a name that opens its sentence (or a list that does) and a
 * sentence that ends in an active past verb ("فرانسه، بریتانیا و آلمان … را فعال کردند") name
 * the subject acting.
 */
function isPersianSubject(folded: string, start: number, end: number): boolean {
  if (!/^[\s.!?؟:»«"]*$/u.test(folded.slice(Math.max(0, start - 3), start).replace(/^.*[.!?؟\n]/su, '')) && start > 0 && !/[.!?؟\n»]\s*$/u.test(folded.slice(Math.max(0, start - 4), start))) return false;
  let stop = folded.slice(end).search(/[.!?؟\n]/u);
  stop = stop < 0 ? folded.length : end + stop;
  const clause = folded.slice(end, stop);
  return clause.length < 160 && /[\u0600-\u06FF]/u.test(clause) && FA_CLAUSE_END.test(clause) && !/(?:^|\s)شد(?:ند)?\s*$/u.test(clause);
}

/** "Saudi Arabia, which backs the council, urged": the offset after a relative clause between commas, or `end`. */
function skipApposition(folded: string, end: number): number {
  const m = /^\s*,\s*(?:which|who)\b[^,.;\n]{1,80},/u.exec(folded.slice(end, end + 100));
  return m === null ? end : end + m[0].length;
}

/** English verbs whose object is a government: "accused Ankara of", "urged Baghdad to", "pressed Tehran". */
const EN_OBJECT_VERBS = new Set(
  `accused accuses accusing accuse blamed blames blaming blame urged urges urging urge pressed presses pressing press warned warns warning
called on calling on asked asks asking criticised criticized criticises criticizes condemned condemns sanctioned thanked thanks praised praises
lobbied pressured pressures pressuring told tells summoned summons invited invites`.split(/\s+/),
);
/** Passive agents: "carried out by Israel", "launched by Iran" name the state acting ("backed by" is an affiliation, not an act). */
const AGENT_BEFORE = /(?:(?:^|\s)(?:carried out|conducted|launched|fired|ordered|claimed|sent|deployed|operated|killed|struck|hit|targeted|attacked|bombed|downed|shot down|intercepted|seized|detained|arrested|drafted|proposed|submitted|tabled|presented|put forward|brokered|mediated|imposed|activated|triggered) by (?:the )?|(?:^|\s)(?:از سوي|از طرف|من قبل|من جانب) ?)$/u;

/**
 * True when the folded span names a government as the OBJECT of a stance verb ("accused Ankara
 * of", "urged Baghdad to", "وتطالب بغداد" after its subject): addressed or blamed, it neither
 * acts (data/README.md: no state actor) nor is a place of events (no region).
 */
export function isGovernmentObject(folded: string, start: number): boolean {
  const before = wordBefore(folded, start);
  if (EN_OBJECT_VERBS.has(before)) return true;
  const two = `${wordBefore(folded, wordStartBefore(folded, start))} ${before}`;
  if (EN_OBJECT_VERBS.has(two)) return true;
  return isArabicPresentBefore(before) && !opensPresentClause(folded, before, start);
}

/**
 * True when the folded span names the state ACTING although it does not open the sentence: the
 * agent of a passive ("carried out by Israel", "drafted by France", "از سوی فرانسه", "من قبل
 * إيران"), or the subject after an Arabic present-tense verb that opens its clause ("وتسعى
 * موسكو", "تعارض واشنطن").
 */
export function isStateAgent(folded: string, start: number): boolean {
  if (AGENT_BEFORE.test(folded.slice(Math.max(0, start - 30), start))) return true;
  const before = wordBefore(folded, start);
  // Only the present tense here: past forms such as نفت are also nouns ("نفت ایران", Persian
  // "Iran's oil"); a past verb before its subject is the speaker rule's, with its clause check.
  return isArabicPresentBefore(before) && opensPresentClause(folded, before, start);
}

const isArabicPresentBefore = (before: string): boolean => AR_VERBS_AFTER.has(before) || AR_PROCLITICS.some((p) => before.startsWith(p) && AR_VERBS_AFTER.has(before.slice(p.length)));

/** Like {@link opensClause}, for a present-tense verb: "وتحذر" (proclitic) or nothing but punctuation or a particle before it. */
function opensPresentClause(text: string, verb: string, to: number): boolean {
  if (AR_PROCLITICS.some((p) => verb.startsWith(p) && AR_VERBS_AFTER.has(verb.slice(p.length)))) return true;
  let i = wordStartBefore(text, to);
  while (i > 0 && text[i - 1] === ' ') i--;
  if (i === 0 || !isWordChar(text[i - 1])) return true;
  return CLAUSE_OPENERS.has(wordBefore(text, i));
}
