/**
 * The `store` suite (issue 9): the SQL store at growing sizes, SQLite at 10k, 100k, 1M and
 * PostgreSQL at 10k and 100k (1M with --full-scale), each size measured in a fresh process:
 * start to first answer, RSS after a full GC, page query p50/p99 in process, `countMatches`.
 * Growth is the claim: RSS and p99 at the largest size against the 10k figures of the same run.
 * Also the import rate of `newsgate store import`'s engine (NDJSON lines parsed, validated and
 * upserted in batches of 1,000) against parsing the same lines alone.
 *
 * Filling: the 10k base goes through the import engine (the real write path); bigger sizes
 * copy the base rows in SQL (lib/replicate-rows.ts), as a bulk load would.
 */
import { rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import pg from 'pg';
import { importArticles } from '../../src/cli/transfer/import-articles.ts';
import { parseArticleLine } from '../../src/cli/transfer/article-line.ts';
import { readLines } from '../../src/cli/transfer/read-lines.ts';
import { ArticleStore } from '../../src/store/article-store.ts';
import type { ArticleFilter } from '../../src/store/article-store.types.ts';
import { ndjsonChunks, defaultCatalog } from '../corpus/generate-ndjson.ts';
import { runChildJson } from '../lib/child.ts';
import type { Suite, SuiteContext } from '../lib/context.ts';
import { figure, ratio, skipped, type Figure } from '../lib/figures.ts';
import { replicateRows } from '../lib/replicate-rows.ts';
import type { Summary } from '../lib/stats.ts';

interface ChildResult {
  size: number;
  firstAnswerMs: number;
  rssAfterOpenMiB: number;
  rssAfterQueriesMiB: number;
  page: Summary;
  countMs: number;
  countExact: boolean;
  countMax: number;
}

const SUITE = 'store';
const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);

/** The filters a dashboard asks: one actor AND one region over the newest 30 days, and a source alone. */
async function filtersOf(store: ArticleStore): Promise<ArticleFilter[]> {
  const top = async (kind: 'actor' | 'region') =>
    (await store.db.selectFrom('article_entities').select('entity_id').where('kind', '=', kind).groupBy('entity_id').orderBy(sql`count(*)`, 'desc').limit(3).execute()).map((r) => r.entity_id);
  const newest = (await store.db.selectFrom('articles').select((eb) => eb.fn.max('published_ms').as('m')).executeTakeFirstOrThrow()).m as number;
  const to = new Date(Number(newest)).toISOString();
  const from = new Date(Number(newest) - 30 * 86_400_000).toISOString();
  const [actors, regions] = [await top('actor'), await top('region')];
  const feed = (await store.db.selectFrom('articles').select('feed_id').limit(1).executeTakeFirstOrThrow()).feed_id;
  return [
    ...actors.flatMap((a, i) => [{ actors: [a], regions: [regions[i % regions.length]!], from, to }]),
    { sources: [feed] },
    { actors: [actors[0]!] },
  ];
}

async function lines(count: number): Promise<string[]> {
  const out: string[] = [];
  const catalog = await defaultCatalog();
  for await (const chunk of ndjsonChunks({ count, bodies: 'full', catalog })) out.push(...chunk.trimEnd().split('\n'));
  return out;
}

async function importInto(url: string, text: string[]): Promise<{ ms: number; count: number }> {
  const store = await ArticleStore.open({ url, regionAncestors: () => [] });
  const t = performance.now();
  const result = await importArticles(readLines(Readable.from(text.map((l) => `${l}\n`))), store, { batchSize: 1000 });
  const ms = performance.now() - t;
  await store.close();
  return { ms, count: result.committed };
}

