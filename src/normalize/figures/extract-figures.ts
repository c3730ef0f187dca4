/**
 * Casualty and event counts as data (issue 14): "killed three US soldiers", "at least 34
 * injured", "dozens wounded", "some 160 attacks", "مقتل 5 أشخاص". A count is taken only when a
 * casualty or event word is next to it, so years ("in 2024"), unit numbers ("Brigade 52"),
 * resolutions ("Resolution 1701"), tonnage ("500-pound bomb", "2,000 tonnes"), ages
 * ("34-year-old") and distances ("40 km") are never figures. Pure: text in, figures out.
 */
import type { Figure, FigureKind } from '../../model/article.ts';
import { parseDigits, sentenceSpans, STATEMENT_FIELDS, textEvidence, type StatementInput } from '../statements/statement-input.ts';

const WORD_NUMBERS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, a_dozen: 12, dozen: 12,
  // Arabic
  واحد: 1, اثنان: 2, اثنين: 2, ثلاثة: 3, ثلاث: 3, أربعة: 4, أربع: 4, خمسة: 5, خمس: 5, ستة: 6, ست: 6, سبعة: 7, سبع: 7, ثمانية: 8, ثماني: 8, تسعة: 9, تسع: 9, عشرة: 10, عشر: 10,
};
/** Vague quantities as ranges (annotation-format.md: "dozens" → 24..99). */
const VAGUE: Readonly<Record<string, [number, number]>> = {
  dozens: [24, 99], scores: [40, 99], hundreds: [200, 999], thousands: [2000, 9999], several: [3, 9], 'a few': [2, 5], few: [2, 5],
  عشرات: [20, 99], مئات: [200, 999], آلاف: [2000, 9999], العشرات: [20, 99], المئات: [200, 999],
};

const NUM = String.raw`(?:\d+(?:\.\d+)?\s+million|\d{1,3}(?:,\d{3})+|\d+|[٠-٩]+|[۰-۹]+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozens|scores|hundreds|thousands|several|a few)`;
const QUAL = String.raw`(?:(at least|more than|over|nearly|almost|about|around|some|up to|roughly|approximately|an estimated|as many as|fewer than|less than)\s+)?`;
/** Nouns that may sit between the number and the casualty word ("34 civilians were killed"). */
const WHO = String.raw`(?:(?:[\p{L}'’-]+\s+){0,3}?(?:people|persons|civilians|soldiers|troops|fighters|militants|members|children|women|men|police(?:men)?|officers|personnel|service\s?members|guards|workers|staff|migrants|refugees|residents|villagers|protesters|demonstrators|suspects|others|Palestinians|Israelis|Iraqis|Syrians|Lebanese|Yemenis|Sudanese|Americans|journalists|aid workers|crew(?: members)?|sailors|hostages|detainees|gunmen|insurgents|jihadists|rebels|paramilitaries|combatants|patients|students|pilgrims|smugglers|infiltrators|assailants|attackers|militiamen|outlaws|operatives)\s+)?`;

const KIND_WORDS: readonly [FigureKind, string][] = [
  ['KILLED', 'killed|dead|died|deaths|killing|slain|fatalities|lost their lives|were executed|executed'],
  ['WOUNDED', 'wounded|injured|hurt|wounding|injuring|injuries|casualties'],
  ['MISSING', 'missing|unaccounted for'],
  ['ABDUCTED', 'abducted|kidnapped|taken hostage|seized|abducting|kidnapping'],
  ['ARRESTED', 'arrested|detained|arresting|detaining|arrests|rounded up|taken into custody'],
  ['DISPLACED', 'displaced|fled|forced to flee|uprooted|displacing'],
];
/** The verb BEFORE the count: "killed three US soldiers", "injuring 34", "arrested 12 suspects". */
const VERB_FIRST: readonly [FigureKind, string][] = [
  ['KILLED', 'killed|killing|kills|kill'],
  ['WOUNDED', 'wounded|wounding|injured|injuring|wounds|injures'],
  ['ABDUCTED', 'abducted|abducting|kidnapped|kidnapping'],
  ['ARRESTED', 'arrested|arresting|detained|detaining|arrests'],
  ['DISPLACED', 'displaced|displacing|uprooted'],
];

