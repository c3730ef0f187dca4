/**
 * The `encoding="…"` pseudo-attribute of the XML declaration: read from the raw bytes (it is
 * ASCII in every ASCII-compatible charset), and rewritten in decoded text so that an XML
 * parser given the text does not decode it a second time by a label that is no longer true.
 */

/** Bytes enough for any real declaration, plus junk or whitespace some feeds put before it. */
const DECLARATION_WINDOW = 512;

const ENCODING_IN_DECLARATION = /^[\s\u0000]*<\?xml\b[^>]*?\bencoding\s*=\s*(["'])([^"'<>]*)\1/i;

/**
 * The encoding label of the XML declaration at the start of ASCII-compatible bytes (leading
 * whitespace tolerated, as real feeds have it), or undefined when there is no declaration or
 * it names no encoding.
 */
export function xmlDeclarationEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DECLARATION_WINDOW)).toString('latin1');
  const match = ENCODING_IN_DECLARATION.exec(head);
  const label = match?.[2]?.trim();
  return label === undefined || label === '' ? undefined : label;
}

/**
 * Rewrites the declaration's encoding to `encoding` (default UTF-8) in text that has already
 * been decoded, or leaves the text as it is when there is no declaration with an encoding.
 * Use it before handing text to a parser that honours the declaration on strings.
 */
export function rewriteXmlDeclarationEncoding(text: string, encoding = 'UTF-8'): string {
  return text.replace(/^(\s*<\?xml\b[^>]*?\bencoding\s*=\s*)(["'])[^"'<>]*\2/i, (_m, prefix: string, quote: string) => `${prefix}${quote}${encoding}${quote}`);
}
