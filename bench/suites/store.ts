/**
 * The `store` suite (issue 9): the SQL store at growing sizes, SQLite at 10k, 100k, 1M and
 * PostgreSQL at 10k and 1M (10M with --full-scale; any sizes with STORE_BENCH_SQLITE_SIZES /
 * STORE_BENCH_POSTGRES_SIZES), each size measured in a fresh process: start to first answer,
 * RSS after a full GC, page query p50/p99 in process per filter (region, actor, topic, source,
 * search, combined), totalCount (`countMatches`) per filter.
 * Growth is the claim: RSS and p99 at the largest size against the 10k figures of the same run.
 * Also the import rate of `newsgate store import`'s engine (NDJSON lines parsed, validated and
 * upserted in batches of 1,000) against parsing the same lines alone.
 *
 * Filling: the 10k base goes through the import engine (the real write path); bigger sizes
 * copy the base rows in SQL (lib/replicate-rows.ts), full text included, as a bulk load would.
 * Every line the suite logs carries the load average: on a shared machine it says how much of
 * a figure is the machine.
 */
import { readFileSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import pg from 'pg';
import { importArticles } from '../../src/cli/transfer/import-articles.ts';
import { parseArticleLine } from '../../src/cli/transfer/article-line.ts';
import { readLines } from '../../src/cli/transfer/read-lines.ts';
import type { Article } from '../../src/model/article.ts';
import type { EntityCatalog } from '../../src/model/catalog.ts';
import { articleSearchTerms } from '../../src/normalize/gazetteer/phrase-terms.ts';
import { foldedWords } from '../../src/normalize/gazetteer/search-terms.ts';
import { BULK_CACHE_MIB } from '../../src/cli/commands/store/store-target.ts';
import { ArticleStore } from '../../src/store/article-store.ts';
import type { ArticleFilter } from '../../src/store/article-store.types.ts';
import { ndjsonChunks, defaultCatalog } from '../corpus/generate-ndjson.ts';
import { runChildJson } from '../lib/child.ts';
import type { Suite, SuiteContext } from '../lib/context.ts';
import { figure, ratio, skipped, type Figure } from '../lib/figures.ts';
import { replicateRows } from '../lib/replicate-rows.ts';
import type { Summary } from '../lib/stats.ts';

interface FilterResult extends Summary {
  countMs: number;
  count: number;
  exact: boolean;
}

interface ChildResult {
  size: number;
  firstAnswerMs: number;
  rssAfterOpenMiB: number;
  rssAfterQueriesMiB: number;
  page: Summary;
  perFilter: Record<string, FilterResult>;
}

interface NamedFilter {
  readonly name: string;
  readonly filter: ArticleFilter;
}

const SUITE = 'store';
const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);

/**
 * Two search words of the base articles' titles: one in about 10 % of them, one in about 0.5 %
 * (a common and a rarer word: they take different plans).
 */
function searchWords(base: readonly Article[]): { common: string; rare: string } {
  const df = new Map<string, number>();
  for (const a of base) for (const w of new Set(foldedWords(a.title))) if (w.length >= 4 && !/\d/.test(w)) df.set(w, (df.get(w) ?? 0) + 1);
  const closest = (share: number) => [...df].sort((x, y) => Math.abs(x[1] - share * base.length) - Math.abs(y[1] - share * base.length))[0]?.[0] ?? 'attack';
  return { common: closest(0.1), rare: closest(0.005) };
}

/**
 * What a dashboard asks, each alone and combined: the most common region, actor and topic, a
 * source, a common and a rare search word, and one actor AND one region over the newest 30 days.
 */
