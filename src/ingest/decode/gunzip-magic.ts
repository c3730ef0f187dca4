/**
 * Gzip bytes that arrive without `Content-Encoding: gzip` (a `.xml.gz` served as XML, a file
 * saved compressed, node-feedparser's `compressed.xml`): recognised by the gzip magic number and
 * inflated here, with a cap, so that a small file cannot expand into gigabytes.
 */
import zlib from 'node:zlib';
import { ErrorCode, NewsgateError } from '../../model/errors.ts';

/** True when the bytes start with the gzip magic number 1F 8B. */
export function hasGzipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The inflated bytes and whether the stream was cut short (what arrived is still returned). */
export interface GunzipResult {
  readonly bytes: Uint8Array;
  readonly truncated: boolean;
}

/**
 * Inflates gzip bytes to at most `maxBytes`. A truncated stream yields what it holds (flagged);
 * output over the cap throws FETCH_TOO_LARGE and corrupt data throws DECODE_FAILED.
 */
export function gunzipCapped(bytes: Uint8Array, maxBytes: number): GunzipResult {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    return { bytes: zlib.gunzipSync(input, { maxOutputLength: maxBytes }), truncated: false };
  } catch (err) {
    if (isTooLarge(err)) throw tooLarge(maxBytes, err);
    // A cut-off stream: keep what inflates, as a browser would show a partial page.
    try {
      const partial = zlib.gunzipSync(input, { maxOutputLength: maxBytes, finishFlush: zlib.constants.Z_SYNC_FLUSH });
      if (partial.length > 0) return { bytes: partial, truncated: true };
    } catch (err2) {
      if (isTooLarge(err2)) throw tooLarge(maxBytes, err2);
    }
    throw new NewsgateError(
      ErrorCode.DECODE_FAILED,
      `The document starts with the gzip magic number but is not valid gzip (${(err as Error).message}); check that the server does not compress it twice or corrupt it.`,
      { cause: err },
    );
  }
}

function tooLarge(maxBytes: number, cause: unknown): NewsgateError {
  return new NewsgateError(
    ErrorCode.FETCH_TOO_LARGE,
    `The document is gzip-compressed and inflates to more than ${maxBytes} bytes; raise "maxBodyMegabytes" in the "fetch" section of feeds.json if the feed is really that large.`,
    { cause, details: { maxBytes } },
  );
}

function isTooLarge(err: unknown): boolean {
  return err instanceof RangeError || (err as { code?: string } | null)?.code === 'ERR_BUFFER_TOO_LARGE';
}
