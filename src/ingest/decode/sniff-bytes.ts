/**
 * What the first bytes of a document say about its encoding before any label is read:
 * a byte order mark, or the zero-byte layout of `<?xml` / `<rss` in UTF-16 and UTF-32
 * (RFC 7303 §3 and XML 1.0 Appendix F).
 */

/** A byte order mark found at the start of the bytes. */
export interface ByteOrderMark {
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';
  /** Its length in bytes, to skip before decoding. */
  readonly length: number;
}

/**
 * The BOM at the start of `bytes`, if any. UTF-32LE (FF FE 00 00) is tested before UTF-16LE
 * (FF FE), whose mark it starts with.
 */
export function sniffBom(bytes: Uint8Array): ByteOrderMark | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return { encoding: 'utf-32le', length: 4 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return undefined;
}

/**
 * UTF-16 or UTF-32 without a BOM, recognised from the zero bytes around the first ASCII
 * character (`<` or whitespace): `3C 00 3F 00` is UTF-16LE, `00 3C 00 3F` UTF-16BE,
 * `3C 00 00 00` UTF-32LE, `00 00 00 3C` UTF-32BE. Undefined for ASCII-compatible bytes.
 */
export function sniffWideLayout(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | undefined {
  if (bytes.length < 4) return undefined;
  const [b0, b1, b2, b3] = bytes as unknown as [number, number, number, number];
  const nz = (b: number): boolean => b !== 0;
  if (nz(b0) && !nz(b1) && !nz(b2) && !nz(b3)) return 'utf-32le';
  if (!nz(b0) && !nz(b1) && !nz(b2) && nz(b3)) return 'utf-32be';
  if (nz(b0) && !nz(b1) && nz(b2) && !nz(b3)) return 'utf-16le';
  if (!nz(b0) && nz(b1) && !nz(b2) && nz(b3)) return 'utf-16be';
  return undefined;
}

/** How well a byte string reads as UTF-8. */
export interface Utf8Scan {
  /** Well-formed sequences of 2–4 bytes (non-ASCII characters). */
  readonly multiByte: number;
  /** Bytes that start no well-formed sequence (each would become U+FFFD). */
  readonly invalid: number;
}

/**
 * Counts well-formed multi-byte UTF-8 sequences and invalid bytes (stray continuation bytes,
 * overlong forms, surrogates, code points above U+10FFFF, truncated sequences), so the decoder
 * can tell UTF-8 mislabelled as Latin-1 from Latin-1 mislabelled as UTF-8.
 */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multiByte = 0;
  let invalid = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else {
      invalid += 1;
      i += 1;
      continue;
    }
    let ok = true;
    for (let k = 1; ok && k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined) ok = false;
      else if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) ok = false;
    }
    if (ok) {
      multiByte += 1;
      i += need + 1;
    } else {
      invalid += 1;
      i += 1;
    }
  }
  return { multiByte, invalid };
}
