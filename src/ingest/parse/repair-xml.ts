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

const CLOSE_TAG = /<\/([^\s>]+)\s*>/y;
const OPEN_TAG = /<([A-Za-z_][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/y;

function isItemElement(name: string): boolean {
  const local = name.slice(name.indexOf(':') + 1);
  return local === 'item' || local === 'entry';
}

/**
 * Closes a document that ends before its root element does (a truncated download, a server
 * that died mid-write). An incomplete last item is dropped rather than guessed at; the open
 * elements above it are closed in order. Returns null when the document is complete.
 */
export function closeTruncated(text: string): { text: string; closed: string[]; droppedItem: boolean } | null {
  const stack: OpenElement[] = [];
  let pos = 0;
  let cut = -1;
  let sawRoot = false;
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
      if (m === null) { cut = lt; break; }
      const name = m[1] as string;
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at !== -1) stack.length = at;
      end = CLOSE_TAG.lastIndex;
    } else {
      OPEN_TAG.lastIndex = lt;
      const m = OPEN_TAG.exec(text);
      if (m === null) {
        // A stray '<' in text, or a start tag cut off by the end of the document.
        if (text.indexOf('>', lt) === -1) { cut = lt; break; }
        pos = lt + 1;
        continue;
      }
      if (m[2] !== '/') stack.push({ name: m[1] as string, start: lt });
      sawRoot = true;
      end = OPEN_TAG.lastIndex;
    }
    pos = end;
  }
  if (!sawRoot || stack.length === 0) return null;
  let body = cut === -1 ? text : text.slice(0, cut);
  let droppedItem = false;
  const itemAt = stack.findIndex((e) => isItemElement(e.name));
  if (itemAt > 0) {
    body = text.slice(0, (stack[itemAt] as OpenElement).start);
    stack.length = itemAt;
    droppedItem = true;
  }
  const closed = stack.map((e) => e.name).reverse();
  return { text: body.replace(/\s+$/, '') + closed.map((name) => `</${name}>`).join(''), closed, droppedItem };
}

/**
 * Repairs what strict XML parsers reject but a browser would read: junk before the root,
 * illegal characters, bare `&`, HTML named entities, a truncated end.
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

  const truncated = closeTruncated(text);
  if (truncated !== null) {
    text = truncated.text;
    warnings.push(
      `ill-formed XML: the document ends before its root element does (truncated?); closed ${truncated.closed.map((n) => `<${n}>`).join(', ')}` +
        (truncated.droppedItem ? ' and dropped the incomplete last item' : ''),
    );
  }
  return { text, warnings };
}