async function filtersOf(store: ArticleStore, words: { common: string; rare: string }): Promise<NamedFilter[]> {
  const top = async (kind: 'actor' | 'region' | 'topic') =>
    (await store.db.selectFrom('article_entities').select('entity_id').where('kind', '=', kind).groupBy('entity_id').orderBy(sql`count(*)`, 'desc').limit(1).executeTakeFirstOrThrow()).entity_id;
  const newest = (await store.db.selectFrom('articles').select((eb) => eb.fn.max('published_ms').as('m')).executeTakeFirstOrThrow()).m as number;
  const to = new Date(Number(newest)).toISOString();
  const from = new Date(Number(newest) - 30 * 86_400_000).toISOString();
  const [actor, region, topic] = [await top('actor'), await top('region'), await top('topic')];
  const feed = (await store.db.selectFrom('articles').select('feed_id').limit(1).executeTakeFirstOrThrow()).feed_id;
  return [
    { name: 'actor+region+30d', filter: { actors: [actor], regions: [region], from, to } },
    { name: 'region', filter: { regions: [region] } },
    { name: 'actor', filter: { actors: [actor] } },
    { name: 'topic', filter: { topics: [topic] } },
    { name: 'source', filter: { sources: [feed] } },
    { name: `search "${words.common}"`, filter: { search: words.common } },
    { name: `search "${words.rare}"`, filter: { search: words.rare } },
    { name: 'search+region', filter: { search: words.common, regions: [region] } },
  ];
}

async function lines(count: number, catalog: EntityCatalog): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of ndjsonChunks({ count, bodies: 'full', catalog })) out.push(...chunk.trimEnd().split('\n'));
  return out;
}

/** Imports through `store import`'s engine; the rate by the wall clock and per CPU-second of this process. */
async function importInto(url: string, text: string[], catalog: EntityCatalog): Promise<{ ms: number; cpuMs: number; count: number }> {
  const store = await ArticleStore.open({ url, regionAncestors: (id) => catalog.regionAncestors(id), topicAncestors: (id) => catalog.topicAncestors(id), sqliteCacheMiB: BULK_CACHE_MIB });
  const t = performance.now();
  const cpu = process.cpuUsage();
  const result = await importArticles(readLines(Readable.from(text.map((l) => `${l}\n`))), store, { batchSize: 1000 });
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - t;
  await store.close();
  return { ms, cpuMs: (used.user + used.system) / 1000, count: result.committed };
}

/** Sizes from STORE_BENCH_<ENGINE>_SIZES (comma-separated), else the preset. */
function sizesOf(engine: 'sqlite' | 'postgres', preset: readonly number[]): readonly number[] {
  const raw = process.env[`STORE_BENCH_${engine.toUpperCase()}_SIZES`];
  if (!raw) return preset;
  const sizes = raw.split(',').map((x) => Number(x.trim()));
  if (sizes.some((x) => !Number.isInteger(x) || x < 1)) throw new Error(`STORE_BENCH_${engine.toUpperCase()}_SIZES must list whole numbers, got "${raw}"`);
  return sizes;
}

const perFilterNote = (r: ChildResult, pick: (f: FilterResult) => string) =>
  Object.entries(r.perFilter)
    .map(([name, f]) => `${name} ${pick(f)}`)
    .join('; ');