const NOUN_AFTER = new RegExp(String.raw`(?<![\p{L}\p{N},.-])${QUAL}(${NUM})(?![\p{N}-])\s+${WHO}(?:(?:were|have been|had been|was|are|been|reported|confirmed|feared|believed|to have been)\s+)*(?:(?:killed|wounded|injured)\s+(?:or|and)\s+)?(KINDWORD)(?![\p{L}])`, 'giu');
/** After the verb, the count must be of people: a plural noun (or a nationality/"people") within three words. */
const VERB_BEFORE = new RegExp(String.raw`(?<![\p{L}])(VERB)\s+${QUAL}(${NUM})(?![\p{N}-])\s+(?:[\p{L}'’.-]+\s+){0,2}?(?:people|persons|men|women|children|police|personnel|crew|Lebanese|Sudanese|Somalis?|[\p{L}-]{3,}s)(?![\p{L}])`, 'giu');
const TOLL = new RegExp(String.raw`(death toll|toll)\s+(?:(?:has|had)\s+)?(?:rose|risen|climbed|reached|stood|stands|rises|climbs|jumped|increased)\s+(?:to\s+)?${QUAL}(${NUM})`, 'giu');
const ATTACKS = new RegExp(String.raw`(?<![\p{L}\p{N},.-])${QUAL}(${NUM})(?![\p{N}-])\s+(?:(?:separate|drone|rocket|missile|militia|armed|hostile|cross-border|such|more|further|other|similar|recorded|documented|suspected)\s+){0,2}(attacks|strikes|raids|incidents)(?![\p{L}])`, 'giu');
/** Arabic: "مقتل 5", "إصابة ثلاثة", "5 قتلى", "عشرات الجرحى", "اعتقال 12". */
const AR_NOUN_FIRST: readonly [FigureKind, string][] = [
  ['KILLED', 'مقتل|قتل|استشهاد|سقوط'],
  ['WOUNDED', 'إصابة|اصابة|جرح|إصابات'],
  ['ABDUCTED', 'اختطاف|خطف'],
  ['ARRESTED', 'اعتقال|توقيف|احتجاز|القبض على'],
  ['DISPLACED', 'نزوح|تهجير'],
];
const AR_NUM = String.raw`(\d+|[٠-٩]+|عشرات|مئات|آلاف|واحد|اثنين|ثلاثة|أربعة|خمسة|ستة|سبعة|ثمانية|تسعة|عشرة)`;
const AR_COUNT_FIRST: readonly [FigureKind, string][] = [
  ['KILLED', 'قتلى|قتيلا|قتيلاً|قتيل|شهداء|شهيدا|شهيداً|القتلى|الشهداء'],
  ['WOUNDED', 'جرحى|جريحا|جريحاً|مصابين|مصابا|الجرحى|المصابين|إصابات'],
  ['ARRESTED', 'معتقلين|موقوفين|المعتقلين'],
  ['DISPLACED', 'نازح|نازحين|النازحين'],
  ['ATTACKS', 'هجمات|هجوما|هجوماً|الهجمات'],
];
/** Persian counts before their verb (subject-object-verb). */
const FA_WORDS: Readonly<Record<string, string>> = { یک: '1', دو: '2', سه: '3', چهار: '4', پنج: '5', شش: '6', هفت: '7', هشت: '8', نه: '9', ده: '10' };
const FA_NUM = String.raw`(\d+|[۰-۹]+|یک|دو|سه|چهار|پنج|شش|هفت|هشت|ده)`;
const FA_VERBS: readonly [FigureKind, string][] = [
  ['KILLED', 'به شهادت رسیدند|به شهادت رسید|کشته شدند|کشته شد|جان باختند'],
  ['WOUNDED', 'زخمی شدند|زخمی شد|مجروح شدند|مجروح شد'],
  ['ARRESTED', 'را بازداشت|بازداشت شدند|بازداشت و'],
];
/** Units that make a number a measure, not a count. */
const UNIT_AFTER = /^[\s-]*(?:%|percent|per cent|km|kilomet|miles?|metres?|meters?|tonnes?|tons?|pounds?|kg|kilo|barrels?|dollars?|years?|year-old|months?|days?|hours?|minutes?|b?pd|mw|billion|million)/iu;

