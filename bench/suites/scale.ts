/**
 * Scale (issue 6 item 4): p50/p99 of the filtered query in-process (store.query, no HTTP) at
 * 10k, 100k and 1M articles held. The store's records are written in steps to one SQLite
 * file (lib/fill-store.ts; SQLite rather than memory:// so the records do not share the heap
 * with the indexes being measured) and, at each size, a fresh ArticleStore restores them (as a
 * restarted gateway does) and is measured: the same rotation of filters at every size. Ratio
 * 1M / 10k near 1 means the query cost does not grow with the corpus.
 *
 * Also at each size: the restore time, the heap the store holds per 1,000 articles, and the
 * cost of upserting 100 new articles into a store of that size (ingest must not slow down as
 * the store grows).
 */
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { articleBatches } from '../corpus/build-articles.ts';
import { corpusIds } from '../lib/catalog-ids.ts';
import type { Suite } from '../lib/context.ts';
import { figure, ratio, skipped, type Figure } from '../lib/figures.ts';
import { writeArticlesDirect } from '../lib/fill-store.ts';
import { benchFilters } from '../lib/filters.ts';
import { openStore } from '../lib/newsgate.ts';
import type { Summary } from '../lib/stats.ts';
import { memory, now, sampleLatencyAsync } from '../lib/timing.ts';

/** Longest restore one step may take (the store's restore is the bulk of a step). */
const RESTORE_BUDGET_MS = 100_000;
/** Sizes to fall back to, largest first, when 1M would take too long (issue 6 allows 300k or 500k). */
const FALLBACK_SIZES = [500_000, 300_000, 200_000];

/** Articles upserted at each size to measure the write cost there. */
const UPSERT_PROBE = 100;

const label = (n: number): string => (n >= 1e6 ? `${+(n / 1e6).toFixed(2)}M` : `${Math.round(n / 1e3)}k`);

interface SizeResult {
  readonly size: number;
  readonly latency: Summary;
  readonly matches: number;
  readonly restoreMs: number;
  readonly heapPer1k: number;
  readonly upsertUsPerArticle: number;
}

