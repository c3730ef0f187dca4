/**
 * The saved-search registry over a real SQLite store: feeds.json searches first and read-only,
 * API ones persisted across a reopen, and a feeds.json edit to `searches` reaching it through
 * the same watcher as feeds (a bad query rejected with its position, the running ones kept).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FeedsSettings } from '../../src/config/config.types.ts';
import type { Logger } from '../../src/observability/logger.ts';
import { SavedSearchRegistry } from '../../src/searches/saved-search-registry.ts';
import { searchDatabase } from '../../src/searches/search-tables.ts';
import { watchFeedsFile } from '../../src/server/watch-feeds-file.ts';
import { ArticleStore } from '../../src/store/article-store.ts';
import { waitFor } from '../e2e/feed-server.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'newsgate-registry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const open = () => ArticleStore.open({ url: `sqlite://${path.join(dir, 'store.sqlite')}`, regionAncestors: (id) => [id] });
const spec = (id: string, extra: object = {}) => ({ id, name: id.toUpperCase(), query: '', filter: {}, webhook: null, ...extra });

describe('SavedSearchRegistry', () => {
  it('lists feeds.json searches first (read-only), keeps API ones across a reopen, and deletes them', async () => {
    let store = await open();
    let registry = new SavedSearchRegistry(searchDatabase(store.db), [spec('from-config', { query: 'drone' })]);
    await registry.save(spec('zeta', { filter: { regions: ['IQ'] } }));
    await registry.save(spec('alpha'));
    await registry.save(spec('alpha', { name: 'Alpha renamed' }));
    await expect(registry.save(spec('from-config'))).rejects.toThrow(/declared in feeds.json and is read-only/);
    await expect(registry.delete('from-config')).rejects.toThrow(/read-only/);
    await store.close();

    store = await open();
    registry = new SavedSearchRegistry(searchDatabase(store.db), [spec('from-config', { query: 'drone' })]);
    const list = await registry.list();
    expect(list.map((s) => [s.id, s.origin, s.name])).toEqual([
      ['from-config', 'config', 'FROM-CONFIG'],
      ['alpha', 'api', 'Alpha renamed'],
      ['zeta', 'api', 'ZETA'],
    ]);
    expect((await registry.get('zeta'))?.filter).toEqual({ regions: ['IQ'] });
    await registry.delete('zeta');
    expect(await registry.get('zeta')).toBeUndefined();
    await expect(registry.delete('zeta')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    registry.setConfig([]);
    expect((await registry.list()).map((s) => s.id)).toEqual(['alpha']);
    await store.close();
  });

  it('receives edits of feeds.json searches through the feeds-file watcher; a query that does not parse is rejected', async () => {
    const file = path.join(dir, 'feeds.json');
    const write = (searches: object[]) => writeFileSync(file, JSON.stringify({ feeds: [{ id: 'a', url: 'https://a.example/rss' }], searches }));
    write([{ id: 'one', name: 'One', query: 'drone' }]);
    const seen: FeedsSettings[] = [];
    const errors: string[] = [];
    const logger = { info() {}, warn() {}, error: (obj: { err: string }) => errors.push(obj.err) } as unknown as Logger;
    const watcher = watchFeedsFile(file, (s) => seen.push(s), logger, undefined, 50);
    try {
      write([{ id: 'one', name: 'One', query: 'drone OR rocket' }]);
      await waitFor(() => seen.length === 1, 5000, 'reload');
      expect(seen[0]!.searches).toEqual([{ id: 'one', name: 'One', query: 'drone OR rocket', filter: {}, webhook: null }]);
      write([{ id: 'one', name: 'One', query: 'drone OR' }]);
      await waitFor(() => errors.length === 1, 5000, 'rejection');
      expect(errors[0]).toContain('$.searches[0].query: Query error at position 9');
      expect(seen).toHaveLength(1);
    } finally {
      watcher.close();
    }
  });
});
