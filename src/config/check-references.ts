/**
 * The checks of feeds.json that need the dictionaries: every region id a feed (or the defaults)
 * names must exist, or its articles would carry a region no filter can find. Run once the
 * dictionaries are loaded — at start-up, on every reload, and by `newsgate feeds check` — and
 * reported like every other config problem: path, line and column, and a did-you-mean.
 */
import { readFileSync } from 'node:fs';
import type { EntityCatalog } from '../model/catalog.ts';
import type { FeedsSettings } from './config.types.ts';
import { configError, locateProblems, type ConfigProblem } from './feeds-file.ts';
import { closest } from './json-location.ts';

interface RawRegions {
  defaults?: { regions?: unknown };
  feeds?: { regions?: unknown }[];
}

/** Problems with the region ids of the file's text (as written: defaults and each feed). */
export function regionProblems(text: string, catalog: Pick<EntityCatalog, 'region' | 'regions'>): ConfigProblem[] {
  let data: RawRegions;
  try {
    data = JSON.parse(text) as RawRegions;
  } catch {
    return []; // parseFeedsFile reports JSON errors.
  }
  const ids = catalog.regions.map((r) => r.id);
  const problems: ConfigProblem[] = [];
  const check = (list: unknown, at: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((id, j) => {
      if (typeof id !== 'string' || catalog.region(id)) return;
      // A case slip first (iq/baghdad → IQ/baghdad), then a likely typo.
      const guess = ids.find((known) => known.toLowerCase() === id.toLowerCase()) ?? closest(id, ids);
      problems.push({
        path: `${at}.regions[${j}]`,
        message: `unknown region "${id}"${guess ? `; did you mean "${guess}"?` : ''} Region ids are ISO 3166 codes (IQ, IQ-BG), places as country/slug (IQ/baghdad) or macro-regions (MIDDLE_EAST); \`{ regions { id name } }\` lists them.`,
        example: '"regions": ["IQ"]',
      });
    });
  };
  check(data.defaults?.regions, '$.defaults');
  (data.feeds ?? []).forEach((feed, i) => check(feed?.regions, `$.feeds[${i}]`));
  return locateProblems(text, problems);
}

/** Throws NewsgateError(CONFIG_INVALID) when feeds.json names regions the dictionaries lack. */
export function assertFeedReferences(settings: FeedsSettings, catalog: Pick<EntityCatalog, 'region' | 'regions'>): void {
  const problems = regionProblems(readFileSync(settings.file, 'utf8'), catalog);
  if (problems.length > 0) throw configError(settings.file, problems);
}