export const scaleSuite: Suite = {
  name: 'scale',
  description: 'filtered query p50/p99 in-process at 10k, 100k, 1M articles; ratio 1M/10k',
  async run(ctx) {
    const sizes = ctx.quick ? [10_000, 50_000] : [10_000, 100_000, 1_000_000];
    const { ids, regionAncestors, note: idsNote } = await corpusIds(ctx);
    const filters = benchFilters(ids);
    if (filters.length === 0) return [skipped('scale', 'filtered query', 'no actor or region of the corpus is in the catalog')];
    const url = `sqlite://${join(ctx.tmpDir, 'scale.sqlite')}`;
    const biggest = sizes[sizes.length - 1] as number;
    const batches = articleBatches({ seed: ctx.seed + 2, count: biggest, bodies: 'lean', batchSize: 5000, ids });
    // New articles (a guid range of their own), not updates of held ones.
    const extra = articleBatches({ seed: ctx.seed + 20, count: UPSERT_PROBE * sizes.length, bodies: 'lean', batchSize: UPSERT_PROBE, ids, firstIndex: 50_000_000 });
    const heapLimit = getHeapStatistics().heap_size_limit;
    const results: SizeResult[] = [];
    let held = 0;
    let reason: string | undefined;
    try {
      for (const size of sizes) {
        const previous = results[results.length - 1];
        let target = size;
        if (previous) {
          // Records and indexes grow together: stop before a step that would not fit in the heap.
          const projected = memory().heapUsed + (previous.heapPer1k / 1000) * target * 1.3;
          if (projected > heapLimit * 0.9) {
            reason = `a store of ${label(target)} would need about ${(projected / 2 ** 30).toFixed(1)} GiB of heap (limit ${(heapLimit / 2 ** 30).toFixed(1)} GiB)`;
            break;
          }
          // Restore grows a little faster than linearly; keep the whole bench near 10 minutes.
          const restoreProjection = (n: number) => previous.restoreMs * (n / previous.size) * 1.5;
          if (!ctx.fullScale && restoreProjection(target) > RESTORE_BUDGET_MS) {
            const fallback = FALLBACK_SIZES.find((n) => n < target && n > previous.size && restoreProjection(n) <= RESTORE_BUDGET_MS);
            reason = `restoring ${label(target)} would take about ${(restoreProjection(target) / 1000).toFixed(0)} s (${(previous.restoreMs / previous.size * 1000).toFixed(0)} µs/article at ${label(previous.size)}), over the ${RESTORE_BUDGET_MS / 1000} s budget of one step; ${fallback ? `measured at ${label(fallback)} instead` : 'stopped'} (run with --full-scale to insist)`;
            if (!fallback) break;
            target = fallback;
          }
        }
        // A view without return(): stopping one step must not close the generator for the next.
        const fill = await writeArticlesDirect(url, { [Symbol.iterator]: () => ({ next: () => batches.next() }) }, {
          bodies: false,
          onBatch: (written) => {
            if (held + written >= target) return false;
            const heap = process.memoryUsage().heapUsed;
            if (heap > heapLimit * 0.8) {
              reason = `heap reached ${(heap / 2 ** 20).toFixed(0)} MiB of ${(heapLimit / 2 ** 20).toFixed(0)} MiB while writing ${held + written} records`;
              return false;
            }
          },
        });
        held += fill.written;
        const before = memory();
        const t0 = now();
        const store = await openStore({ url, regionAncestors });
        const restoreMs = now() - t0;
        // The full-text index builds after open(); memory and upsert are measured once it is whole.
        await store.whenSearchIndexed?.();
        const after = memory();
        let matches = 0;
        const latency = await sampleLatencyAsync(
          async (i) => {
            const filter = filters[i % filters.length]!;
            await store.query(filter, { first: 20 });
            matches += (await store.countMatches(filter)).count;
          },
          { warmup: 50, budgetMs: ctx.quick ? 1000 : 2000, minCalls: 300, maxCalls: 200_000 },
        );
        const fresh = extra.next();
        let upsertUsPerArticle = Number.NaN;
        if (!fresh.done) {
          const t1 = now();
          await store.upsert(fresh.value);
          upsertUsPerArticle = ((now() - t1) * 1000) / fresh.value.length;
        }
        const size0 = await store.size();
        await store.close();
        const r: SizeResult = { size: size0, latency, matches: Math.round(matches / latency.count), restoreMs, heapPer1k: ((after.heapUsed - before.heapUsed) / size0) * 1000, upsertUsPerArticle };
        results.push(r);
        ctx.log(`  ${label(r.size)}: p50 ${latency.p50.toFixed(3)} ms, p99 ${latency.p99.toFixed(3)} ms, ~${r.matches} matches/filter; restore ${(restoreMs / 1000).toFixed(1)} s; heap ${(r.heapPer1k / 2 ** 20).toFixed(2)} MiB/1k; upsert ${upsertUsPerArticle.toFixed(0)} µs/article`);
        if (reason && target === size) break;
      }
    } catch (err) {
      if (results.length === 0) return [skipped('scale', 'filtered query', (err as Error).message)];
      reason = `failed past ${label(held)}: ${(err as Error).message}`;
    }
    const first = results[0];
    const last = results[results.length - 1];
    if (!first || !last) return [skipped('scale', 'filtered query', reason ?? 'no size was reached')];
    const rows: Figure[] = results.map((r) =>
      figure({
        suite: 'scale',
        name: `filtered query at ${label(r.size)} (p50; p99 in unit)`,
        value: r.latency.p50,
        unit: `ms (p99 ${r.latency.p99.toFixed(3)} ms)`,
        note: `~${r.matches} matches per filter; restore ${(r.restoreMs / 1000).toFixed(1)} s; store heap ${(r.heapPer1k / 2 ** 20).toFixed(2)} MiB per 1,000${r === first ? `; ${filters.length} filters rotated (1 actor, 1 region, 30 days, first 20)${idsNote ? `; ${idsNote}` : ''}` : ''}`,
      }),
    );
    const sizeNote = last.size < biggest * 0.99 ? `stopped at ${label(last.size)} instead of ${label(biggest)}: ${reason ?? 'corpus exhausted'}` : ctx.quick ? '--quick: 50k instead of 1M' : undefined;
    const pair = `${label(last.size)} / ${label(first.size)}`;
    rows.push(
      figure({ suite: 'scale', name: `query p99 ratio ${pair}`, value: last.latency.p99, unit: 'ms', baseline: { name: `p99 at ${label(first.size)}`, value: first.latency.p99, unit: 'ms' }, ratio: ratio(last.latency.p99, first.latency.p99), target: { on: 'ratio', op: '<=', limit: 1.5 }, ...(sizeNote ? { note: sizeNote } : {}) }),
      figure({ suite: 'scale', name: `query p50 ratio ${pair}`, value: last.latency.p50, unit: 'ms', baseline: { name: `p50 at ${label(first.size)}`, value: first.latency.p50, unit: 'ms' }, ratio: ratio(last.latency.p50, first.latency.p50), target: { on: 'ratio', op: '<=', limit: 1.5 } }),
      figure({ suite: 'scale', name: `upsert cost ratio ${pair}`, value: last.upsertUsPerArticle, unit: 'µs/article', baseline: { name: `at ${label(first.size)}`, value: first.upsertUsPerArticle, unit: 'µs/article' }, ratio: ratio(last.upsertUsPerArticle, first.upsertUsPerArticle), note: '100 new articles upserted into a store of that size (no target in issue 6; near 1 means ingest does not slow as the store grows)' }),
    );
    return rows;
  },
};