/** Measures one engine at its sizes; the base is imported, bigger sizes replicated in SQL. */
async function measureEngine(
  ctx: SuiteContext,
  engine: 'sqlite' | 'postgres',
  url: string,
  base: { lines: string[]; articles: Article[] },
  sizes: readonly number[],
  catalog: EntityCatalog,
): Promise<Figure[]> {
  const figures: Figure[] = [];
  const imported = await importInto(url, base.lines, catalog);
  const rate = (imported.count / imported.ms) * 1000;
  const cpuRate = (imported.count / imported.cpuMs) * 1000;
  ctx.log(`   ${engine}: imported ${imported.count} in ${(imported.ms / 1000).toFixed(1)} s (${Math.round(rate)}/s; ${Math.round(cpuRate)} per CPU-second of the importer) load ${loadavg()}`);
  const results: Array<[number, ChildResult, string]> = [];
  // The filling connection writes in bulk, as `store import` does.
  const store = await ArticleStore.open({ url, regionAncestors: () => [], sqliteCacheMiB: BULK_CACHE_MIB });
  // Planner statistics as a running database would have them (autovacuum may not have run yet).
  await sql`ANALYZE`.execute(store.db);
  const filters = await filtersOf(store, searchWords(base.articles));
  const sqliteTerms = engine === 'sqlite' ? new Map(base.articles.map((a) => [a.id, articleSearchTerms(a).join(' ')])) : undefined;
  let held = base.lines.length;
  try {
    for (const size of sizes) {
      const copies = Math.round(size / base.lines.length) - 1;
      const have = held / base.lines.length - 1;
      if (copies > have) {
        const t = performance.now();
        let last = performance.now();
        await replicateRows(store.db, engine, have + 1, copies, {
          ...(sqliteTerms ? { sqliteTerms } : {}),
          onCopy: (n) => {
            if (performance.now() - last < 30_000) return;
            last = performance.now();
            ctx.log(`   ${engine}: ${k((n + 1) * base.lines.length)} after ${((last - t) / 1000).toFixed(0)} s, load ${loadavg()}`);
          },
        });
        const fillS = (performance.now() - t) / 1000;
        ctx.log(`   ${engine}: filled to ${k(size)} in ${fillS.toFixed(0)} s (${Math.round((size - held) / fillS)} rows/s by SQL copies), load ${loadavg()}`);
        held = size;
      }
      const load = loadavg();
      const r = await runChildJson<ChildResult>('children/store-child.ts', [url, JSON.stringify(filters), ctx.quick ? '800' : '4000']);
      ctx.log(`   ${engine} ${k(size)}: first answer ${r.firstAnswerMs.toFixed(0)} ms, RSS ${r.rssAfterQueriesMiB.toFixed(0)} MiB, page p50 ${r.page.p50.toFixed(2)} ms p99 ${r.page.p99.toFixed(2)} ms (load ${load})`);
      ctx.log(`      p50/p99 ms: ${perFilterNote(r, (f) => `${f.p50.toFixed(2)}/${f.p99.toFixed(2)}`)}`);
      ctx.log(`      totalCount: ${perFilterNote(r, (f) => `${f.exact ? '' : '≥'}${f.count} in ${f.countMs.toFixed(1)} ms`)}`);
      results.push([size, r, load]);
    }
  } finally {
    await store.close();
  }
  figures.push(
    figure({
      suite: SUITE,
      name: `${engine}: import rate (store import engine, batches of 1,000)`,
      value: Math.round(rate),
      unit: 'articles/s',
      target: engine === 'sqlite' ? { on: 'value', op: '>=', limit: 20_000 } : undefined,
      note: `${imported.count} articles with full bodies into an empty store; ${Math.round(cpuRate)} per CPU-second of the importing process${engine === 'postgres' ? ' (the server\'s CPU not counted)' : ''}`,
    }),
  );
  for (const [size, r, load] of results) {
    const at = `${engine} ${k(size)}`;
    figures.push(figure({ suite: SUITE, name: `${at}: start to first answer (open + page + bodies)`, value: Math.round(r.firstAnswerMs), unit: 'ms', target: { on: 'value', op: '<=', limit: 1000 } }));
    figures.push(figure({ suite: SUITE, name: `${at}: page query p50`, value: Number(r.page.p50.toFixed(3)), unit: 'ms', note: `load ${load}; per filter p50: ${perFilterNote(r, (f) => f.p50.toFixed(2))}` }));
    figures.push(
      figure({
        suite: SUITE,
        name: `${at}: page query p99`,
        value: Number(r.page.p99.toFixed(2)),
        unit: 'ms',
        note: `over ${r.page.count} calls; per filter p99: ${perFilterNote(r, (f) => f.p99.toFixed(2))}`,
        ...(size >= 1_000_000 ? { target: { on: 'value' as const, op: '<=' as const, limit: 20 } } : {}),
      }),
    );
    const slowest = Math.max(...Object.values(r.perFilter).map((f) => f.countMs));
    figures.push(figure({ suite: SUITE, name: `${at}: totalCount, slowest filter`, value: Number(slowest.toFixed(2)), unit: 'ms', note: perFilterNote(r, (f) => `${f.exact ? '' : '≥'}${f.count} in ${f.countMs.toFixed(1)} ms`) }));
    figures.push(figure({ suite: SUITE, name: `${at}: RSS after full GC`, value: Math.round(r.rssAfterQueriesMiB), unit: 'MiB' }));
  }
  const [smallest, largest] = [results[0], results[results.length - 1]];
  if (smallest && largest && largest[0] > smallest[0]) {
    figures.push(figure({ suite: SUITE, name: `${engine}: RSS ${k(largest[0])} / ${k(smallest[0])}`, value: Math.round(largest[1].rssAfterQueriesMiB), unit: 'MiB', baseline: { name: `RSS at ${k(smallest[0])}`, value: Math.round(smallest[1].rssAfterQueriesMiB), unit: 'MiB' }, ratio: ratio(largest[1].rssAfterQueriesMiB, smallest[1].rssAfterQueriesMiB), target: { on: 'ratio', op: '<=', limit: 1.25 } }));
    figures.push(figure({ suite: SUITE, name: `${engine}: page p99 ${k(largest[0])} / ${k(smallest[0])}`, value: Number(largest[1].page.p99.toFixed(2)), unit: 'ms', baseline: { name: `p99 at ${k(smallest[0])}`, value: Number(smallest[1].page.p99.toFixed(2)), unit: 'ms' }, ratio: ratio(largest[1].page.p99, smallest[1].page.p99) }));
  }
  return figures;
}

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

