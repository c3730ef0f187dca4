/**
 * Child process of the restore suite: a fresh Node process (nothing warmed, nothing held)
 * opens a filled store, serves one filtered query, and reports times and memory as one JSON
 * line on stdout. Run with --expose-gc so the memory figures exclude garbage.
 *
 * argv: <storeUrl> <filter JSON>
 */
import 'reflect-metadata';
import { resolveCorpusIds } from '../lib/catalog-ids.ts';
import { openStore } from '../lib/newsgate.ts';
import { memory, now } from '../lib/timing.ts';
import type { BenchFilter } from '../lib/filters.ts';

const [storeUrl, filterJson] = process.argv.slice(2);
if (!storeUrl || !filterJson) {
  process.stderr.write('usage: restore-child.ts <storeUrl> <filter JSON>\n');
  process.exit(2);
}
const filter = JSON.parse(filterJson) as BenchFilter;
const t0 = now();
const { regionAncestors } = await resolveCorpusIds(() => {});
const dictionariesMs = now() - t0;
const base = memory();
const start = now();
const store = await openStore({ url: storeUrl, regionAncestors });
const openMs = now() - start;
const page = store.query(filter, 20);
const bodies = await store.getBodies(page.items.map((a) => a.id));
const firstQueryMs = now() - start - openMs;
// The full-text index builds after open() while the store already serves; memory is measured
// once it is whole, and how long that took is reported too.
await store.whenSearchIndexed?.();
const searchIndexedMs = now() - start;
const held = memory();
process.stdout.write(
  `${JSON.stringify({
    size: store.size(),
    dictionariesMs,
    openMs,
    firstQueryMs,
    searchIndexedMs,
    matches: page.totalCount,
    bodiesLoaded: bodies.filter(Boolean).length,
    heapDelta: held.heapUsed - base.heapUsed,
    rssDelta: held.rss - base.rss,
  })}\n`,
);
await store.close();
