/**
 * One fresh gateway-like process over a filled store (SQLite or PostgreSQL): how long from
 * nothing to the first answer (open + first filtered page with its bodies), RSS after a full
 * GC, page query latency in process per named filter and over all of them, and `countMatches`
 * (totalCount) per filter. Prints one JSON line.
 *
 *   node --import tsx --expose-gc bench/children/store-child.ts STORE_URL FILTERS_JSON BUDGET_MS
 *
 * FILTERS_JSON: `[{ "name": "region", "filter": {…} }, …]`; the first answers the first page.
 */
import { ArticleStore } from '../../src/store/article-store.ts';
import type { ArticleFilter } from '../../src/store/article-store.types.ts';
import { summarize, type Summary } from '../lib/stats.ts';
import { collectGarbage, memory, now } from '../lib/timing.ts';

interface NamedFilter {
  readonly name: string;
  readonly filter: ArticleFilter;
}

const [url, filtersJson, budget] = process.argv.slice(2);
const filters = JSON.parse(filtersJson!) as NamedFilter[];
collectGarbage();
const before = memory();
const t0 = now();
const store = await ArticleStore.open({ url: url!, regionAncestors: () => [] });
const first = await store.query(filters[0]!.filter, { first: 20 });
await store.getBodies(first.items.map((m) => m.id));
const firstAnswerMs = now() - t0;
collectGarbage();
const afterOpen = memory();

// Pages of 20, the filters taken in turn (a dashboard's mix), about BUDGET_MS in all.
const samples = filters.map(() => [] as number[]);
for (let i = 0; i < 5 * filters.length; i++) await store.query(filters[i % filters.length]!.filter, { first: 20 });
const deadline = now() + Number(budget ?? 2000);
for (let i = 0; i < 200 * filters.length && (i < 20 * filters.length || now() < deadline); i++) {
  const f = i % filters.length;
  const t = now();
  await store.query(filters[f]!.filter, { first: 20 });
  samples[f]!.push(now() - t);
}
const perFilter: Record<string, Summary & { countMs: number; count: number; exact: boolean }> = {};
for (const [f, { name, filter }] of filters.entries()) {
  const t = now();
  const c = await store.countMatches(filter);
  perFilter[name] = { ...summarize(samples[f]!), countMs: now() - t, count: c.count, exact: c.exact };
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
  page: summarize(samples.flat()),
  perFilter,
}));