export const storeSuite: Suite = {
  name: 'store',
  description: 'SQL store: import rate, start to first answer, RSS, page p50/p99, countMatches at 10k-1M (SQLite, PostgreSQL)',
  async run(ctx) {
    const figures: Figure[] = [];
    const baseCount = ctx.quick ? 2000 : 10_000;
    ctx.log(`   generating ${baseCount} NDJSON lines`);
    const catalog = await defaultCatalog();
    const baseLines = await lines(baseCount, catalog);
    // Baseline: the same lines parsed and validated alone (no store).
    const t = performance.now();
    const articles: Article[] = [];
    for await (const l of readLines(Readable.from(baseLines.map((x) => `${x}\n`)))) {
      const parsed = parseArticleLine(l);
      if (parsed.ok) articles.push(parsed.article);
    }
    const parseRate = (articles.length / (performance.now() - t)) * 1000;
    figures.push(figure({ suite: SUITE, name: 'import baseline: parse + validate lines alone', value: Math.round(parseRate), unit: 'lines/s', note: `load ${loadavg()}` }));
    const base = { lines: baseLines, articles };

    // STORE_BENCH_ENGINES=postgres (or sqlite) measures one engine only.
    const engines = (process.env.STORE_BENCH_ENGINES ?? 'sqlite,postgres').split(',').map((e) => e.trim());
    if (engines.includes('sqlite')) {
      const sqliteSizes = sizesOf('sqlite', ctx.quick ? [baseCount, baseCount * 5] : [10_000, 100_000, 1_000_000]);
      const file = `${ctx.tmpDir}/store-bench.sqlite`;
      try {
        figures.push(...(await measureEngine(ctx, 'sqlite', `sqlite://${file}`, base, sqliteSizes, catalog)));
      } finally {
        for (const ext of ['', '-wal', '-shm']) rmSync(file + ext, { force: true });
      }
      const importFigure = figures.find((f) => f.name.startsWith('sqlite: import rate'));
      if (importFigure) figures[figures.indexOf(importFigure)] = { ...importFigure, baseline: { name: 'parse + validate alone', value: Math.round(parseRate), unit: 'lines/s' }, ratio: ratio(importFigure.value, parseRate) };
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
      const pgSizes = sizesOf('postgres', ctx.quick ? [baseCount] : ctx.fullScale ? [10_000, 1_000_000, 10_000_000] : [10_000, 1_000_000]);
      figures.push(...(await measureEngine(ctx, 'postgres', url.toString(), base, pgSizes, catalog)));
    } finally {
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    }
    return figures;
  },
};
