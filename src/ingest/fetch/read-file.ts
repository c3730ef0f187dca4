/**
 * `file:` feeds (mirrored or hand-made feeds, local testing), read only when the feed opts in
 * with `allowFile`, under the same size cap as HTTP bodies, and answering conditional requests
 * from the file's modification time so unchanged files are not re-parsed.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tooLargeError } from './fetch-errors.ts';
import { readCappedBody } from './read-body.ts';

/** What a file read yields: its bytes (absent when unchanged) and its Last-Modified date. */
export interface FileRead {
  readonly body?: Uint8Array;
  readonly lastModified: string;
}

/**
 * Reads the file at a `file:` URL. Resolves without `body` when `ifModifiedSince` equals the
 * file's mtime (as an HTTP date). Rejects with FETCH_TOO_LARGE, or with the fs error (ENOENT, …).
 */
export async function readFileUrl(url: URL, maxBytes: number, ifModifiedSince: string | undefined, signal: AbortSignal): Promise<FileRead> {
  const path = fileURLToPath(url);
  const stat = await fs.promises.stat(path);
  if (stat.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
  const lastModified = new Date(Math.floor(stat.mtimeMs / 1000) * 1000).toUTCString();
  if (ifModifiedSince !== undefined && ifModifiedSince === lastModified) return { lastModified };
  if (stat.size > maxBytes) throw tooLargeError(url.href, maxBytes, stat.size);
  // Streamed even so: special files (/dev/zero, FIFOs) report size 0.
  const stream = fs.createReadStream(path, { signal });
  return { body: await readCappedBody(stream, undefined, maxBytes, url.href), lastModified };
}
