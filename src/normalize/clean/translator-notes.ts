/**
 * Translator notes: what a translation service adds inside a translated article — "[TN: the
 * original says 'the channel']", "(Translator's note: a reference to …)", "[ملاحظة المترجم: …]",
 * or a whole paragraph "Translator's note: …". They are useful to the analyst but are not the
 * article's words: an actor named only in a note must not be tagged on the article. This step
 * takes them out of the text and returns them apart.
 *
 * Decision on editor's notes: "[Editor's note: …]" is NOT extracted. It is the outlet's own
 * voice (a correction, an update, context the newsroom chose to add) and belongs to the
 * article as published; a translator note belongs to the translation service.
 */

/** Names of a translator note, as they open an inline note after `[` or `(`. */
const NOTE_NAMES = [
  // English: TN, T.N., T/N, Translator's note, Translators' notes, Trans. note
  String.raw`T\.?\s?[N/]\.?(?=\s*[:：]|\s*[-–—]\s)`,
  String.raw`T\/N`,
  String.raw`Translator(?:['’]s|s['’]?)?\s+notes?`,
  String.raw`Trans(?:l)?\.\s*notes?`,
  // French: Note du traducteur, NdT, N.d.T.
  String.raw`Notes?\s+du\s+traducteur`,
  String.raw`N\.?\s?d\.?\s?T\.?(?=\s*[:：]|\s*[-–—]\s)`,
  // Spanish/Italian/Portuguese
  String.raw`Nota\s+del?\s+(?:traductor|traduttore|tradutor)`,
  // Arabic: ملاحظة المترجم, ملاحظة من المترجم, توضيح المترجم, المترجم:
  String.raw`(?:ملاحظة|ملاحظه|توضيح|تعليق|هامش)\s+(?:من\s+)?المترجم`,
  String.raw`المترجم(?=\s*[:：]|\s*[-–—]\s)`,
  // Persian: یادداشت مترجم, توضیح مترجم, مترجم:
  String.raw`(?:یادداشت|توضیح|پانوشت)\s+(?:از\s+)?مترجم`,
  String.raw`مترجم(?=\s*[:：]|\s*[-–—]\s)`,
];

/** Separator after the note's name: colon, dash, or nothing ("[Translator’s note the …]"). */
const SEPARATOR = String.raw`\s*[:：\-–—.]?\s*`;

/** `[` or `(` then a note name: the start of an inline note. */
const INLINE_OPENER = new RegExp(String.raw`[\[(]\s*(?:${NOTE_NAMES.join('|')})${SEPARATOR}`, 'giu');

/** A paragraph that is wholly a note: "Translator's note: …", "TN: …", "ملاحظة المترجم: …". */
const PARAGRAPH_NOTE = new RegExp(
  String.raw`^\s*(?:${NOTE_NAMES.join('|')})\s*[:：\-–—]\s*(?<note>[\s\S]+)$`,
  'iu',
);

const CLOSER: Readonly<Record<string, string>> = { '[': ']', '(': ')' };

/** The text with its translator notes taken out, and the notes (inner text, trimmed) in order. */
export interface NotesExtraction {
  readonly text: string;
  readonly notes: readonly string[];
}

/**
 * Takes the translator notes out of one paragraph (or title). A paragraph that is wholly a
 * note becomes empty text with that note. Inline notes are matched with their own closing
 * bracket, counting nested brackets ("[TN: the 'Popular Mobilisation' (PMF) [sic]]"); a note
 * left open runs to the end of the paragraph. The text left behind is tidied: no double
 * spaces, no space before punctuation.
 */
export function extractTranslatorNotes(paragraph: string): NotesExtraction {
  const whole = PARAGRAPH_NOTE.exec(paragraph);
  if (whole?.groups?.['note'] !== undefined) {
    const note = tidy(stripWrapping(whole.groups['note']));
    return { text: '', notes: note === '' ? [] : [note] };
  }
  const notes: string[] = [];
  let text = '';
  let cursor = 0;
  INLINE_OPENER.lastIndex = 0;
  for (let match = INLINE_OPENER.exec(paragraph); match !== null; match = INLINE_OPENER.exec(paragraph)) {
    if (match.index < cursor) continue;
    const bodyStart = match.index + match[0].length;
    const close = findClose(paragraph, match.index, bodyStart);
    const note = tidy(paragraph.slice(bodyStart, close));
    if (note !== '') notes.push(note);
    text += paragraph.slice(cursor, match.index);
    cursor = Math.min(paragraph.length, close + 1);
    INLINE_OPENER.lastIndex = cursor;
  }
  if (notes.length === 0 && cursor === 0) return { text: paragraph, notes: [] };
  text += paragraph.slice(cursor);
  return { text: tidy(text), notes };
}

/** True when `text` carries a translator note anywhere (inline or as a whole paragraph). */
export function hasTranslatorNote(text: string): boolean {
  INLINE_OPENER.lastIndex = 0;
  return INLINE_OPENER.test(text) || PARAGRAPH_NOTE.test(text);
}

/**
 * Index of the bracket closing the one at `open`, or the text's length when it is never
 * closed. Other bracket pairs inside are skipped as a whole.
 */
function findClose(text: string, open: number, from: number): number {
  const expected: string[] = [CLOSER[text[open]!] ?? ']'];
  for (let i = from; i < text.length; i += 1) {
    const ch = text[i]!;
    const closer = CLOSER[ch];
    if (closer !== undefined) expected.push(closer);
    else if (ch === expected[expected.length - 1]) {
      expected.pop();
      if (expected.length === 0) return i;
    }
  }
  return text.length;
}

/** Removes one pair of brackets wrapping the whole text, if any. */
function stripWrapping(text: string): string {
  const trimmed = text.trim();
  const first = trimmed[0];
  if (first !== undefined && CLOSER[first] === trimmed[trimmed.length - 1]) return trimmed.slice(1, -1);
  return trimmed;
}

/** Folds spaces and removes the space a removed note leaves before punctuation. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([.,;:!?،؛؟)\]»”])/g, '$1')
    .replace(/([(\[«“]) +/g, '$1')
    .trim();
}
