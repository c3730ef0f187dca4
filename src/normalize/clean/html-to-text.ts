/**
 * HTML body → paragraphs of plain text, with enough context for the cleaning steps after it:
 * which element each paragraph came from, the class/id words of its containers (a
 * `<div class="comments">` says what follows is not the article), and where it sits in the
 * source HTML, so that what cleaning removes from the text can be removed from the HTML too.
 * Parsing is htmlparser2's: lenient with the broken markup feeds carry.
 */
import { Parser } from 'htmlparser2';
import { foldWhitespace, plainText } from './text.ts';

/** One line of a paragraph (paragraphs split on `<br>`), with its range in the source HTML. */
export interface TextLine {
  /** Decoded, whitespace-folded text. */
  readonly text: string;
  /** Offset of the first source character of the line's first text node. */
  readonly start: number;
  /** Offset just after the last source character of the line's last text node. */
  readonly end: number;
}

/** A paragraph: the text of one block element (or of a run of loose text), split into lines. */
export interface TextBlock {
  /** The lines joined with "\n". */
  readonly text: string;
  readonly lines: readonly TextLine[];
  /** The nearest block element (`p`, `li`, `h1`, …), or `` for loose text in the root. */
  readonly tag: string;
  /** Element names from the root to the block, outermost first. */
  readonly path: readonly string[];
  /** Lower-cased class and id values of the block and its ancestors, space separated. */
  readonly hints: string;
  /** Range of the whole block in the source: first line's start to last line's end. */
  readonly start: number;
  readonly end: number;
}

/** A body as paragraphs, plus its images (the lead-image fallback). */
export interface HtmlText {
  readonly blocks: readonly TextBlock[];
  /** `src` of every `<img>`, in order, as written (maybe relative). */
  readonly images: readonly string[];
}

/** Elements that end a paragraph. `br` is handled apart (line break; two in a row end a paragraph). */
const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'address article aside blockquote body caption center dd details dialog dir div dl dt fieldset ' +
    'figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre ' +
    'section summary table tbody td tfoot th thead tr ul'
  ).split(' '),
);

/** Elements whose content is never article text: code, embeds, and forms (comment boxes, captchas). */
const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set(
  'script style noscript template iframe object embed svg math head title select option textarea button form'.split(' '),
);

/** Void elements never get a close event we can count on. */
const VOID_ELEMENTS: ReadonlySet<string> = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);

interface OpenElement {
  readonly name: string;
  readonly hints: string;
}

/**
 * Splits an HTML fragment into paragraphs. Block elements start and end paragraphs; `<br>` ends
 * a line, and two `<br>` in a row (the "paragraphs" of many CMS exports) end a paragraph; text of
 * script, style, forms and embeds is dropped; entities are decoded; whitespace is folded within
 * each line. Empty paragraphs are not returned.
 */
export function htmlToText(html: string): HtmlText {
  if (!/<[a-z!/]/i.test(html)) return plainToText(html);
  const blocks: TextBlock[] = [];
  const images: string[] = [];
  const stack: OpenElement[] = [];
  let skipped = 0;

  // The paragraph being built: finished lines, and the current line's text pieces and range.
  let lines: TextLine[] = [];
  let pieces: string[] = [];
  let lineStart = -1;
  let lineEnd = -1;
  let brRun = 0;

  const endLine = (): void => {
    const text = foldWhitespace(pieces.join(''));
    if (text !== '') lines.push({ text, start: lineStart, end: lineEnd });
    pieces = [];
    lineStart = -1;
    lineEnd = -1;
  };

  const endBlock = (): void => {
    endLine();
    brRun = 0;
    if (lines.length === 0) return;
    const blockElements = stack.filter((el) => BLOCK_ELEMENTS.has(el.name));
    const first = lines[0]!;
    const last = lines[lines.length - 1]!;
    blocks.push({
      text: lines.map((line) => line.text).join('\n'),
      lines,
      tag: blockElements[blockElements.length - 1]?.name ?? '',
      path: stack.map((el) => el.name),
      hints: stack
        .map((el) => el.hints)
        .filter((hint) => hint !== '')
        .join(' '),
      start: first.start,
      end: last.end,
    });
    lines = [];
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (skipped > 0) {
          if (SKIPPED_ELEMENTS.has(name) && !VOID_ELEMENTS.has(name)) skipped += 1;
          return;
        }
        if (name === 'img') {
          const src = attribs['src'] ?? attribs['data-src'];
          if (src) images.push(src);
          return;
        }
        if (name === 'br') {
          brRun += 1;
          if (brRun >= 2) endBlock();
          else endLine();
          return;
        }
        if (SKIPPED_ELEMENTS.has(name)) {
          if (!VOID_ELEMENTS.has(name)) skipped += 1;
          return;
        }
        if (VOID_ELEMENTS.has(name)) {
          if (name === 'hr') endBlock();
          return;
        }
        if (BLOCK_ELEMENTS.has(name)) endBlock();
        const hints = [attribs['class'] ?? '', attribs['id'] ?? ''].join(' ').trim().toLowerCase();
        stack.push({ name, hints });
      },
      ontext(text) {
        if (skipped > 0) return;
        if (text.trim() !== '') brRun = 0;
        if (lineStart < 0) {
          if (text.trim() === '') return;
          lineStart = parser.startIndex;
        }
        pieces.push(text);
        if (text.trim() !== '') lineEnd = parser.endIndex + 1;
      },
      onclosetag(name) {
        if (skipped > 0) {
          if (SKIPPED_ELEMENTS.has(name) && !VOID_ELEMENTS.has(name)) skipped -= 1;
          return;
        }
        if (VOID_ELEMENTS.has(name) || SKIPPED_ELEMENTS.has(name)) return;
        const index = findLastIndex(stack, (el) => el.name === name);
        if (index === -1) return;
        if (BLOCK_ELEMENTS.has(name)) endBlock();
        stack.length = index;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  endBlock();
  return { blocks, images };
}

/**
 * Text without any markup (JSON Feed `content_text`, feeds that send plain text): blank lines
 * separate paragraphs, newlines separate lines; entities are still decoded.
 */
function plainToText(text: string): HtmlText {
  const blocks: TextBlock[] = [];
  const paragraph = /[^\n]+(?:\n[^\S\n]*[^\s][^\n]*)*/g;
  for (const match of text.matchAll(paragraph)) {
    const lines: TextLine[] = [];
    let offset = match.index;
    for (const raw of match[0].split('\n')) {
      const decoded = plainText(raw);
      if (decoded !== '') lines.push({ text: decoded, start: offset, end: offset + raw.length });
      offset += raw.length + 1;
    }
    if (lines.length === 0) continue;
    blocks.push({
      text: lines.map((line) => line.text).join('\n'),
      lines,
      tag: '',
      path: [],
      hints: '',
      start: lines[0]!.start,
      end: lines[lines.length - 1]!.end,
    });
  }
  return { blocks, images: [] };
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i -= 1) if (predicate(items[i]!)) return i;
  return -1;
}
