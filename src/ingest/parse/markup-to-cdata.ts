/**
 * xml2js turns mixed content into objects that lose the order of text and child elements
 * ("a <b>b</b> c" becomes {_: 'a  c', b: ['b']}), so an Atom `type="xhtml"` body or title, or
 * an RSS description written as raw XHTML, would come out scrambled. Before parsing, such
 * elements get their inner markup wrapped in CDATA (and Atom's type set to html), so the
 * parser hands their markup over verbatim as an HTML string.
 */

const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** Elements whose content is a text construct (Atom) or HTML (RSS). */
const MARKUP_ELEMENTS = 'title|subtitle|tagline|summary|content|rights|description|encoded|body';

/**
 * Wraps the inner markup of text-construct elements that contain child elements in CDATA.
 * `namespaces` (prefix → URI) lets prefixes bound to XHTML (`h:div`) be dropped from the markup.
 */
export function markupToCdata(xml: string, namespaces: ReadonlyMap<string, string>): string {
  const xhtmlPrefixes = [...namespaces].filter(([p, uri]) => p !== '' && uri === XHTML_NS).map(([p]) => p);
  // Openers, and the closers of every markup element found in one pass, so that finding the
  // close of each opener never rescans the document (thousands of unclosed `<title>`s would).
  const opener = new RegExp(`<((?:[A-Za-z_][\\w.\\-]*:)?(?:${MARKUP_ELEMENTS}))(\\s[^<>"'/]*(?:(?:"[^<"]*"|'[^<']*')[^<>"'/]*)*)?>`, 'g');
  const closers = new Map<string, { at: number[]; end: number[]; next: number }>();
  for (const m of xml.matchAll(new RegExp(`</((?:[A-Za-z_][\\w.\\-]*:)?(?:${MARKUP_ELEMENTS}))\\s*>`, 'g'))) {
    const name = m[1] as string;
    let list = closers.get(name);
    if (list === undefined) closers.set(name, (list = { at: [], end: [], next: 0 }));
    list.at.push(m.index);
    list.end.push(m.index + m[0].length);
  }
  const out: string[] = [];
  let copied = 0;
  for (let m = opener.exec(xml); m !== null; m = opener.exec(xml)) {
    const name = m[1] as string;
    const list = closers.get(name);
    if (list === undefined) continue;
    const innerStart = m.index + m[0].length;
    while (list.next < list.at.length && (list.at[list.next] as number) < innerStart) list.next++;
    if (list.next === list.at.length) continue;
    const closeAt = list.at[list.next] as number;
    const closeEnd = list.end[list.next] as number;
    const replaced = wrapElement(name, m[2], xml.slice(innerStart, closeAt), xhtmlPrefixes);
    opener.lastIndex = closeEnd;
    if (replaced === null) continue;
    out.push(xml.slice(copied, m.index), replaced);
    copied = closeEnd;
  }
  if (copied === 0) return xml;
  out.push(xml.slice(copied));
  return out.join('');
}

/** The element with its inner markup in CDATA, or null when it is to be left as it is. */
function wrapElement(name: string, attrs: string | undefined, inner: string, xhtmlPrefixes: readonly string[]): string | null {
  if (!/<[A-Za-z_]/.test(inner)) return null;
  // Markup that opens items or the same element again is a broken document, not mixed content:
  // wrapping it would swallow whole items into one field. Leave it to repair and recovery.
  const local = name.slice(name.indexOf(':') + 1);
  if (new RegExp(`<(?:[\\w.\\-]+:)?(?:item|entry|channel|${local})[\\s/>]`).test(inner)) return null;
  if (/^\s*<!\[CDATA\[[\s\S]*\]\]>\s*$/.test(inner) && inner.indexOf('<![CDATA[') === inner.lastIndexOf('<![CDATA[')) return null;
  let markup = inner.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  for (const prefix of xhtmlPrefixes) markup = markup.replace(new RegExp(`(</?)${prefix}:`, 'g'), '$1');
  // Namespace declarations mean nothing once the markup is HTML text.
  markup = markup.replace(/\s+xmlns(?::[\w.\-]+)?\s*=\s*(?:"[^"]*"|'[^']*')/g, '');
  const newAttrs = (attrs ?? '')
    .replace(/\btype\s*=\s*(["'])(?:xhtml|application\/xhtml\+xml)\1/, 'type="html"')
    .replace(/\bmode\s*=\s*(["'])xml\1/, 'mode="escaped"');
  return `<${name}${newAttrs}><![CDATA[${markup.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]></${name}>`;
}
