/**
 * Bytes to text for feed documents, in the order RFC 7303 §3 gives (BOM, then the HTTP
 * charset, then the XML declaration, then UTF-8), corrected for the mismatches real feeds
 * have: labels no decoder knows, UTF-8 bytes labelled Latin-1 or windows-1252, Latin-1 bytes
 * labelled UTF-8, UTF-16 without a BOM, and gzip bytes served uncompressed. Every correction
 * is said in `warnings`, so the operator can tell the publisher what is wrong.
 */
import iconv from 'iconv-lite';
import { gunzipCapped, hasGzipMagic } from './gunzip-magic.ts';
import { charsetFromContentType, isSingleByte, isUtf8, isWideUnicode, resolveCharset } from './charset-label.ts';
import { scanUtf8, sniffBom, sniffWideLayout } from './sniff-bytes.ts';
import { xmlDeclarationEncoding } from './xml-declaration.ts';

/** Where the encoding used came from. */
export type EncodingSource = 'bom' | 'http' | 'xml' | 'sniff' | 'default';

/** A document decoded to text. */
export interface DecodedFeed {
  /** The text, without a BOM. */
  readonly text: string;
  /** The decoder used, lower case (`utf-8`, `windows-1256`, `utf-16le`, …). */
  readonly encoding: string;
  readonly source: EncodingSource;
  /** Each mismatch found and how it was resolved, in words for the operator. */
  readonly warnings: string[];
}

/**
 * Where the document itself names its charset: the XML declaration for feeds, `<meta charset>`
 * for web pages (src/ingest/decode/html-meta-charset.ts). `name` is how warnings call it.
 */
export interface InDocumentLabel {
  readonly name: string;
  readonly read: (bytes: Uint8Array) => string | undefined;
}

/** The XML declaration: feeds' own charset label. */
export const XML_DECLARATION: InDocumentLabel = { name: 'XML declaration', read: xmlDeclarationEncoding };

/** Options of {@link decodeFeed}. */
export interface DecodeOptions {
  /** Cap on bytes inflated from gzip data served without Content-Encoding. Default 10 MiB. */
  readonly maxInflatedBytes?: number;
  /** The in-document label read after the HTTP charset; default {@link XML_DECLARATION}. */
  readonly declaration?: InDocumentLabel;
}

const DEFAULT_MAX_INFLATED = 10 * 1024 * 1024;

interface Choice {
  readonly encoding: string;
  readonly source: EncodingSource;
}

/**
 * Decodes a feed document. Pure and synchronous; throws only a NewsgateError for gzip data that
 * is corrupt (DECODE_FAILED) or inflates beyond the cap (FETCH_TOO_LARGE). Bytes that do not fit
 * the chosen charset are replaced (U+FFFD), never dropped.
 */
export function decodeFeed(input: Uint8Array, contentType?: string, options: DecodeOptions = {}): DecodedFeed {
  const warnings: string[] = [];
  let bytes = input;
  if (hasGzipMagic(bytes)) {
    const inflated = gunzipCapped(bytes, options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED);
    bytes = inflated.bytes;
    warnings.push(
      `The document is gzip-compressed but was not served with Content-Encoding: gzip; inflated it${inflated.truncated ? ' (the gzip stream is truncated: only its readable part was kept)' : ''}.`,
    );
  }

  const httpLabel = charsetFromContentType(contentType);
  const bom = sniffBom(bytes);
  if (bom) {
    if (httpLabel !== undefined && resolveCharset(httpLabel)?.encoding !== bom.encoding && !sameUnicodeFamily(httpLabel, bom.encoding)) {
      warnings.push(`The HTTP charset "${httpLabel}" contradicts the document's ${bom.encoding.toUpperCase()} byte order mark; used the byte order mark.`);
    }
    return finish(bytes.subarray(bom.length), { encoding: bom.encoding, source: 'bom' }, warnings);
  }

  const wide = sniffWideLayout(bytes);
  const declaration = options.declaration ?? XML_DECLARATION;
  const choice = chooseFromLabels(bytes, httpLabel, wide, declaration, warnings) ?? { encoding: 'utf-8', source: 'default' as const };
  return finish(bytes, verifyAgainstBytes(bytes, choice, httpLabel, declaration, warnings), warnings);
}

