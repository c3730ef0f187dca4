/**
 * The entity catalog alone (no tagger automaton): what `store` commands need to name entities on
 * export and to expand region ancestors when writing. About a third of the tagger's load time.
 */
import type { CliIo } from '../cli-io.ts';
import { configuredDictionaries } from '../preview-feed.ts';
import { createCatalog, type GazetteerCatalog } from '../../normalize/gazetteer/catalog.ts';
import { DEFAULT_DATA_DIR } from '../../normalize/gazetteer/create-default-tagger.ts';
import { loadDictionaries } from '../../normalize/gazetteer/load-dictionaries.ts';

/** The catalog of data/ plus the dictionaries feeds.json names (when a valid one is there). */
export async function loadCatalog(io: CliIo): Promise<GazetteerCatalog> {
  return createCatalog(await loadDictionaries({ dataDir: DEFAULT_DATA_DIR, extraFiles: configuredDictionaries(io) }));
}
