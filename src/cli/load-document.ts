/**
 * Gets the bytes of a feed for the CLI: a URL through the same fetcher as ingestion, or a local
 * file (with `--content-type` standing in for the HTTP header a file lacks).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fetchFeed } from '../ingest/fetch/fetch-feed.ts';
import type { FetchLimits } from '../ingest/fetch/fetch.types.ts';
import { ErrorCode, NewsgateError } from '../model/errors.ts';

export interface LoadedDocument {
  readonly bytes: Uint8Array;
  readonly contentType?: string;
  /** The URL that answered (after redirects), or the file's file: URL. */
  readonly url: string;
  /** Warnings about how it was fetched (redirects). */
  readonly notes: string[];
}

/** True when `target` looks like a URL rather than a path. */
export function isUrl(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(target);
}

/** Loads a document; throws NewsgateError with the fetch error's code when it cannot. */
export async function loadDocument(
  target: string,
  opts: { contentType?: string; cwd: string; headers?: Record<string, string>; limits?: Partial<FetchLimits> },
): Promise<LoadedDocument> {
  if (!isUrl(target)) {
    const file = path.resolve(opts.cwd, target);
    try {
      const bytes = await readFile(file);
      return { bytes, ...(opts.contentType ? { contentType: opts.contentType } : {}), url: pathToFileURL(file).href, notes: [] };
    } catch (err) {
      throw new NewsgateError(ErrorCode.FETCH_NETWORK, `cannot read ${file}: ${(err as Error).message}`, { cause: err });
    }
  }
  // The operator named this target on the command line, so a file: URL is allowed here.
  const result = await fetchFeed({ url: target, allowFile: true, ...(opts.headers ? { headers: opts.headers } : {}), ...(opts.limits ? { limits: opts.limits } : {}) });
  const notes = result.redirects
    .filter((r) => r.permanent)
    .map((r) => `permanently redirected (${r.status}) from ${r.from} to ${r.to}: use the new URL in feeds.json`);
  if (result.kind === 'failed') throw result.error;
  if (result.kind === 'notModified') {
    throw new NewsgateError(ErrorCode.FETCH_HTTP_STATUS, `${target} answered 304 Not Modified to an unconditional request`);
  }
  const contentType = opts.contentType ?? result.contentType;
  return { bytes: result.body, ...(contentType ? { contentType } : {}), url: result.finalUrl, notes };
}
