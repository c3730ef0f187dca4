/**
 * feeds.json edits while running: a valid edit replaces the feeds, an invalid one is logged
 * with the start-up message and the running feeds are kept.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedsSettings } from '../../src/config/config.types.ts';
import type { Logger } from '../../src/observability/logger.ts';
import { watchFeedsFile } from '../../src/server/watch-feeds-file.ts';
import { waitFor } from '../e2e/feed-server.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'newsgate-watch-'));
const file = path.join(dir, 'feeds.json');
const feeds = (...ids: string[]) => JSON.stringify({ feeds: ids.map((id) => ({ id, url: `https://${id}.example/rss` })) });

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('watchFeedsFile', () => {
  it('applies valid edits (including editors that save by rename) and rejects invalid ones', async () => {
    writeFileSync(file, feeds('shafaq'));
    const seen: FeedsSettings[] = [];
    const errors: string[] = [];
    const logger = { info() {}, warn() {}, error: (obj: { err: string }) => errors.push(obj.err) } as unknown as Logger;
    const watcher = watchFeedsFile(file, (s) => seen.push(s), logger, undefined, 50);
    try {
      writeFileSync(file, feeds('shafaq', 'rudaw'));
      await waitFor(() => seen.length === 1, 5000, 'first reload');
      expect(seen[0]!.feeds.map((f) => f.id)).toEqual(['shafaq', 'rudaw']);

      writeFileSync(file, JSON.stringify({ feeds: [{ id: 'shafaq', url: 'not a url' }] }));
      await waitFor(() => errors.length === 1, 5000, 'rejection');
      expect(errors[0]).toContain('$.feeds[0].url');
      expect(seen).toHaveLength(1);

      writeFileSync(`${file}.tmp`, feeds('kurdistan24'));
      renameSync(`${file}.tmp`, file);
      await waitFor(() => seen.length === 2, 5000, 'reload after rename');
      expect(seen[1]!.feeds.map((f) => f.id)).toEqual(['kurdistan24']);
    } finally {
      watcher.close();
    }
  });
});
