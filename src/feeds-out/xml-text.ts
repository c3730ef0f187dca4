/**
 * Text made safe for XML 1.0 (RSS and Atom): the five special characters escaped, and the
 * characters XML 1.0 forbids even when escaped (C0 controls but tab/LF/CR, lone surrogates,
 * U+FFFE/U+FFFF) dropped — a feed title with a stray control byte must not make the whole
 * document ill-formed for every reader. Pure.
 */

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * `text` without the characters XML 1.0 forbids. JSON Feed applies it too, so the three formats
 * publish the same text (a reader of any of them sees the same title).
 */
export function withoutForbidden(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** `text` as XML character data or an attribute value. */
export function xmlText(text: string): string {
  return withoutForbidden(text).replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** `<name attrs>text</name>`, or nothing when `text` is null (optional elements). */
export function xmlElement(name: string, text: string | null, attributes: Readonly<Record<string, string>> = {}): string {
  if (text === null) return '';
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${xmlText(v)}"`)
    .join('');
  return `<${name}${attrs}>${xmlText(text)}</${name}>`;
}
