/**
 * Profiles a hot path with `node --cpu-prof` and prints the functions with the most self time:
 * what the note on a missed target quotes.
 *
 *   node --import tsx bench/profile.ts ingest|tagging|query|restore|upsert|http [--seconds 10] [--keep DIR]
 *                                      [--articles N] [--corpus-dir DIR]   (http: store size, default 20k; where corpora are kept)
 *
 * query, restore and upsert work on a store of 100k articles (the restore loop re-opens it).
 * ingest, tagging, query, restore and upsert run in a child (bench/children/hot-path.ts) that starts V8's CPU
 * profiler (the one behind --cpu-prof) after its set-up; http runs a newsgate child
 * (bench/children/gateway-child.ts), profiled from "ready" on, while autocannon sends it the
 * filtered query. The .cpuprofile files are kept with --keep (open them in Chrome DevTools).
 */
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runChildJson, startChildServer, stopChild } from './lib/child.ts';
import { corpusIds } from './lib/catalog-ids.ts';
import type { SuiteContext } from './lib/context.ts';
import { formatHottest, hottestFunctions } from './lib/cpu-profile.ts';
import { benchFilters } from './lib/filters.ts';
import { sqliteCorpusOf } from './lib/sqlite-corpus.ts';
import { filteredBody, load } from './suites/http.ts';

const argv = process.argv.slice(2);
const path = argv[0];
const seconds = Number(argv[argv.indexOf('--seconds') + 1] ?? 10) || 10;
const articles = Number(argv[argv.indexOf('--articles') + 1] ?? 20_000) || 20_000;
const corpusDir = argv.includes('--corpus-dir') ? resolve(argv[argv.indexOf('--corpus-dir') + 1] ?? '.') : undefined;
const keep = argv.includes('--keep') ? resolve(argv[argv.indexOf('--keep') + 1] ?? join(tmpdir(), 'newsgate-profiles')) : undefined;
if (!path || !['ingest', 'tagging', 'query', 'restore', 'upsert', 'http'].includes(path)) {
  console.error('usage: node --import tsx bench/profile.ts ingest|tagging|query|restore|upsert|http [--seconds N] [--keep DIR]');
  process.exit(2);
}
const tmpDir = mkdtempSync(join(tmpdir(), 'newsgate-profile-'));
const profDir = keep ?? join(tmpDir, 'profiles');
mkdirSync(profDir, { recursive: true });
const cpuProf = ['--cpu-prof', `--cpu-prof-dir=${profDir}`];
try {
  if (path === 'http') {
    const ctx: SuiteContext = { quick: true, fullScale: false, seed: 1, tmpDir, ...(corpusDir ? { corpusDir } : {}), shared: new Map(), log: (m) => process.stderr.write(`${m}\n`) };
    const corpus = await sqliteCorpusOf(ctx, articles);
    const filters = benchFilters((await corpusIds(ctx)).ids);
    // Profiled from "ready" to the end of the load: serving only, start-up left out.
    const gateway = await startChildServer<{ url: string }>('children/gateway-child.ts', [corpus.url, tmpDir, '40', 'off'], {
      NEWSGATE_BENCH_PROFILE: join(profDir, 'gateway-serving.cpuprofile'),
    });
    try {
      const endpoint = `${gateway.info.url}/graphql`;
      await load(endpoint, filteredBody(filters, true), 1); // warm-up (in the profile: the JIT's first compiles)
      const r = await load(endpoint, filteredBody(filters, true), seconds);
      console.log(`load: ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms`);
    } finally {
      await stopChild(gateway.child);
    }
  } else {
    await runChildJson('children/hot-path.ts', [path, tmpDir, String(seconds), profDir]);
  }
  // One profile per thread (tsx runs a loader thread): show the busy ones only.
  const summaries = readdirSync(profDir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((file) => ({ file, summary: hottestFunctions(join(profDir, file), 20) }));
  const busiest = Math.max(0, ...summaries.map((s) => s.summary.totalMs));
  for (const { file, summary } of summaries.filter((s) => s.summary.totalMs >= busiest * 0.2)) {
    console.log(`\nhottest functions by self time (${path}, ${file}):`);
    console.log(formatHottest(summary));
  }
} finally {
  rmSync(tmpDir, { recursive: true, force: true });
}