/** The HTTP charset, else the UTF-16/32 layout, else the in-document label; undefined = default. */
function chooseFromLabels(
  bytes: Uint8Array,
  httpLabel: string | undefined,
  wide: string | undefined,
  declaration: InDocumentLabel,
  warnings: string[],
): Choice | undefined {
  if (httpLabel !== undefined) {
    const http = resolveCharset(httpLabel);
    if (!http) {
      warnings.push(`The HTTP charset "${httpLabel}" is not a known encoding; ignored it.`);
    } else if (wide && !isWideUnicode(http.encoding)) {
      warnings.push(`The HTTP charset is "${httpLabel}" but the bytes are ${wide.toUpperCase()}; decoded them as ${wide.toUpperCase()}.`);
      return { encoding: wide, source: 'sniff' };
    } else if (!wide && isWideUnicode(http.encoding)) {
      warnings.push(`The HTTP charset is "${httpLabel}" but the bytes are not UTF-16/UTF-32; ignored it.`);
    } else {
      return { encoding: wide && isWideUnicode(http.encoding) ? wide : http.encoding, source: 'http' };
    }
  }
  if (wide) return { encoding: wide, source: 'sniff' };

  const declLabel = declaration.read(bytes);
  if (declLabel === undefined) return undefined;
  const decl = resolveCharset(declLabel);
  if (!decl) {
    warnings.push(`The ${declaration.name} names an unknown encoding "${declLabel}"; ignored it.`);
    return undefined;
  }
  if (isWideUnicode(decl.encoding)) {
    warnings.push(`The ${declaration.name} says "${declLabel}" but the bytes are not UTF-16/UTF-32 (the file was probably re-encoded without updating it); ignored it.`);
    return undefined;
  }
  return { encoding: decl.encoding, source: 'xml' };
}

/**
 * Checks the choice against the bytes: UTF-8 that is not (mostly) valid UTF-8 is decoded with
 * the XML declaration's legacy charset or windows-1252; a single-byte charset over bytes that are
 * entirely valid UTF-8 with non-ASCII characters is decoded as UTF-8 (the publisher's tool wrote
 * UTF-8 and kept a stale label).
 */
function verifyAgainstBytes(bytes: Uint8Array, choice: Choice, httpLabel: string | undefined, declaration: InDocumentLabel, warnings: string[]): Choice {
  if (isWideUnicode(choice.encoding)) return choice;
  const said = describe(choice, httpLabel, bytes, declaration);
  if (isUtf8(choice.encoding)) {
    const scan = scanUtf8(bytes);
    if (scan.invalid === 0) return choice;
    if (scan.multiByte >= scan.invalid) {
      warnings.push(`${scan.invalid} byte(s) are not valid UTF-8 in a UTF-8 document (${said}); replaced them with U+FFFD.`);
      return choice;
    }
    const fallback = legacyFallback(bytes, choice, declaration);
    warnings.push(`The document is not valid UTF-8 (${said}); decoded it as ${fallback}. Ask the publisher to declare the right charset.`);
    return { encoding: fallback, source: 'sniff' };
  }
  if (isSingleByte(choice.encoding)) {
    const scan = scanUtf8(bytes);
    if (scan.invalid === 0 && scan.multiByte > 0) {
      warnings.push(`The document's ${said} does not match its bytes, which are UTF-8; decoded it as UTF-8.`);
      return { encoding: 'utf-8', source: 'sniff' };
    }
  }
  return choice;
}

/** For invalid UTF-8: the in-document legacy charset when the HTTP header said UTF-8, else windows-1252. */
function legacyFallback(bytes: Uint8Array, choice: Choice, declaration: InDocumentLabel): string {
  if (choice.source === 'http') {
    const declLabel = declaration.read(bytes);
    const decl = declLabel === undefined ? undefined : resolveCharset(declLabel);
    if (decl && !isUtf8(decl.encoding) && !isWideUnicode(decl.encoding)) return decl.encoding;
  }
  return 'windows-1252';
}

function describe(choice: Choice, httpLabel: string | undefined, bytes: Uint8Array, declaration: InDocumentLabel): string {
  switch (choice.source) {
    case 'http':
      return `HTTP charset "${httpLabel ?? ''}"`;
    case 'xml':
      return `${declaration.name} encoding "${declaration.read(bytes) ?? ''}"`;
    case 'default':
      return 'no charset declared';
    default:
      return `detected encoding ${choice.encoding}`;
  }
}

function sameUnicodeFamily(label: string, bomEncoding: string): boolean {
  const resolved = resolveCharset(label)?.encoding;
  if (resolved === undefined) return false;
  const family = (e: string): string => e.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/(le|be)$/, '');
  return family(resolved) === family(bomEncoding);
}

function finish(bytes: Uint8Array, choice: Choice, warnings: string[]): DecodedFeed {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text = iconv.decode(buffer, choice.encoding, { stripBOM: true });
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding: choice.encoding, source: choice.source, warnings };
}
