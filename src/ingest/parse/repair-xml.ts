/**
 * Pre-sanitises a feed document for rss-parser, whose XML parser (xml2js over sax, strict
 * mode) rejects a whole document for one bare `&`, one `&nbsp;` or one control character —
 * all common in real feeds written by string templates. Each repair is counted and reported as
 * an "ill-formed XML" warning, so the operator sees that the feed is broken even though its
 * items were read. Pure: text in, text and warnings out.
 */
import { decodeHTMLStrict } from 'entities';

export interface RepairResult {
  readonly text: string;
  readonly warnings: string[];
}

export interface RepairOptions {
  /** Offset of the root element (from detectFormat); everything before it is dropped. */
  readonly rootIndex: number;
  /** Whether what precedes the root is junk rather than prolog (reported as a repair). */
  readonly junkBeforeRoot: boolean;
  /** Nesting limit (default {@link MAX_NESTING_DEPTH}). */
  readonly maxDepth?: number;
}

/** The five entities XML defines itself. */
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** Characters XML 1.0 forbids (§2.2): C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates. */
const ILLEGAL_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Sections whose text must not be touched, and every `&` outside them. */
const ENTITY_SCAN = /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)|<\?[\s\S]*?(?:\?>|$)|&(?:(#[0-9]{1,8});|(#[xX][0-9a-fA-F]{1,8});|([A-Za-z][A-Za-z0-9]{0,31});)?/g;

function isLegalXmlCodePoint(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Escapes bare `&`, maps HTML named entities to numeric references, drops illegal numeric references. */
export function repairEntities(text: string): { text: string; bare: number; named: number; illegalRefs: number } {
  let bare = 0;
  let named = 0;
  let illegalRefs = 0;
  const out = text.replace(ENTITY_SCAN, (match, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (match[0] !== '&') return match;
    if (dec !== undefined || hex !== undefined) {
      const cp = dec !== undefined ? Number.parseInt(dec.slice(1), 10) : Number.parseInt((hex as string).slice(2), 16);
      if (isLegalXmlCodePoint(cp)) return match;
      illegalRefs++;
      return '';
    }
    if (name !== undefined) {
      if (XML_ENTITIES.has(name)) return match;
      const decoded = decodeHTMLStrict(match);
      if (decoded !== match) {
        named++;
        return Array.from(decoded, (ch) => `&#${ch.codePointAt(0)};`).join('');
      }
    }
    bare++;
    return `&amp;${match.slice(1)}`;
  });
  return { text: out, bare, named, illegalRefs };
}

interface OpenElement {
  readonly name: string;
  readonly start: number;
}

/**
 * How deep elements may nest before the element (or the item holding it) is dropped. Real
 * feeds nest a few dozen levels at most (HTML tables in raw XHTML bodies); the limit is far
 * above that, and low enough that nothing downstream (xml2js objects, recursive text readers)
 * meets a pathological depth.
 */
export const MAX_NESTING_DEPTH = 256;

// Names and attribute values never contain '<' (XML forbids it), so a failed tag match never
// scans past the next '<': every '<' is looked at a bounded number of times (linear overall).
const CLOSE_TAG = /<\/([^\s<>]+)\s*>/y;
const OPEN_TAG = /<([A-Za-z_][^\s/<>"']*)[^<>"']*(?:(?:"[^<"]*"|'[^<']*')[^<>"']*)*>/y;

function isItemElement(name: string): boolean {
  const local = name.slice(name.indexOf(':') + 1);
  return local === 'item' || local === 'entry';
}

/** What {@link scanStructure} found: truncation to close, and subtrees too deep to keep. */
export interface StructureScan {
  /** The document with deep subtrees removed and, when truncated, closed; unchanged when neither. */
  readonly text: string;
  /** Elements closed at the end (innermost first); empty when the document was complete. */
  readonly closed: string[];
  /** The incomplete last item was dropped (truncation). */
  readonly droppedItem: boolean;
  /** Items dropped because something in them nested deeper than the limit. */
  readonly deepItems: number;
  /** Elements outside any item dropped because they nested deeper than the limit. */
  readonly deepElements: number;
}

/**
 * One linear pass over the tags of a document: finds where it is cut off, and removes every
 * item (or, outside items, every element) whose content nests deeper than `maxDepth`. The open
 * elements are a stack with a count per name, so a close tag costs what it pops, never a copy
 * or a search of the whole stack: a 100,000-level document is scanned in one pass.
 */
export function scanStructure(text: string, maxDepth: number = MAX_NESTING_DEPTH): StructureScan {
  const stack: OpenElement[] = [];
  const openCount = new Map<string, number>();
  const removed: [number, number][] = [];
  let dropAt = -1; // stack index of the subtree being dropped, -1 when none
  let droppedStart = 0;
  let deepItems = 0;
  let deepElements = 0;
  let pos = 0;
  let cut = -1;
  let sawRoot = false;
  const lastGt = text.lastIndexOf('>');
  const pop = (): void => {
    const e = stack.pop() as OpenElement;
    openCount.set(e.name, (openCount.get(e.name) as number) - 1);
  };
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    if (lt === -1) break;
    let end = -1;
    if (text.startsWith('<![CDATA[', lt)) {
      const close = text.indexOf(']]>', lt + 9);
      if (close === -1) { cut = lt; break; }
      end = close + 3;
    } else if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      if (close === -1) { cut = lt; break; }
      end = close + 3;
    } else if (text.startsWith('<?', lt) || text.startsWith('<!', lt)) {
      const close = text.indexOf('>', lt + 2);
      if (close === -1) { cut = lt; break; }
      end = close + 1;
    } else if (text[lt + 1] === '/') {
      CLOSE_TAG.lastIndex = lt;
      const m = CLOSE_TAG.exec(text);
      if (m === null) {
        if (lt > lastGt) { cut = lt; break; }
        pos = lt + 1;
        continue;
      }
      end = CLOSE_TAG.lastIndex;
      const name = m[1] as string;
      if ((openCount.get(name) ?? 0) > 0) {
        while ((stack[stack.length - 1] as OpenElement).name !== name) pop();
        pop();
      }
      if (dropAt !== -1 && stack.length <= dropAt) {
        // The dropped subtree ends with this tag if it is its own close, else just before it.
        removed.push([droppedStart, stack.length === dropAt ? end : lt]);
        dropAt = -1;
      }
    } else {
      OPEN_TAG.lastIndex = lt;
      const m = OPEN_TAG.exec(text);
      if (m === null) {
        // A stray '<' in text, or a start tag cut off by the end of the document.
        if (lt > lastGt) { cut = lt; break; }
        pos = lt + 1;
        continue;
      }
      sawRoot = true;
      end = OPEN_TAG.lastIndex;
      if (text.charCodeAt(end - 2) !== 0x2f /* not '/>' */) {
        const name = m[1] as string;
        stack.push({ name, start: lt });
        openCount.set(name, (openCount.get(name) ?? 0) + 1);
        if (stack.length > maxDepth && dropAt === -1) {
          const itemAt = stack.findIndex((e) => isItemElement(e.name));
          dropAt = itemAt !== -1 ? itemAt : stack.length - 1;
          droppedStart = (stack[dropAt] as OpenElement).start;
          if (itemAt !== -1) deepItems++;
          else deepElements++;
        }
      }
    }
    pos = end;
  }
  if (dropAt !== -1) {
    // The document ends inside the dropped subtree: cut it there.
    cut = cut === -1 ? droppedStart : Math.min(cut, droppedStart);
    stack.length = dropAt;
  }
  const truncated = sawRoot && stack.length > 0;
  if (!truncated && removed.length === 0) return { text, closed: [], droppedItem: false, deepItems, deepElements };
  let bodyEnd = text.length;
  let droppedItem = false;
  if (truncated) {
    if (cut !== -1) bodyEnd = cut;
    const itemAt = stack.findIndex((e) => isItemElement(e.name));
    if (itemAt > 0) {
      bodyEnd = Math.min(bodyEnd, (stack[itemAt] as OpenElement).start);
      stack.length = itemAt;
      droppedItem = true;
    }
  }
  const parts: string[] = [];
  let from = 0;
  for (const [a, b] of removed) {
    if (a >= bodyEnd) break;
    parts.push(text.slice(from, a));
    from = b;
  }
  if (from < bodyEnd) parts.push(text.slice(from, bodyEnd));
  const closed = truncated ? stack.map((e) => e.name).reverse() : [];
  let body = parts.join('');
  if (truncated) body = body.trimEnd() + closed.map((name) => `</${name}>`).join('');
  return { text: body, closed, droppedItem, deepItems, deepElements };
}

/**
 * Closes a document that ends before its root element does (a truncated download, a server
 * that died mid-write). An incomplete last item is dropped rather than guessed at; the open
 * elements above it are closed in order. Returns null when the document is complete.
 */
export function closeTruncated(text: string): { text: string; closed: string[]; droppedItem: boolean } | null {
  const scan = scanStructure(text, Number.POSITIVE_INFINITY);
  return scan.closed.length === 0 ? null : { text: scan.text, closed: scan.closed, droppedItem: scan.droppedItem };
}

/**
 * Repairs what strict XML parsers reject but a browser would read: junk before the root,
 * illegal characters, bare `&`, HTML named entities, a truncated end; and drops items nested
 * deeper than the nesting limit, which no parser downstream should have to walk.
 */
export function repairXml(input: string, opts: RepairOptions): RepairResult {
  const warnings: string[] = [];
  let text = input.slice(opts.rootIndex);
  if (opts.junkBeforeRoot) {
    warnings.push(`ill-formed XML: dropped ${plural(opts.rootIndex, 'character', 'characters')} of junk before the root element`);
  }
  let illegal = 0;
  text = text.replace(ILLEGAL_CHARS, () => {
    illegal++;
    return '';
  });
  if (illegal > 0) warnings.push(`ill-formed XML: ${plural(illegal, 'character', 'characters')} not allowed in XML removed`);

  const entities = repairEntities(text);
  text = entities.text;
  if (entities.bare > 0) warnings.push(`ill-formed XML: ${entities.bare} bare '&' escaped`);
  if (entities.named > 0) warnings.push(`ill-formed XML: ${plural(entities.named, 'HTML entity', 'HTML entities')} (like &nbsp;) mapped to character references`);
  if (entities.illegalRefs > 0) warnings.push(`ill-formed XML: ${plural(entities.illegalRefs, 'character reference', 'character references')} to characters not allowed in XML removed`);

  const structure = scanStructure(text, opts.maxDepth ?? MAX_NESTING_DEPTH);
  text = structure.text;
  const depthLimit = opts.maxDepth ?? MAX_NESTING_DEPTH;
  if (structure.deepItems > 0) {
    warnings.push(`${plural(structure.deepItems, 'item', 'items')} nested deeper than ${depthLimit} elements (the nesting limit) dropped`);
  }
  if (structure.deepElements > 0) {
    warnings.push(`${plural(structure.deepElements, 'element', 'elements')} outside items nested deeper than ${depthLimit} elements (the nesting limit) dropped`);
  }
  if (structure.closed.length > 0) {
    warnings.push(
      `ill-formed XML: the document ends before its root element does (truncated?); closed ${structure.closed.map((n) => `<${n}>`).join(', ')}` +
        (structure.droppedItem ? ' and dropped the incomplete last item' : ''),
    );
  }
  return { text, warnings };
}
