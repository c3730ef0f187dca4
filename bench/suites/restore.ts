/**
 * Restore and memory (issue 6 item 5, issue 5 item 3): time for a fresh process to restore
 * 100k articles from the default SQLite store and serve the first filtered query (bodies
 * included), and heap/RSS per 1,000 articles held. Also the sustained write rate of building
 * that store, as the persist figure of the default store.
 */
import { statSync } from 'node:fs';
import { corpusIds } from '../lib/catalog-ids.ts';
import { runChildJson } from '../lib/child.ts';
import type { Suite } from '../lib/context.ts';
import { figure, skipped } from '../lib/figures.ts';
import { benchFilters } from '../lib/filters.ts';
import { ensureSqliteCorpus } from '../lib/sqlite-corpus.ts';
import { median } from '../lib/stats.ts';

/** What restore-child.ts reports. */
export interface RestoreReport {
  readonly size: number;
  readonly dictionariesMs: number;
  readonly openMs: number;
  readonly firstQueryMs: number;
  /** From open to a complete full-text index (built in the background after open resolves). */
  readonly searchIndexedMs?: number;
  readonly matches: number;
  readonly bodiesLoaded: number;
  readonly heapDelta: number;
  readonly rssDelta: number;
}

/** Restores `url` in fresh processes `runs` times; the median run (by total time) is kept. */
export async function measureRestore(url: string, filter: unknown, runs: number, env: NodeJS.ProcessEnv = {}): Promise<RestoreReport> {
  const reports: RestoreReport[] = [];
  for (let i = 0; i < runs; i++) reports.push(await runChildJson<RestoreReport>('children/restore-child.ts', [url, JSON.stringify(filter)], env));
  const totals = reports.map((r) => r.openMs + r.firstQueryMs);
  const mid = median(totals);
  return reports.find((r) => r.openMs + r.firstQueryMs === mid) ?? (reports[0] as RestoreReport);
}

export const restoreSuite: Suite = {
  name: 'restore',
  description: 'restore 100k articles from SQLite + first query; heap and RSS per 1,000 articles',
  async run(ctx) {
    let corpus;
    try {
      corpus = await ensureSqliteCorpus(ctx);
    } catch (err) {
      return [skipped('restore', 'restore from sqlite', (err as Error).message)];
    }
    const { ids } = await corpusIds(ctx);
    const filter = benchFilters(ids)[0];
    const runs = ctx.quick ? 1 : 3;
    let report;
    try {
      report = await measureRestore(corpus.url, filter, runs);
    } catch (err) {
      return [skipped('restore', 'restore from sqlite', (err as Error).message)];
    }
    const k = report.size / 1000;
    const fileMiB = statSync(corpus.url.slice('sqlite://'.length)).size / 2 ** 20;
    ctx.log(`  restore: ${report.size} articles, open ${report.openMs.toFixed(0)} ms, first query ${report.firstQueryMs.toFixed(1)} ms`);
    const label = `${Math.round(k)}k`;
    return [
      figure({
        suite: 'restore',
        name: `restore ${label} from sqlite + first query`,
        value: report.openMs + report.firstQueryMs,
        unit: 'ms',
        target: { on: 'value', op: '<=', limit: ctx.quick ? 2000 * (report.size / 100_000) : 2000 },
        note: `open ${report.openMs.toFixed(0)} ms + first query with bodies ${report.firstQueryMs.toFixed(1)} ms${report.searchIndexedMs !== undefined ? `; full-text index complete after ${(report.searchIndexedMs / 1000).toFixed(1)} s (searches are answered meanwhile)` : ''} (median of ${runs} fresh processes); dictionaries load before, in ${report.dictionariesMs.toFixed(0)} ms; file ${fileMiB.toFixed(0)} MiB${ctx.quick ? '; --quick: target scaled to the size' : ''}`,
      }),
      figure({ suite: 'restore', name: 'heap per 1,000 articles held (sqlite)', value: report.heapDelta / k / 2 ** 20, unit: 'MiB' }),
      figure({ suite: 'restore', name: 'RSS per 1,000 articles held (sqlite)', value: report.rssDelta / k / 2 ** 20, unit: 'MiB' }),
      figure({ suite: 'restore', name: 'sqlite write rate (keyv setMany, meta + body, batches of 1,000)', value: corpus.count / (corpus.writeMs / 1000), unit: 'articles/s', note: 'how the corpus was written (not through upsert); upsert cost is in the ingest and scale rows' }),
    ];
  },
};
