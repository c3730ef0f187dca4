/**
 * Reads a response body through the decompressors its Content-Encoding names, counting bytes
 * AFTER decompression and stopping the moment the cap is passed, so that a small compressed
 * body cannot inflate into gigabytes in memory (a "gzip bomb").
 */
import { Transform, Writable, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { NewsgateError } from '../../model/errors.ts';
import { corruptBodyError, tooLargeError, unsupportedEncodingError } from './fetch-errors.ts';

/**
 * Inflates "deflate" bodies whether the server sends them zlib-wrapped (RFC 9110) or raw (old
 * IIS and others), deciding from the first two bytes as browsers do.
 */
class AnyInflate extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | undefined;
  private finishing: TransformCallback | undefined;

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    if (!this.inner) {
      const b0 = chunk[0] ?? 0;
      const b1 = chunk[1] ?? 0;
      const zlibWrapped = (b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0;
      const opts = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
      this.inner = zlibWrapped ? zlib.createInflate(opts) : zlib.createInflateRaw(opts);
      this.inner.on('data', (d: Buffer) => this.push(d));
      this.inner.on('error', (e) => this.destroy(e));
      this.inner.on('end', () => this.finishing?.());
    }
    this.inner.write(chunk, () => callback());
  }

  override _flush(callback: TransformCallback): void {
    if (!this.inner) return callback();
    this.finishing = callback;
    this.inner.end();
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    this.inner?.destroy();
    callback(err);
  }
}

/**
 * The decompressors for a Content-Encoding header, in the order to apply them (the header lists
 * them in the order they were applied). Truncated gzip/deflate streams yield what arrived.
 */
export function decoderChain(contentEncoding: string | undefined, url: string): Transform[] {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  return codings.reverse().map((coding) => {
    if (coding === 'gzip' || coding === 'x-gzip') return zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
    if (coding === 'deflate') return new AnyInflate();
    if (coding === 'br') return zlib.createBrotliDecompress();
    throw unsupportedEncodingError(url, coding);
  });
}

/**
 * Reads `source` to the end through the decoders of `contentEncoding`, holding at most
 * `maxBytes` decompressed bytes. Rejects with FETCH_TOO_LARGE past the cap, FETCH_NETWORK for an
 * unsupported or corrupt encoding, or whatever error the source fails or is destroyed with
 * (a reset connection, a timeout or an abort from the caller).
 */
export async function readCappedBody(source: Readable, contentEncoding: string | undefined, maxBytes: number, url: string): Promise<Uint8Array> {
  let decoders: ReturnType<typeof decoderChain>;
  try {
    decoders = decoderChain(contentEncoding, url);
  } catch (err) {
    // Nothing will read the response: release its socket rather than leave it open.
    source.destroy();
    throw err;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  let sourceError: unknown;
  source.once('error', (err) => {
    sourceError ??= err;
  });
  const sink = new Writable({
    write(chunk: Buffer, _enc, callback) {
      total += chunk.length;
      if (total > maxBytes) return callback(tooLargeError(url, maxBytes));
      chunks.push(chunk);
      callback();
    },
  });
  try {
    await pipeline([source, ...decoders, sink]);
  } catch (err) {
    if (err instanceof NewsgateError) throw err;
    if (sourceError !== undefined) throw sourceError;
    if (decoders.length > 0) throw corruptBodyError(url, contentEncoding ?? '', err);
    throw err;
  }
  return Buffer.concat(chunks, total);
}