function count(raw: string, qualifier: string | undefined): { min: number; max: number | null } | null {
  const key = raw.toLowerCase().replace(/\s+/g, ' ');
  const vague = VAGUE[key];
  let min: number;
  let max: number | null;
  if (vague !== undefined) [min, max] = vague;
  else {
    const millions = /^([\d.]+) million$/u.exec(key);
    let n = millions !== null ? Math.round(Number(millions[1]) * 1_000_000) : parseDigits(key);
    if (Number.isNaN(n)) {
      const [tens, ones] = key.split('-');
      n = (WORD_NUMBERS[tens === 'a dozen' ? 'a_dozen' : tens!] ?? NaN) + (ones === undefined ? 0 : WORD_NUMBERS[ones] ?? NaN);
    }
    if (!Number.isFinite(n) || n <= 0) return null;
    // A four-digit number from 1900 to 2100 next to a casualty word is still most likely a year ("the 2014 killings").
    if (/^\d{4}$/.test(key) && n >= 1900 && n <= 2100) return null;
    min = n;
    max = n;
  }
  const q = qualifier?.toLowerCase();
  if (q === 'at least' || q === 'more than' || q === 'over' || q === 'as many as') max = null;
  else if (q === 'up to' || q === 'fewer than' || q === 'less than') min = q === 'up to' ? Math.min(1, min) : 1;
  return { min, max };
}

interface Found {
  readonly kind: FigureKind;
  readonly min: number;
  readonly max: number | null;
  readonly start: number;
  readonly end: number;
}

function scanSentence(text: string, from: number, to: number, out: Found[]): void {
  const s = text.slice(from, to);
  const push = (kind: FigureKind, raw: string, qualifier: string | undefined, start: number, end: number, numEnd: number) => {
    if (UNIT_AFTER.test(text.slice(numEnd, numEnd + 12))) return;
    const c = count(raw, qualifier);
    if (c === null) return;
    if (out.some((f) => f.kind === kind && f.start < end && start < f.end)) return;
    out.push({ kind, ...c, start, end });
  };
  for (const [kind, words] of KIND_WORDS) {
    const re = new RegExp(NOUN_AFTER.source.replace('KINDWORD', words), 'giu');
    for (const m of s.matchAll(re)) {
      const numAt = from + m.index! + m[0].indexOf(m[2]!, (m[1] ?? '').length);
      push(kind, m[2]!, m[1], from + m.index!, from + m.index! + m[0].length, numAt + m[2]!.length);
    }
  }
  // "three of its fighters and two civilians were killed": the first count shares the verb.
  for (const f of [...out]) {
    if (f.start < from || f.start >= to) continue;
    const head = text.slice(Math.max(from, f.start - 60), f.start);
    const m = new RegExp(String.raw`(?<![\p{L}\p{N}])${QUAL}(${NUM})\s+(?:of\s+(?:its|their|the)\s+)?(?:[\p{L}'’-]+\s+){0,2}?[\p{L}-]+s\s+and\s+$`, 'iu').exec(head);
    if (m !== null) push(f.kind, m[2]!, m[1], f.start - head.length + m.index, f.start, f.start - head.length + m.index + m[0].indexOf(m[2]!) + m[2]!.length);
  }
  for (const [kind, verbs] of VERB_FIRST) {
    const re = new RegExp(VERB_BEFORE.source.replace('VERB', verbs), 'giu');
    for (const m of s.matchAll(re)) {
      const numAt = from + m.index! + m[0].indexOf(m[3]!, m[1]!.length);
      push(kind, m[3]!, m[2], from + m.index!, from + m.index! + m[0].length, numAt + m[3]!.length);
    }
  }
  // "killed at least 17 people and wounded dozens on Monday": the second verb's object is elided.
  for (const [kind, verbs] of VERB_FIRST) {
    const re = new RegExp(String.raw`(?<![\p{L}])and\s+(${verbs})\s+${QUAL}(${NUM})(?![\p{N}-])(?=\s*(?:[,.;]|$)|\s+(?:at|in|on|near|during|when|while|others|more|across)\b)`, 'giu');
    for (const m of s.matchAll(re)) {
      const numAt = from + m.index! + m[0].lastIndexOf(m[3]!);
      push(kind, m[3]!, m[2], from + m.index!, from + m.index! + m[0].length, numAt + m[3]!.length);
    }
  }
  // Arabic singular and dual nouns: "شهيد وجريحان", "أسفرت عن شهيد وجريحين".
  for (const m of s.matchAll(/(?<![\p{L}])[و]?(شهيد|قتيل|جريح|شهيدان|شهيدين|قتيلان|قتيلين|جريحان|جريحين)(?![\p{L}])/gu)) {
    const w = m[1]!;
    const kind: FigureKind = /^جريح/u.test(w) ? 'WOUNDED' : 'KILLED';
    push(kind, /(?:ان|ين)$/u.test(w) ? '2' : '1', undefined, from + m.index!, from + m.index! + m[0].length, from + m.index! + m[0].length);
  }
  // Persian: "دو مرزبان … به شهادت رسیدند", "سه تن دیگر زخمی شدند", "۱۵ خدمه را بازداشت کرد".
  for (const [kind, verb] of FA_VERBS) {
    const re = new RegExp(String.raw`(?<![\p{L}\p{N}])${FA_NUM}\s+(?:[^\s.،]+\s+){0,6}?(?:${verb})`, 'gu');
    for (const m of s.matchAll(re)) push(kind, FA_WORDS[m[1]!] ?? m[1]!, undefined, from + m.index!, from + m.index! + m[0].length, from + m.index! + m[1]!.length);
  }
  for (const m of s.matchAll(TOLL)) push('KILLED', m[3]!, m[2], from + m.index!, from + m.index! + m[0].length, from + m.index! + m[0].length);
  for (const m of s.matchAll(ATTACKS)) {
    const numAt = from + m.index! + m[0].indexOf(m[2]!, (m[1] ?? '').length);
    push('ATTACKS', m[2]!, m[1], from + m.index!, from + m.index! + m[0].length, numAt + m[2]!.length);
  }
  for (const [kind, nouns] of AR_NOUN_FIRST) {
    const re = new RegExp(String.raw`(?<![\p{L}])[وب]?(?:${nouns})\s+(?:(?:نحو|أكثر من|اكثر من|ما لا يقل عن)\s+)?${AR_NUM}(?![\p{N}])`, 'gu');
    for (const m of s.matchAll(re)) {
      const q = /أكثر من|اكثر من|ما لا يقل عن/u.test(m[0]) ? 'at least' : undefined;
      push(kind, m[1]!, q, from + m.index!, from + m.index! + m[0].length, from + m.index! + m[0].length);
    }
  }
  for (const [kind, nouns] of AR_COUNT_FIRST) {
    const re = new RegExp(String.raw`(?:(?<=(?:^|[\s(])و)|(?<![\p{L}\p{N}]))${AR_NUM}\s+(?:من\s+)?(?:${nouns})(?![\p{L}])`, 'gu');
    for (const m of s.matchAll(re)) push(kind, m[1]!, undefined, from + m.index!, from + m.index! + m[0].length, from + m.index! + m[1]!.length + 0);
  }
}

