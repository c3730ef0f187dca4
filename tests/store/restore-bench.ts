/**
 * By-hand measurement of the store at scale (NOT a test; vitest does not pick it up):
 * writes N synthetic articles, closes, reopens and times the restore, then a few queries.
 *
 *   node --expose-gc --import tsx tests/store/restore-bench.ts [storeUrl] [N] [readonly]
 *
 * Default: a temp SQLite file, 100 000 articles. `readonly` skips the write phase (re-measure
 * the restore of an existing store). A candidate for bench/ (the lead owns that folder).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArticleStore } from '../../src/store/article-store.ts';
import { makeArticle, regionAncestors } from './article-factory.ts';

const tempDir = process.argv[2] ? undefined : mkdtempSync(join(tmpdir(), 'newsgate-bench-'));
const url = process.argv[2] ?? `sqlite://${join(tempDir as string, 'bench.sqlite')}`;
const N = Number(process.argv[3] ?? 100_000);
const regions = ['IQ/baghdad', 'IQ/jurf-al-sakhr', 'IQ', 'SY', 'SY/deir-ez-zor', 'LB', 'LB/beirut', 'IQ-BG'];
const actors = ['kataib-hizbullah', 'pmf', 'sdf', 'hezbollah', 'asaib-ahl-al-haq', 'us-centcom', 'irgc', 'lebanese-army'];
const topics = ['drone-strike', 'statement', 'clashes', 'airstrike', 'protest', 'border'];
const words = ['drone', 'strike', 'militia', 'border', 'rocket', 'attack', 'statement', 'commander', 'killed', 'convoy', 'Baghdad', 'Erbil', 'Damascus', 'Beirut', 'الحشد', 'غارة', 'كتائب'];
const pick = <T>(a: readonly T[], i: number, k: number): T => a[(i * k + (i >> 3)) % a.length] as T;
const gc = (globalThis as { gc?: () => void }).gc;

if (process.argv[4] !== 'readonly') {
  const writer = await ArticleStore.open({ url, regionAncestors });
  const started = performance.now();
  for (let b = 0; b < N; b += 1000) {
    const batch = [];
    for (let i = b; i < Math.min(N, b + 1000); i++) {
      batch.push(
        makeArticle({
          id: `bench-${i}`,
          feedId: `feed-${i % 60}`,
          publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
          title: `${pick(words, i, 3)} ${pick(words, i, 7)} ${pick(words, i, 11)} near ${pick(words, i, 13)}`,
          summary: `${pick(words, i, 5)} ${pick(words, i, 17)} ${pick(words, i, 19)} report`,
          regions: [pick(regions, i, 3)],
          actors: [pick(actors, i, 5), pick(actors, i, 7)],
          topics: [pick(topics, i, 11)],
          language: i % 4 === 0 ? 'ar' : 'en',
        }),
      );
    }
    await writer.upsert(batch);
  }
  console.log(`wrote ${N} articles in batches of 1000: ${Math.round(performance.now() - started)} ms`);
  await writer.close();
}

gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const t0 = performance.now();
const store = await ArticleStore.open({ url, regionAncestors });
const restoreMs = performance.now() - t0;
gc?.();
const heapMb = Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6);
console.log(`restored ${store.size()} articles in ${Math.round(restoreMs)} ms; heap +${heapMb} MB`);
const time = (label: string, run: () => { totalCount: number }) => {
  const t = performance.now();
  const page = run();
  console.log(`${label}: totalCount=${page.totalCount} in ${(performance.now() - t).toFixed(2)} ms`);
};
time('actor AND region AND from', () => store.query({ actors: ['pmf'], regions: ['IQ'], from: '2026-02-01T00:00:00Z' }, 20));
time('one source', () => store.query({ sources: ['feed-7'] }, 20));
time('search "drone baghdad"', () => store.query({ search: 'drone baghdad' }, 20));
time('page after a cursor, no filter', () => store.query({}, 20, { publishedAt: '2026-02-01T00:00:00Z', id: 'x' }));
await store.close();
if (tempDir) rmSync(tempDir, { recursive: true, force: true });