/** Measures one engine at its sizes; the base is imported, bigger sizes replicated in SQL. */
async function measureEngine(ctx: SuiteContext, engine: 'sqlite' | 'postgres', url: string, base: string[], sizes: readonly number[]): Promise<Figure[]> {
  const figures: Figure[] = [];
  const imported = await importInto(url, base);
  const rate = (imported.count / imported.ms) * 1000;
  ctx.log(`   ${engine}: imported ${imported.count} in ${(imported.ms / 1000).toFixed(1)} s (${Math.round(rate)}/s)`);
  const results: Array<[number, ChildResult]> = [];
  const store = await ArticleStore.open({ url, regionAncestors: () => [] });
  // Planner statistics as a running database would have them (autovacuum may not have run yet).
  await sql`ANALYZE`.execute(store.db);
  const filters = await filtersOf(store);
  let held = base.length;
  try {
    for (const size of sizes) {
      const copies = Math.round(size / base.length) - 1;
      const have = held / base.length - 1;
      if (copies > have) {
        const t = performance.now();
        await replicateRows(store.db, engine, have + 1, copies);
        ctx.log(`   ${engine}: filled to ${k(size)} in ${((performance.now() - t) / 1000).toFixed(0)} s`);
        held = size;
      }
      const r = await runChildJson<ChildResult>('children/store-child.ts', [url, JSON.stringify(filters), ctx.quick ? '800' : '2000']);
      ctx.log(`   ${engine} ${k(size)}: first answer ${r.firstAnswerMs.toFixed(0)} ms, RSS ${r.rssAfterQueriesMiB.toFixed(0)} MiB, page p50 ${r.page.p50.toFixed(2)} ms p99 ${r.page.p99.toFixed(2)} ms, count ${r.countMs.toFixed(1)} ms`);
      results.push([size, r]);
    }
  } finally {
    await store.close();
  }
  figures.push(figure({ suite: SUITE, name: `${engine}: import rate (store import engine, batches of 1,000)`, value: Math.round(rate), unit: 'articles/s', target: engine === 'sqlite' ? { on: 'value', op: '>=', limit: 20_000 } : undefined, note: `${imported.count} articles with full bodies into an empty store` }));
  for (const [size, r] of results) {
    figures.push(figure({ suite: SUITE, name: `${engine} ${k(size)}: start to first answer (open + page + bodies)`, value: Math.round(r.firstAnswerMs), unit: 'ms', target: { on: 'value', op: '<=', limit: 1000 } }));
    figures.push(figure({ suite: SUITE, name: `${engine} ${k(size)}: page query p50 (p99 in note)`, value: Number(r.page.p50.toFixed(3)), unit: 'ms', note: `p99 ${r.page.p99.toFixed(2)} ms over ${r.page.count} calls` }));
    figures.push(figure({ suite: SUITE, name: `${engine} ${k(size)}: page query p99`, value: Number(r.page.p99.toFixed(2)), unit: 'ms', ...(size >= 1_000_000 ? { target: { on: 'value' as const, op: '<=' as const, limit: 20 } } : {}) }));
    figures.push(figure({ suite: SUITE, name: `${engine} ${k(size)}: countMatches (median of 5)`, value: Number(r.countMs.toFixed(2)), unit: 'ms', note: `${r.countExact ? 'exact' : 'at least'} ${r.countMax} for the widest filter` }));
    figures.push(figure({ suite: SUITE, name: `${engine} ${k(size)}: RSS after full GC`, value: Math.round(r.rssAfterQueriesMiB), unit: 'MiB' }));
  }
  const [smallest, largest] = [results[0], results[results.length - 1]];
  if (smallest && largest && largest[0] > smallest[0]) {
    figures.push(figure({ suite: SUITE, name: `${engine}: RSS ${k(largest[0])} / ${k(smallest[0])}`, value: Math.round(largest[1].rssAfterQueriesMiB), unit: 'MiB', baseline: { name: `RSS at ${k(smallest[0])}`, value: Math.round(smallest[1].rssAfterQueriesMiB), unit: 'MiB' }, ratio: ratio(largest[1].rssAfterQueriesMiB, smallest[1].rssAfterQueriesMiB), target: { on: 'ratio', op: '<=', limit: 1.25 } }));
    figures.push(figure({ suite: SUITE, name: `${engine}: page p99 ${k(largest[0])} / ${k(smallest[0])}`, value: Number(largest[1].page.p99.toFixed(2)), unit: 'ms', baseline: { name: `p99 at ${k(smallest[0])}`, value: Number(smallest[1].page.p99.toFixed(2)), unit: 'ms' }, ratio: ratio(largest[1].page.p99, smallest[1].page.p99) }));
  }
  return figures;
}

export const storeSuite: Suite = {
  name: 'store',
  description: 'SQL store: import rate, start to first answer, RSS, page p50/p99, countMatches at 10k-1M (SQLite, PostgreSQL)',
  async run(ctx) {
    const figures: Figure[] = [];
    const baseCount = ctx.quick ? 2000 : 10_000;
    ctx.log(`   generating ${baseCount} NDJSON lines`);
    const base = await lines(baseCount);
    // Baseline: the same lines parsed and validated alone (no store).
    const t = performance.now();
    let ok = 0;
    for await (const l of readLines(Readable.from(base.map((x) => `${x}\n`)))) if (parseArticleLine(l).ok) ok++;
    const parseRate = (ok / (performance.now() - t)) * 1000;
    figures.push(figure({ suite: SUITE, name: 'import baseline: parse + validate lines alone', value: Math.round(parseRate), unit: 'lines/s' }));

    // STORE_BENCH_ENGINES=postgres (or sqlite) measures one engine only.
    const engines = (process.env.STORE_BENCH_ENGINES ?? 'sqlite,postgres').split(',').map((e) => e.trim());
    if (engines.includes('sqlite')) {
      const sqliteSizes = ctx.quick ? [baseCount, baseCount * 5] : [10_000, 100_000, 1_000_000];
      const file = `${ctx.tmpDir}/store-bench.sqlite`;
      figures.push(...(await measureEngine(ctx, 'sqlite', `sqlite://${file}`, base, sqliteSizes)));
      const importFigure = figures.find((f) => f.name.startsWith('sqlite: import rate'));
      if (importFigure) figures[figures.indexOf(importFigure)] = { ...importFigure, baseline: { name: 'parse + validate alone', value: Math.round(parseRate), unit: 'lines/s' }, ratio: ratio(importFigure.value, parseRate) };
      rmSync(file, { force: true });
    }
    if (!engines.includes('postgres')) return figures;

    const pgUrl = process.env.POSTGRES_URL;
    if (!pgUrl) {
      figures.push(skipped(SUITE, 'postgres', 'POSTGRES_URL is not set'));
      return figures;
    }
    const name = `storeops_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    try {
      const pgSizes = ctx.quick ? [baseCount] : ctx.fullScale ? [10_000, 100_000, 1_000_000] : [10_000, 100_000];
      figures.push(...(await measureEngine(ctx, 'postgres', url.toString(), base, pgSizes)));
    } finally {
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    }
    return figures;
  },
};