/**
 * The figures of an article, in text order, each once: the same count in the title and again
 * in the body is reported from each field (the evaluator compares kinds and ranges).
 */
export function extractFigures(input: StatementInput): Figure[] {
  const figures: Figure[] = [];
  for (const field of STATEMENT_FIELDS) {
    const text = field === 'title' ? input.title : field === 'summary' ? input.summary : input.content;
    if (text === '') continue;
    const found: Found[] = [];
    for (const sp of sentenceSpans(text)) scanSentence(text, sp.start, sp.end, found);
    found.sort((a, b) => a.start - b.start);
    for (const f of found) {
      figures.push({ kind: f.kind, min: f.min, max: f.max, text: text.slice(f.start, f.end), evidence: textEvidence(input, field, f.start, f.end) });
    }
  }
  return dedupe([...figures.filter((f) => f.evidence.field !== 'title'), ...figures.filter((f) => f.evidence.field === 'title')]).sort((a, b) => fieldRank(a) - fieldRank(b) || a.evidence.start - b.evidence.start);
}

/** The same kind and count stated twice ("32 killed" in the title, "at least 32 people were killed" in the body) is one figure; the body's wording wins. */
function dedupe(figures: readonly Figure[]): Figure[] {
  const seen = new Set<string>();
  return figures.filter((f) => {
    const key = `${f.kind}:${f.min}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const fieldRank = (f: Figure): number => (f.evidence.field === 'title' ? 0 : f.evidence.field === 'summary' ? 1 : 2);
