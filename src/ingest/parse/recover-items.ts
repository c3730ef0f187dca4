/**
 * Item-level recovery for documents that still fail to parse after repair-xml (an unescaped
 * `<` in a title, a mismatched tag inside one item): the document is cut into its
 * `<item>`/`<entry>` chunks, each is parsed with the channel head around it, the good ones are
 * kept and each dropped one is reported. One bad item never takes the good ones with it.
 */
import type { ParsedFeed, RawItem } from '../../model/raw-feed.ts';
import type { XmlAdapterContext } from './rss.adapter.ts';

/** An XML adapter: parses a whole (repaired) document. */
export type XmlDocumentAdapter = (xml: string, ctx: XmlAdapterContext) => Promise<ParsedFeed>;

/** Where the item chunks of a document are. */
export interface ItemChunks {
  readonly head: string;
  readonly chunks: readonly string[];
  readonly tail: string;
}

const ITEM_TAG = /<(\/?)((?:[A-Za-z_][\w.\-]*:)?(?:item|entry))(?=[\s>/])((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/** Cuts a document into head, top-level item/entry chunks (nested ones stay inside their parent) and tail. */
export function splitItems(xml: string): ItemChunks | null {
  const chunks: string[] = [];
  let depth = 0;
  let start = -1;
  let firstStart = -1;
  let lastEnd = -1;
  for (const m of xml.matchAll(ITEM_TAG)) {
    const closing = m[1] === '/';
    if (!closing && (m[3] ?? '').trimEnd().endsWith('/')) continue;
    if (!closing) {
      if (depth === 0) {
        start = m.index;
        if (firstStart === -1) firstStart = start;
      }
      depth++;
    } else if (depth > 0) {
      depth--;
      if (depth === 0) {
        lastEnd = m.index + m[0].length;
        chunks.push(xml.slice(start, lastEnd));
      }
    }
  }
  if (chunks.length === 0) return null;
  return { head: xml.slice(0, firstStart), chunks, tail: xml.slice(lastEnd) };
}

/** A one-line version of a parser error message. */
export function errorLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ', ').trim();
}

/** Sums warnings of the form "N item(s): what" coming from separate parses. */
export function mergeWarnings(lists: readonly (readonly string[])[]): string[] {
  const counts = new Map<string, number>();
  const plain: string[] = [];
  for (const list of lists) {
    for (const w of list) {
      const m = /^(\d+) items?: (.*)$/.exec(w);
      if (m) counts.set(m[2] as string, (counts.get(m[2] as string) ?? 0) + Number(m[1]));
      else if (!plain.includes(w)) plain.push(w);
    }
  }
  return [...plain, ...[...counts].map(([what, n]) => `${n} ${n === 1 ? 'item' : 'items'}: ${what}`)];
}

function guessTitle(chunk: string): string {
  const m = /<(?:[\w.\-]+:)?title[^>]*>([\s\S]*?)<\/(?:[\w.\-]+:)?title>/.exec(chunk);
  const t = (m?.[1] ?? '').replace(/<!\[CDATA\[|\]\]>/g, '').replace(/\s+/g, ' ').trim();
  return t === '' ? '?' : t.length > 80 ? `${t.slice(0, 77)}…` : t;
}

/** A minimal document around one chunk, used when the real head or tail is what is broken. */
function minimalWrapper(xml: string, ctx: XmlAdapterContext): { open: string; close: string } {
  const rootTag = /^<[^>]*>/.exec(xml)?.[0] ?? `<${ctx.detected.rootName}>`;
  const root = ctx.detected.rootName;
  const needsChannel = ctx.detected.format === 'rss2.0' || (ctx.detected.format === 'rss0.9x' && !/RDF$/.test(root));
  return needsChannel
    ? { open: `${rootTag}<channel>`, close: `</channel></${root}>` }
    : { open: rootTag, close: `</${root}>` };
}

/**
 * Reads what can be read of a document the adapter rejected as a whole. Returns a ParsedFeed
 * whose warnings say what failed and which items were dropped; its items may be empty.
 */
export async function recoverItems(xml: string, adapter: XmlDocumentAdapter, ctx: XmlAdapterContext, cause: unknown): Promise<ParsedFeed> {
  const split = splitItems(xml);
  const warnings: string[] = [`ill-formed XML: the document could not be parsed as a whole (${errorLine(cause)}); read it item by item`];
  if (split === null) {
    return { format: ctx.detected.format, title: null, link: null, description: null, language: null, ttlMinutes: null, items: [], warnings };
  }
  const wrapper = minimalWrapper(xml, ctx);
  let meta: ParsedFeed | null = null;
  try {
    meta = await adapter(split.head + split.tail, ctx);
  } catch (err) {
    warnings.push(`ill-formed XML: the channel's own elements could not be read (${errorLine(err)}); feed title, link and language are missing`);
  }
  const items: RawItem[] = [];
  const itemWarnings: (readonly string[])[] = [];
  for (const [index, chunk] of split.chunks.entries()) {
    let parsed: ParsedFeed | null = null;
    let failure: unknown = null;
    for (const doc of [meta !== null ? split.head + chunk + split.tail : null, wrapper.open + chunk + wrapper.close]) {
      if (doc === null) continue;
      try {
        parsed = await adapter(doc, ctx);
        break;
      } catch (err) {
        failure = err;
      }
    }
    const item = parsed?.items[0];
    if (parsed === null || item === undefined) {
      warnings.push(`ill-formed XML: item ${index + 1} ("${guessTitle(chunk)}") could not be read and was dropped (${errorLine(failure)})`);
      continue;
    }
    items.push(item);
    itemWarnings.push(parsed.warnings);
  }
  return {
    format: ctx.detected.format,
    title: meta?.title ?? null,
    link: meta?.link ?? null,
    description: meta?.description ?? null,
    language: meta?.language ?? null,
    ttlMinutes: meta?.ttlMinutes ?? null,
    items,
    warnings: mergeWarnings([warnings, ...(meta !== null ? [meta.warnings] : []), ...itemWarnings]),
  };
}
