/**
 * What `preview` and `feeds add` both do: load a feed (URL or file) and run it through the
 * ingestion path with the dictionaries of feeds.json, without a store.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { readEnv } from '../config/env.ts';
import { DEFAULT_FETCH, readFeedsFile } from '../config/feeds-file.ts';
import type { FeedsSettings, FetchSettings } from '../config/config.types.ts';
import type { EntityCatalog } from '../model/catalog.ts';
import type { FeedConfig } from '../model/feed.ts';
import { createDefaultTagger } from '../normalize/gazetteer/create-default-tagger.ts';
import { processDocument, type ProcessedDocument } from '../pipeline/process-document.ts';
import type { CliIo } from './cli-io.ts';
import { loadDocument, type LoadedDocument } from './load-document.ts';

export interface PreviewResult {
  readonly processed: ProcessedDocument;
  /** Where the document came from after redirects (what to write in feeds.json). */
  readonly finalUrl: string;
  /** Notes about how it was fetched (permanent redirects). */
  readonly notes: readonly string[];
}

/**
 * The dictionaries an operator configured (feeds.json `dictionaries`), when a valid feeds.json
 * is there; none otherwise — a preview must work before any config exists.
 */
export function configuredDictionaries(io: CliIo): string[] {
  try {
    const file = path.resolve(io.cwd, readEnv(io.env).feedsFile);
    return existsSync(file) ? [...readFeedsFile(file).dictionaries] : [];
  } catch {
    return [];
  }
}

/** The `fetch` settings of feeds.json when a valid one is there; the defaults otherwise. */
export function configuredFetch(io: CliIo): FetchSettings {
  return configuredFile(io)?.fetch ?? DEFAULT_FETCH;
}

/** The feed of feeds.json with this id, if there is a valid feeds.json and it has one. */
export function configuredFeed(io: CliIo, id: string): FeedConfig | undefined {
  return configuredFile(io)?.feeds.find((f) => f.id === id);
}

function configuredFile(io: CliIo): FeedsSettings | undefined {
  try {
    const file = path.resolve(io.cwd, readEnv(io.env).feedsFile);
    return existsSync(file) ? readFeedsFile(file) : undefined;
  } catch {
    return undefined;
  }
}

/** Loads the tagger once for a command. */
export async function loadTagger(io: CliIo): Promise<{ tagger: Awaited<ReturnType<typeof createDefaultTagger>>['tagger']; catalog: EntityCatalog }> {
  return createDefaultTagger({ extraFiles: configuredDictionaries(io) });
}

/** Loads `target` and turns it into Articles as ingestion would; throws NewsgateError when unreadable. */
export async function previewFeed(
  target: string,
  feed: FeedConfig,
  tagger: Awaited<ReturnType<typeof loadTagger>>['tagger'],
  opts: { cwd: string; contentType?: string },
): Promise<PreviewResult> {
  return processLoaded(await loadDocument(target, opts), feed, tagger);
}

/** Runs a loaded document through the ingestion path (see {@link previewFeed}). */
export async function processLoaded(
  loaded: LoadedDocument,
  feed: FeedConfig,
  tagger: Awaited<ReturnType<typeof loadTagger>>['tagger'],
): Promise<PreviewResult> {
  const processed = await processDocument({
    bytes: loaded.bytes,
    ...(loaded.contentType ? { contentType: loaded.contentType } : {}),
    url: loaded.url,
    feed,
    fetchedAt: new Date(),
    tagger,
  });
  return { processed, finalUrl: loaded.url, notes: loaded.notes };
}
