/**
 * Charset labels as feeds and servers write them ("ISO-8859-1", "utf8", "\"windows-1256\"",
 * "x-sjis") turned into one decoder name iconv-lite knows, the way browsers do it: the labels
 * that browsers decode as a superset are mapped to that superset, so that the smart quotes and
 * the euro sign that Windows editors put in "ISO-8859-1" feeds survive.
 */
import iconv from 'iconv-lite';

/**
 * Labels decoded as a superset, after the WHATWG Encoding Standard: ISO-8859-1, Latin-1 and
 * US-ASCII are windows-1252 on the web (bytes 0x80–0x9F are “ ” – € there, C1 controls in
 * Latin-1), ISO-8859-9 is windows-1254, TIS-620/ISO-8859-11 are windows-874, and GB2312 is GBK.
 * Keys are normalised labels (see {@link normalizeLabel}).
 */
const SUPERSETS: Readonly<Record<string, string>> = {
  iso88591: 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  isolatin1: 'windows-1252',
  cp819: 'windows-1252',
  ibm819: 'windows-1252',
  usascii: 'windows-1252',
  ascii: 'windows-1252',
  ansix341968: 'windows-1252',
  iso88599: 'windows-1254',
  latin5: 'windows-1254',
  tis620: 'windows-874',
  iso885911: 'windows-874',
  gb2312: 'gbk',
  xgbk: 'gbk',
  csgb2312: 'gbk',
};

/** Multi-byte encodings: a chance run of valid UTF-8 in their bytes is not evidence of UTF-8. */
const MULTI_BYTE = /^(utf|ucs|cesu|gb|big5|cp9(36|49|50)|shiftjis|sjis|xsjis|windows31j|mskanji|eucjp|euckr|ksc|iso2022|hz)/;

/** What {@link resolveCharset} makes of a label. */
export interface ResolvedCharset {
  /** Lower-case name passed to iconv-lite and reported to the operator (e.g. `windows-1256`). */
  readonly encoding: string;
  /** The label as written, for warnings. */
  readonly label: string;
}

/** Lower-cases and drops everything but letters and digits, as iconv-lite does when it looks a label up. */
export function normalizeLabel(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The decoder for a charset label, or undefined when iconv-lite has no decoder for it (a typo,
 * "invalid", "none"): the caller then falls back to the next source of RFC 7303 and says so.
 */
export function resolveCharset(rawLabel: string): ResolvedCharset | undefined {
  const label = rawLabel.trim().replace(/^["']|["']$/g, '').trim();
  if (label === '') return undefined;
  const key = normalizeLabel(label);
  if (key === 'utf8' || key === 'unicode11utf8' || key === 'xunicode20utf8') return { encoding: 'utf-8', label };
  const superset = SUPERSETS[key];
  if (superset !== undefined) return { encoding: superset, label };
  if (!iconv.encodingExists(label)) return undefined;
  return { encoding: label.toLowerCase(), label };
}

/** True for UTF-8. */
export function isUtf8(encoding: string): boolean {
  return normalizeLabel(encoding) === 'utf8';
}

/** True for UTF-16 and UTF-32 (and UCS-2/4): encodings whose bytes are not ASCII-compatible. */
export function isWideUnicode(encoding: string): boolean {
  return /^(utf(16|32)|ucs(2|4))/.test(normalizeLabel(encoding));
}

/** True for one-byte-per-character legacy charsets (windows-125x, ISO-8859-x, KOI8, Mac, DOS code pages). */
export function isSingleByte(encoding: string): boolean {
  return !MULTI_BYTE.test(normalizeLabel(encoding));
}

/** The `charset` parameter of a Content-Type header (quoted or not), if any. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const match = /;\s*charset\s*=\s*("([^"]*)"|'([^']*)'|[^;\s]+)/i.exec(contentType);
  if (!match) return undefined;
  const value = (match[2] ?? match[3] ?? match[1] ?? '').trim();
  return value === '' ? undefined : value;
}
