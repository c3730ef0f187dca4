/**
 * Reloads feeds.json while running. An edit that validates replaces the feed list; an invalid
 * one is logged with the same message start-up would print, and the running config is kept.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { FeedsSettings } from '../config/config.types.ts';
import { readFeedsFile } from '../config/feeds-file.ts';
import type { Logger } from '../observability/logger.ts';

export interface FeedsFileWatcher {
  close(): void;
}

/**
 * Watches the file's folder (editors replace files by rename, which a watch on the file itself
 * misses), debounced. `onChange` gets each valid new version.
 */
export function watchFeedsFile(
  file: string,
  onChange: (settings: FeedsSettings) => void,
  logger: Logger,
  /** The settings running now: an edit made while newsgate was starting is still seen as a change. */
  running?: FeedsSettings,
  debounceMs = 300,
): FeedsFileWatcher {
  let timer: NodeJS.Timeout | undefined;
  let last = running ? JSON.stringify(running) : '';
  const reload = () => {
    try {
      const settings = readFeedsFile(file);
      const fingerprint = JSON.stringify(settings);
      if (fingerprint === last) return;
      last = fingerprint;
      onChange(settings);
      logger.info({ file, feeds: settings.feeds.length }, 'feeds file reloaded');
    } catch (err) {
      logger.error({ file, err: (err as Error).message }, 'feeds file change rejected; keeping the running feeds');
    }
  };
  let watcher: FSWatcher;
  try {
    watcher = watch(path.dirname(file), (_event, name) => {
      if (name !== null && name !== path.basename(file)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(reload, debounceMs);
    });
    // A watch error (the folder removed, too many watchers) must not crash the gateway.
    watcher.on('error', (err) => logger.warn({ file, err: err.message }, 'stopped watching the feeds file; edits need a restart'));
  } catch (err) {
    logger.warn({ file, err: (err as Error).message }, 'cannot watch the feeds file; edits need a restart');
    return { close() {} };
  }
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
