/**
 * Profiles a hot path with `node --cpu-prof` and prints the functions with the most self time:
 * what the note on a missed target quotes.
 *
 *   node --import tsx bench/profile.ts ingest|tagging|query|restore|upsert|http [--seconds 10] [--keep DIR]
 *
 * query, restore and upsert work on a store of 100k articles (the restore loop re-opens it).
 * ingest, tagging, query, restore and upsert run in a child (bench/children/hot-path.ts) that starts V8's CPU
 * profiler (the one behind --cpu-prof) after its set-up; http runs a newsgate child
 * (bench/children/gateway-child.ts) under --cpu-prof while autocannon sends it the filtered
 * query. The .cpuprofile files are kept with --keep (open them in Chrome DevTools).
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
import { ensureSqliteCorpus } from './lib/sqlite-corpus.ts';
import { filteredBody, load } from './suites/http.ts';

const argv = process.argv.slice(2);
const path = argv[0];
const seconds = Number(argv[argv.indexOf('--seconds') + 1] ?? 10) || 10;
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
    const ctx: SuiteContext = { quick: true, fullScale: false, seed: 1, tmpDir, shared: new Map(), log: (m) => process.stderr.write(`${m}\n`) };
    const corpus = await ensureSqliteCorpus(ctx);
    const filters = benchFilters((await corpusIds(ctx)).ids);
    const gateway = await startChildServer<{ url: string }>('children/gateway-child.ts', [corpus.url, tmpDir, '40', 'off'], {}, cpuProf);
    try {
      const r = await load(`${gateway.info.url}/graphql`, filteredBody(filters, true), seconds);
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
