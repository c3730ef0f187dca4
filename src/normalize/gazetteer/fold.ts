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
/** Folded form per BMP code unit, filled on first sight (one table per case mode): no hashing in the hot loop. */
const bmpFolded: (string | undefined)[] = new Array<string | undefined>(0x10000).fill(undefined);
const bmpFoldedKeepCase: (string | undefined)[] = new Array<string | undefined>(0x10000).fill(undefined);
/** Astral code points are rare (mathematical letters, emoji): a map is enough. */
const astralFolded = new Map<number, string>();
const astralFoldedKeepCase = new Map<number, string>();

function foldCodePoint(ch: string, keepCase: boolean): string {
  if (APOSTROPHES.has(ch) || DROPPED.has(ch)) return '';
  if (DASHES.has(ch) || SPACE.test(ch)) return ' ';
  let out = '';
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
  return out;
}

/** The folded form of the non-ASCII code point `cp` (memoised per code point). */
function foldedOf(cp: number, keepCase: boolean): string {
  if (cp <= 0xffff) {
    const table = keepCase ? bmpFoldedKeepCase : bmpFolded;
    let out = table[cp];
    if (out === undefined) {
      out = foldCodePoint(String.fromCharCode(cp), keepCase);
      table[cp] = out;
    }
    return out;
  }
  const memo = keepCase ? astralFoldedKeepCase : astralFolded;
  let out = memo.get(cp);
  if (out === undefined) {
    out = foldCodePoint(String.fromCodePoint(cp), keepCase);
    if (memo.size < 20_000) memo.set(cp, out);
  }
  return out;
}

/**
 * Scratch buffers of the fold loop, grown on demand and reused between calls (folding runs
 * on one thread, and every call copies out what it returns), so a call allocates only its
 * result.
 */
let scratchText = new Uint16Array(4096);
let scratchStarts = new Int32Array(4096);
let scratchEnds = new Int32Array(4096);

function growScratch(min: number): void {
  let size = scratchText.length;
  while (size < min) size *= 2;
  const text = new Uint16Array(size);
  text.set(scratchText);
  const starts = new Int32Array(size);
  starts.set(scratchStarts);
  const ends = new Int32Array(size);
  ends.set(scratchEnds);
  scratchText = text;
  scratchStarts = starts;
  scratchEnds = ends;
}

const utf16 = new TextDecoder('utf-16le');

/** Set by the fold loop when the input held a lone surrogate, which TextDecoder would replace. */
let scratchHasLoneSurrogate = false;

/** The first `length` units of the scratch text as a string. */
function scratchString(length: number): string {
  if (length === 0) return '';
  if (length > 64 && !scratchHasLoneSurrogate) return utf16.decode(scratchText.subarray(0, length));
  let out = '';
  for (let i = 0; i < length; i += 4096) out += String.fromCharCode.apply(null, scratchText.subarray(i, Math.min(length, i + 4096)) as unknown as number[]);
  return out;
}

/**
 * The fold loop: writes the folded units of `input` into the scratch buffers and returns how
 * many. ASCII is folded inline; any other code point through its memoised folded form.
 */
function foldIntoScratch(input: string, keepCase: boolean): number {
  const length = input.length;
  if (scratchText.length < length + 8) growScratch(length + 8);
  let n = 0;
  let lastSpace = true; // no leading space
  scratchHasLoneSurrogate = false;
  let i = 0;
  while (i < length) {
    const code = input.charCodeAt(i);
    if (code < 0x80) {
      // ASCII fast path.
      let c = code;
      if (code >= 65 && code <= 90) {
        if (!keepCase) c = code + 32;
      } else if (code === 39 || code === 96) {
        i++;
        continue;
      } else if (code === 45 || code === 95 || code === 32 || (code >= 9 && code <= 13)) c = 32;
      if (c === 32) {
        if (lastSpace) {
          i++;
          continue;
        }
        lastSpace = true;
      } else lastSpace = false;
      if (n >= scratchText.length) growScratch(n + 1);
      scratchText[n] = c;
      scratchStarts[n] = i;
      scratchEnds[n] = i + 1;
      n++;
      i++;
      continue;
    }
    let cp = code;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      const low = input.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    if (width === 1 && code >= 0xd800 && code <= 0xdfff) scratchHasLoneSurrogate = true;
    const out = foldedOf(cp, keepCase);
    if (n + out.length > scratchText.length) growScratch(n + out.length);
    for (let k = 0; k < out.length; k++) {
      const c = out.charCodeAt(k);
      if (c === 32) {
        if (lastSpace) continue;
        lastSpace = true;
      } else lastSpace = false;
      scratchText[n] = c;
      scratchStarts[n] = i;
      scratchEnds[n] = i + width;
      n++;
    }
    i += width;
  }
  return n;
}

/**
 * Folds `input` (case unless `keepCase`, diacritics, apostrophes, dashes, Arabic/Persian letter
 * variants, digits) and collapses whitespace (no leading space, at most one in a row).
 */
export function foldWithMap(input: string, options: FoldOptions = {}): FoldedText {
  const n = foldIntoScratch(input, options.keepCase === true);
  return { text: scratchString(n), starts: scratchStarts.slice(0, n), ends: scratchEnds.slice(0, n) };
}

/** The folded form alone (aliases, search keys, context terms), with the trailing space trimmed. */
export function fold(input: string, options: FoldOptions = {}): string {
  let n = foldIntoScratch(input, options.keepCase === true);
  if (n > 0 && scratchText[n - 1] === 32) n--;
  return scratchString(n);
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
