/**
 * One fresh gateway-like process over a filled store (SQLite or PostgreSQL): how long from
 * nothing to the first answer (open + first filtered page with its bodies), RSS after a full
 * GC, page query latency in process, and `countMatches` time. Prints one JSON line.
 *
 *   node --import tsx --expose-gc bench/children/store-child.ts STORE_URL FILTERS_JSON BUDGET_MS
 */
import { ArticleStore } from '../../src/store/article-store.ts';
import type { ArticleFilter } from '../../src/store/article-store.types.ts';
import { collectGarbage, memory, now, sampleLatencyAsync } from '../lib/timing.ts';

const [url, filtersJson, budget] = process.argv.slice(2);
const filters = JSON.parse(filtersJson!) as ArticleFilter[];
collectGarbage();
const before = memory();
const t0 = now();
const store = await ArticleStore.open({ url: url!, regionAncestors: () => [] });
const first = await store.query(filters[0]!, { first: 20 });
await store.getBodies(first.items.map((m) => m.id));
const firstAnswerMs = now() - t0;
collectGarbage();
const afterOpen = memory();
const page = await sampleLatencyAsync((i) => store.query(filters[i % filters.length]!, { first: 20 }), { warmup: 20, budgetMs: Number(budget ?? 2000), minCalls: 200, maxCalls: 20_000 });
const counts: number[] = [];
let exact = true;
let matches = 0;
for (let i = 0; i < 5; i++) {
  const t = now();
  const c = await store.countMatches(filters[i % filters.length]!);
  counts.push(now() - t);
  exact &&= c.exact;
  matches = Math.max(matches, c.count);
}
const size = await store.size();
collectGarbage();
const end = memory();
await store.close();
console.log(JSON.stringify({
  size,
  firstAnswerMs,
  firstPageItems: first.items.length,
  rssBeforeMiB: before.rss / 1048576,
  rssAfterOpenMiB: afterOpen.rss / 1048576,
  rssAfterQueriesMiB: end.rss / 1048576,
  heapAfterQueriesMiB: end.heapUsed / 1048576,
  page,
  countMs: counts.sort((a, b) => a - b)[2],
  countExact: exact,
  countMax: matches,
}));
