/**
 * Adds entries to feeds.json for `newsgate feeds add` and `feeds import`: the new text is
 * validated with the same rules as start-up before it replaces the file, atomically, so a CLI
 * edit can never leave the running gateway an invalid file.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { type FeedEntry, parseFeedsFile } from './feeds-file.ts';
import type { FeedsSettings } from './config.types.ts';

export type { FeedEntry } from './feeds-file.ts';

/** Ids not yet taken: `base`, `base-2`, `base-3`… */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Appends entries to the file's `feeds` array and writes it back (2-space JSON). Returns the
 * validated settings; throws NewsgateError(CONFIG_INVALID) and writes nothing when the result
 * would be invalid.
 */
export function appendFeeds(file: string, entries: readonly FeedEntry[]): FeedsSettings {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { feeds?: unknown[] };
  data.feeds = [...(data.feeds ?? []), ...entries];
  const text = `${JSON.stringify(data, null, 2)}\n`;
  const settings = parseFeedsFile(text, file);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
  return settings;
}
