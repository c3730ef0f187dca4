/**
 * Reading the plain objects xml2js builds (through rss-parser, default options: every child is
 * an array, attributes under `$`, text under `_`, a text-only element without attributes is a
 * bare string). Adapters read raw nodes through these helpers instead of poking at `$`/`_`
 * themselves, so the quirks of that shape are handled in one place.
 */

/** A node as xml2js gives it: a string for text-only elements, else an object. */
export type XmlNode = string | XmlElement;

/** An element with attributes and/or children. */
export interface XmlElement {
  $?: Record<string, string>;
  _?: string;
  [child: string]: unknown;
}

/** The nodes of a repeated child (`keepArray` custom field), whatever shape it came in. */
export function nodesOf(value: unknown): XmlNode[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is XmlNode => typeof v === 'string' || (typeof v === 'object' && v !== null));
}

/** An attribute of a node, or undefined (text-only nodes have none). */
export function attrOf(node: XmlNode | undefined, name: string): string | undefined {
  if (node === undefined || typeof node === 'string') return undefined;
  const value = node.$?.[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The text of a node. When the element has child elements (an HTML title written without
 * escaping), their texts are joined in document order as far as xml2js kept it, so that a
 * title is always a string, never `[object Object]`.
 */
export function textOf(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  const parts: string[] = [];
  if (typeof node._ === 'string') parts.push(node._);
  for (const [key, value] of Object.entries(node)) {
    if (key === '$' || key === '_') continue;
    for (const child of nodesOf(value)) parts.push(textOf(child));
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}

/** The trimmed text of the first node of a child list, or null when absent or empty. */
export function firstText(value: unknown): string | null {
  for (const node of nodesOf(value)) {
    const text = textOf(node).trim();
    if (text !== '') return text;
  }
  return null;
}

/** The child list `name` of an element (empty when absent or when the node is text). */
export function childrenOf(node: XmlNode | undefined, name: string): XmlNode[] {
  if (node === undefined || typeof node === 'string') return [];
  return nodesOf(node[name]);
}
