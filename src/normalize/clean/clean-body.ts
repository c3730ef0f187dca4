/**
 * The cleaning of one HTML body, composed from the single-job steps: paragraphs
 * (html-to-text), the reader-comments tail and comment containers (reader-comments), page
 * chrome (page-chrome), translator notes (translator-notes). Returns the article's own
 * paragraphs, what was set aside, and the source ranges to cut from the HTML so that the
 * sanitised HTML loses the same chrome and comments as the text.
 */
import { htmlToText, type TextBlock, type TextLine } from './html-to-text.ts';
import { chromeKind, isListEntry, isListHeading, stripShareTail, type ChromeKind } from './page-chrome.ts';
import { findCommentsTail, isCommentContainer, isCommentsMarker } from './reader-comments.ts';
import { phraseKey, wordCount } from './text.ts';
import { extractTranslatorNotes } from './translator-notes.ts';

/** A half-open range `[start, end)` of source HTML offsets. */
export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

/** What cleaning one body yields: the article's paragraphs, what was set aside, and what to cut from the HTML. */
export interface CleanedBody {
  /** The article's own paragraphs (lines of one paragraph joined with "\n"), notes removed. */
  readonly paragraphs: readonly string[];
  /** Translator notes of the article text, in page order. */
  readonly translatorNotes: readonly string[];
  /** Reader comments, one per HTML block, as written (their own notes left in place). */
  readonly comments: readonly string[];
  /** Source ranges of chrome and comment paragraphs, to cut from the HTML. */
  readonly removed: readonly SourceRange[];
  /** Source offset where the comments tail starts (cut everything from here), or null. */
  readonly tailStart: number | null;
  /** `src` of the images of the body, as written. */
  readonly images: readonly string[];
  /** What was dropped, by kind, for warnings and debugging. */
  readonly dropped: Readonly<Record<ChromeKind | 'title' | 'kicker', number>>;
}

/** What cleaning needs to know about the article besides its body. */
export interface CleanOptions {
  /** The article's title, cleaned: a body paragraph repeating it is dropped, with a kicker above it. */
  readonly title?: string;
}

interface Unit {
  readonly block: TextBlock;
  readonly blockIndex: number;
  readonly line: TextLine;
  chrome: ChromeKind | null;
  readonly inComments: boolean;
}

/**
 * Cleans an HTML body (or plain text). Lines are the unit: a marker or a share line inside a
 * `<br>`-separated paragraph is found as well as one in its own `<p>`. Comment notes stay in
 * the comments (a note detached from its comment would read as a note on the article).
 */
export function cleanBody(html: string, options: CleanOptions = {}): CleanedBody {
  const { blocks, images } = htmlToText(html);
  const units: Unit[] = blocks.flatMap((block, blockIndex) =>
    block.lines.map((line) => ({
      block,
      blockIndex,
      line,
      chrome: chromeKind(line.text, block),
      inComments: isCommentContainer(block.hints),
    })),
  );
  markLinkLists(units);
  const dropped: Record<ChromeKind | 'title' | 'kicker', number> = { chrome: 0, caption: 0, byline: 0, title: 0, kicker: 0 };
  const removed: SourceRange[] = [];
  const remove = (unit: Unit): void => {
    removed.push({ start: unit.line.start, end: unit.line.end });
  };

  const tail = findCommentsTail(units.map((unit) => ({ text: unit.line.text, hints: unit.block.hints, chrome: unit.chrome !== null })));
  const bodyUnits = tail === -1 ? units : units.slice(0, tail);
  const tailUnits = tail === -1 ? [] : units.slice(tail);

  const titleIndex = findTitle(bodyUnits, options.title);
  const kept = new Map<number, string[]>();
  const notes: string[] = [];
  const commentBlocks = new Map<number, string[]>();
  const addComment = (unit: Unit): void => {
    if (unit.chrome !== null || isCommentsMarker(unit.line.text)) return;
    const lines = commentBlocks.get(unit.blockIndex) ?? [];
    lines.push(unit.line.text);
    commentBlocks.set(unit.blockIndex, lines);
  };

  bodyUnits.forEach((unit, index) => {
    if (unit.inComments) {
      addComment(unit);
      remove(unit);
      return;
    }
    if (index === titleIndex) {
      dropped.title += 1;
      remove(unit);
      return;
    }
    if (titleIndex > 0 && index < titleIndex && isKicker(unit.line.text)) {
      dropped.kicker += 1;
      remove(unit);
      return;
    }
    if (unit.chrome !== null) {
      dropped[unit.chrome] += 1;
      remove(unit);
      return;
    }
    const extraction = extractTranslatorNotes(stripShareTail(unit.line.text));
    notes.push(...extraction.notes);
    if (extraction.text === '') return;
    const lines = kept.get(unit.blockIndex) ?? [];
    lines.push(extraction.text);
    kept.set(unit.blockIndex, lines);
  });
  tailUnits.forEach(addComment);

  return {
    paragraphs: [...kept.values()].map((lines) => lines.join('\n')),
    translatorNotes: notes,
    comments: [...commentBlocks.values()].map((lines) => lines.join('\n')),
    removed,
    tailStart: tailUnits[0]?.line.start ?? null,
    images,
    dropped,
  };
}

/**
 * The entries of a link list ("Most read", "Related articles", "الأكثر قراءة") are chrome: after
 * such a heading, every following line that reads like a list entry (short, numbered or without a
 * closing full stop) is marked chrome, up to the first line of prose or the comments.
 */
function markLinkLists(units: Unit[]): void {
  let inList = false;
  for (const unit of units) {
    if (isListHeading(unit.line.text)) {
      inList = true;
      unit.chrome ??= 'chrome';
      continue;
    }
    if (!inList) continue;
    if (unit.inComments || isCommentsMarker(unit.line.text)) {
      inList = false; // the comments start: they are set aside as comments, not dropped as chrome
      continue;
    }
    if (unit.chrome !== null) continue;
    if (isListEntry(unit.line.text)) unit.chrome = 'chrome';
    else inList = false;
  }
}

/** Index of the unit repeating the title among the first few, or -1. */
function findTitle(units: readonly Unit[], title: string | undefined): number {
  if (!title) return -1;
  const key = phraseKey(title);
  if (key === '') return -1;
  const limit = Math.min(units.length, 5);
  for (let i = 0; i < limit; i += 1) if (phraseKey(units[i]!.line.text) === key) return i;
  return -1;
}

/** A section label above a repeated title: up to three words, no sentence punctuation ("Security", "أمن"). */
function isKicker(text: string): boolean {
  return wordCount(text) <= 3 && !/[.!?؟:]$/.test(text.trim());
}
