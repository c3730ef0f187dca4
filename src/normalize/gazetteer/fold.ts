/**
 * Text folding shared by dictionary aliases and article text, so that "Kata'ib Hizbullah",
 * "KATAIB-HIZBULLAH" and "Kataʼib Ḥizbullah" meet on one form, and Arabic/Persian spellings
 * (hamza seats, harakat, tatweel, ی/ي, ک/ك, ة/ه) meet too. Folding keeps an offset map so a
 * match found in folded text is reported at its offsets in the ORIGINAL string (evidence
 * offsets index the cleaned field text the analyst sees).
 */

/** Folded text and, per folded UTF-16 unit, the original span it came from. */
export interface FoldedText {
  readonly text: string;
  /** `starts[i]`: offset in the original of the code point folded char `i` came from. */
  readonly starts: Int32Array;
  /** `ends[i]`: offset just after that code point in the original. */
  readonly ends: Int32Array;
}

export interface FoldOptions {
  /** Keep letter case (used to check case-sensitive aliases such as "US" or "KH"). */
  readonly keepCase?: boolean;
}

const APOSTROPHES = new Set(["'", '\u2019', '\u2018', '`', '\u02BC', '\u02BF', '\u02BE', '\u00B4', '\u2032', '\u02B9', '\u02BB']);
const DASHES = new Set(['-', '_', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D']);
/** Invisible format characters that are dropped (soft hyphen, bidi marks, ZWJ, BOM). */
const DROPPED = new Set(['\u00AD', '\u200B', '\u200D', '\u200E', '\u200F', '\u061C', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF', '\u0640']);
/** Single-letter replacements applied after NFKD and mark stripping. */
const LETTER_MAP: Record<string, string> = {
  '\u0671': '\u0627', // ٱ alef wasla
  '\u0649': '\u064A', // ى alef maqsura → ي
  '\u06CC': '\u064A', // Persian ی → ي
  '\u06D2': '\u064A', // ے
  '\u06A9': '\u0643', // Persian ک → ك
  '\u0629': '\u0647', // ة → ه
  '\u06C0': '\u0647', // ۀ
  '\u06D5': '\u0647', // ە (Kurdish ae) → ه
  '\u200C': ' ', // ZWNJ (Persian half-space) separates words for matching
  '\u00DF': 'ss',
  '\u0131': 'i', // dotless i
  '\u0142': 'l',
  '\u00F8': 'o',
  '\u0111': 'd',
  '\u00E6': 'ae',
  '\u0153': 'oe',
};
const MARK = /\p{M}/u;
const SPACE = /\s/u;
const cache = new Map<string, string>();
const cacheKeepCase = new Map<string, string>();

function foldCodePoint(ch: string, keepCase: boolean): string {
  const memo = keepCase ? cacheKeepCase : cache;
  const hit = memo.get(ch);
  if (hit !== undefined) return hit;
  let out: string;
  if (APOSTROPHES.has(ch) || DROPPED.has(ch)) out = '';
  else if (DASHES.has(ch) || SPACE.test(ch)) out = ' ';
  else {
    out = '';
    for (const part of ch.normalize('NFKD')) {
      if (MARK.test(part)) continue;
      const lowered = keepCase ? part : part.toLowerCase();
      for (const p of lowered.normalize('NFKD')) {
        if (MARK.test(p)) continue;
        const code = p.codePointAt(0) ?? 0;
        if (code >= 0x0660 && code <= 0x0669) out += String(code - 0x0660);
        else if (code >= 0x06f0 && code <= 0x06f9) out += String(code - 0x06f0);
        else out += LETTER_MAP[p] ?? (APOSTROPHES.has(p) ? '' : DASHES.has(p) || SPACE.test(p) ? ' ' : p);
      }
    }
  }
  if (memo.size < 20_000) memo.set(ch, out);
  return out;
}

/**
 * Folds `input` (case unless `keepCase`, diacritics, apostrophes, dashes, Arabic/Persian letter
 * variants, digits) and collapses whitespace (no leading space, at most one in a row).
 */
export function foldWithMap(input: string, options: FoldOptions = {}): FoldedText {
  const keepCase = options.keepCase === true;
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < input.length) {
    const code = input.charCodeAt(i);
    let out: string;
    let width = 1;
    if (code < 0x80) {
      // ASCII fast path.
      if (code >= 65 && code <= 90) out = keepCase ? input[i]! : String.fromCharCode(code + 32);
      else if (code === 39 || code === 96) out = '';
      else if (code === 45 || code === 95 || code === 32 || (code >= 9 && code <= 13)) out = ' ';
      else out = input[i]!;
    } else {
      const cp = input.codePointAt(i) ?? code;
      width = cp > 0xffff ? 2 : 1;
      out = foldCodePoint(input.slice(i, i + width), keepCase);
    }
    for (const c of out) {
      if (c === ' ' && (text.length === 0 || text.endsWith(' '))) continue;
      for (let k = 0; k < c.length; k++) {
        text += c[k];
        starts.push(i);
        ends.push(i + width);
      }
    }
    i += width;
  }
  return { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** The folded form alone (aliases, search keys, context terms), with the trailing space trimmed. */
export function fold(input: string, options: FoldOptions = {}): string {
  return foldWithMap(input, options).text.trimEnd();
}

/** Maps a `[start, end)` range of folded text back to the original string's offsets. */
export function originalRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  const s = folded.starts[start];
  const e = folded.ends[end - 1];
  if (s === undefined || e === undefined) throw new RangeError(`folded range [${start}, ${end}) is outside the text (length ${folded.text.length})`);
  return { start: s, end: e };
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** True for letters, digits and marks: what a word boundary separates. */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return WORD.test(ch);
}
