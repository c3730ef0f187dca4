/**
 * The one way the gateway, the CLI, the bench and the evaluation get a tagger: load the
 * dictionaries from `data/` (resolved from this file's location, not the working directory, so
 * `newsgate` works from any folder) plus the operator's extension files, build the catalog and
 * the automaton once.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCatalog, type GazetteerCatalog } from './catalog.ts';
import { loadDictionaries } from './load-dictionaries.ts';
import { createTagger, type GazetteerTagger, type TaggerOptions } from './tagger.ts';

/** `data/` of this repository. */
export const DEFAULT_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data');

export interface DefaultTaggerOptions extends TaggerOptions {
  /** Folder with actors.json, regions.json, topics.json (default: the repository's data/). */
  readonly dataDir?: string;
  /** User extension files (feeds.json `defaults.dictionaries`), merged in order. */
  readonly extraFiles?: readonly string[];
}

/**
 * Loads and validates the dictionaries and builds the tagger. Throws
 * NewsgateError(DICTIONARY_INVALID) when a file is missing or invalid; `warnings` lists
 * problems that do not stop loading (an alias shared by two actors).
 */
export async function createDefaultTagger(opts: DefaultTaggerOptions = {}): Promise<{ tagger: GazetteerTagger; catalog: GazetteerCatalog; warnings: readonly string[] }> {
  const dictionaries = await loadDictionaries({ dataDir: opts.dataDir ?? DEFAULT_DATA_DIR, extraFiles: opts.extraFiles ?? [] });
  const catalog = createCatalog(dictionaries);
  return { tagger: createTagger(catalog, opts), catalog, warnings: dictionaries.warnings };
}
