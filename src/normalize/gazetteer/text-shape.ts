/**
 * The shape of text around a match, for the tagger: evidence snippets, whether a text is
 * shouting (an all-capitals headline proves nothing about an acronym), runs of capitals, common
 * words that are also acronyms, whole-word search in folded text. Pure; memoised per code unit.
 */
import { isWordChar } from './fold.ts';

const SNIPPET_RADIUS = 55;

/** ~120 characters around `[start, end)`, cut at spaces, whitespace folded. */
export function snippetAround(text: string, start: number, end: number): string {
  let s = Math.max(0, start - SNIPPET_RADIUS);
  let e = Math.min(text.length, end + SNIPPET_RADIUS);
  if (s > 0) {
    const space = text.indexOf(' ', s);
    if (space >= 0 && space < start) s = space + 1;
  }
  if (e < text.length) {
    const space = text.lastIndexOf(' ', e);
    if (space >= end) e = space;
  }
  const body = isTidy(text, s, e) ? text.slice(s, e) : text.slice(s, e).replace(/\s+/g, ' ').trim();
  return s > 0 ? (e < text.length ? `…${body}…` : `…${body}`) : e < text.length ? `${body}…` : body;
}

/** True when `text[s, e)` has no whitespace but single spaces inside it: folding would not change it. */
function isTidy(text: string, s: number, e: number): boolean {
  let prevSpace = true; // a leading space needs trimming
  for (let i = s; i < e; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if (code < 32 || (code >= 0x80 && (charClass(code) & 16) !== 0)) return false;
    else prevSpace = false;
  }
  return !prevSpace || e === s;
}

/** Per BMP code unit: 1 = computed, 2 = letter (\p{L}), 4 = cased, 8 = upper case (see {@link charClass}). */
const CHAR_CLASS = new Uint8Array(0x10000);
const LETTER_RE = /\p{L}/u;
const SPACE_RE = /\s/u;

function classOf(ch: string): number {
  let bits = 1;
  if (LETTER_RE.test(ch)) {
    bits |= 2;
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      bits |= 4;
      if (ch === ch.toUpperCase()) bits |= 8;
    }
  }
  if (SPACE_RE.test(ch)) bits |= 16;
  return bits;
}

/** Letter, case and space bits of a BMP code unit, memoised. */
export function charClass(code: number): number {
  let bits = CHAR_CLASS[code]!;
  if (bits === 0) {
    bits = classOf(String.fromCharCode(code));
    CHAR_CLASS[code] = bits;
  }
  return bits;
}

/** True for text of four or more words written mostly in capitals. */
export function isShouting(text: string): boolean {
  // One pass, no allocation. Shouting needs upper/cased > 0.8, so lower < 0.2 × cased ≤ 0.2 ×
  // length: ordinary prose is decided after its first few words.
  const lowerLimit = 0.2 * text.length;
  let letters = 0;
  let cased = 0;
  let upper = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let bits: number;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        bits = classOf(text.slice(i, i + 2));
        i++;
      } else bits = charClass(code);
    } else bits = charClass(code);
    if ((bits & 16) !== 0) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
    if ((bits & 2) === 0) continue;
    letters++;
    if ((bits & 4) === 0) continue; // Arabic and other uncased scripts
    cased++;
    if ((bits & 8) !== 0) upper++;
    else if (cased - upper > lowerLimit) return false;
  }
  return letters >= 12 && words >= 4 && cased >= 12 && upper / cased > 0.8;
}

/** Acronyms that are also English words ("US", "IS", "IT"): in a run of capitals they prove nothing. */
const COMMON_WORDS = new Set('us is it am an as at be by do go he if in me my no of on or so to up we all and are but can for has her him his how its may new not now one our out she the was who why you aid arm art war win oil man'.split(' '));

export function isCommonWord(alias: string): boolean {
  return !alias.includes('.') && COMMON_WORDS.has(alias.toLowerCase());
}

const isCapsWord = (w: string): boolean => w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase();

/**
 * True when `[start, end)` sits in a run of at least three words in capitals ("… M. IS NEW
 * CHIEF …", "US STRIKES HIT YEMEN"), but not next to one other acronym ("US CENTCOM said").
 */
export function inCapitalsRun(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start).split(/[^\p{L}]+/u).filter((w) => w !== '').reverse();
  const after = text.slice(end, end + 40).split(/[^\p{L}]+/u).filter((w) => w !== '');
  let run = 0;
  for (const side of [before, after]) {
    for (const w of side.slice(0, 2)) {
      if (w.length === 1) continue; // an initial ("M.")
      if (!isCapsWord(w)) break;
      run++;
    }
  }
  return run >= 2;
}

/** True when the folded `term` occurs as whole words in the folded `text`. */
export function hasWord(text: string, term: string): boolean {
  if (term === '') return false;
  let i = text.indexOf(term);
  while (i >= 0) {
    if (!isWordChar(text[i - 1]) && !isWordChar(text[i + term.length])) return true;
    i = text.indexOf(term, i + 1);
  }
  return false;
}
