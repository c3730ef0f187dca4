/**
 * Small readers shared by the XML adapters: the first non-empty text among fallbacks,
 * category lists kept whole (a category "Gowanus Canal (Brooklyn, NY)" is one category, not
 * two), and attribute lookups that tolerate prefixed spellings.
 */
import { attrOf, firstText, nodesOf, textOf, type XmlNode } from './xml-node.ts';

/** The first non-empty trimmed text among several raw child lists, in order of preference. */
export function firstOf(...values: unknown[]): string | null {
  for (const value of values) {
    const text = firstText(value);
    if (text !== null) return text;
  }
  return null;
}

/** Trimmed, non-empty, exact duplicates removed, order kept. */
export function uniqueStrings(values: Iterable<string | null | undefined>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    const t = (v ?? '').replace(/\s+/g, ' ').trim();
    if (t === '' || seen.has(t)) continue;
    seen.add(t);
    out.push(t);
  }
  return out;
}

/** Category strings from RSS `<category domain>text</category>`/`dc:subject` nodes (text) or Atom `<category term label/>` nodes (the human-readable label, else the term). */
export function categoryStrings(...values: unknown[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    for (const node of nodesOf(value)) {
      const text = textOf(node).trim();
      out.push(text !== '' ? text : (attrOf(node, 'label')?.trim() || attrOf(node, 'term') || ''));
    }
  }
  return uniqueStrings(out);
}

/** An attribute whatever prefix the document used for a known namespace (`xml:lang`, `rdf:about`). */
export function prefixedAttr(node: XmlNode | undefined, local: string, preferred: string): string | undefined {
  const exact = attrOf(node, preferred);
  if (exact !== undefined) return exact;
  if (node === undefined || typeof node === 'string') return undefined;
  for (const [name, value] of Object.entries(node.$ ?? {})) {
    if (name.endsWith(`:${local}`)) return value;
  }
  return undefined;
}
