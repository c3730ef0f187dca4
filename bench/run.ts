/**
 * `npm run bench`: runs the benchmark suites of issue 6 in one process (children where a fresh
 * process or a separate server is needed), prints ONE table of figures against their baselines
 * and targets, and writes bench/results.json with the machine, Node version and date.
 *
 *   npm run bench                       all suites, full sizes (about 7 minutes on 2 cores)
 *   npm run bench -- --quick            smaller sizes (about a minute)
 *   npm run bench -- --only ingest,tagging
 *   npm run bench -- --seed 7           another corpus (default 1)
 *   npm run bench -- --full-scale       the scale suite goes to 1M articles however long it takes
 *   npm run bench -- --corpus-dir DIR   keep the SQLite corpora in DIR and reuse them in later runs
 *
 * Re-executes itself once with --expose-gc and a larger heap, so memory figures exclude garbage
 * and a million articles fit.
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHILD_NODE_ARGS } from './lib/child.ts';
import type { Suite, SuiteContext } from './lib/context.ts';
import { skipped, type Figure } from './lib/figures.ts';
import { REPO_ROOT } from './lib/load-module.ts';
import { machineInfo } from './lib/machine.ts';
import { writeResults } from './lib/results.ts';
import { renderTable } from './lib/table.ts';
import { ingestSuite } from './suites/ingest.ts';
import { taggingSuite } from './suites/tagging.ts';
import { httpSuite } from './suites/http.ts';
import { scaleSuite } from './suites/scale.ts';
import { storeSuite } from './suites/store.ts';
import { analyticsSuite } from './suites/analytics.ts';

const SUITES: readonly Suite[] = [ingestSuite, taggingSuite, httpSuite, scaleSuite, storeSuite, analyticsSuite];

interface Options {
  readonly quick: boolean;
  readonly fullScale: boolean;
  readonly only: readonly string[];
  readonly seed: number;
  readonly out: string;
  readonly corpusDir?: string;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  if (argv.includes('--help')) {
    console.log(`usage: npm run bench -- [--quick] [--full-scale] [--only ${SUITES.map((s) => s.name).join(',')}] [--seed N] [--out FILE] [--corpus-dir DIR]\n`);
    for (const s of SUITES) console.log(`  ${s.name.padEnd(8)} ${s.description}`);
    process.exit(0);
  }
  const only = (value('--only') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only.filter((name) => !SUITES.some((s) => s.name === name));
  if (unknown.length > 0) {
    console.error(`bench: unknown suite ${unknown.join(', ')}; choose from ${SUITES.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  const seed = Number(value('--seed') ?? 1);
  if (!Number.isInteger(seed)) {
    console.error(`bench: --seed must be an integer, got ${value('--seed')}`);
    process.exit(2);
  }
  const corpusDir = value('--corpus-dir');
  return {
    quick: argv.includes('--quick'),
    fullScale: argv.includes('--full-scale'),
    only,
    seed,
    out: resolve(value('--out') ?? join(REPO_ROOT, 'bench', 'results.json')),
    ...(corpusDir ? { corpusDir: resolve(corpusDir) } : {}),
  };
}

/** Without --expose-gc, run again as a child with the flags every figure assumes. */
function reexecWithFlags(): void {
  if (typeof (globalThis as { gc?: unknown }).gc === 'function') return;
  const result = spawnSync(process.execPath, [...CHILD_NODE_ARGS, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  reexecWithFlags();
  const started = Date.now();
  const tmpDir = mkdtempSync(join(tmpdir(), 'newsgate-bench-'));
  const ctx: SuiteContext = {
    quick: options.quick,
    fullScale: options.fullScale,
    seed: options.seed,
    tmpDir,
    ...(options.corpusDir ? { corpusDir: options.corpusDir } : {}),
    shared: new Map(),
    log: (message) => process.stderr.write(`${message}\n`),
  };
  const figures: Figure[] = [];
  try {
    for (const suite of SUITES) {
      if (options.only.length > 0 && !options.only.includes(suite.name)) continue;
      const t0 = Date.now();
      ctx.log(`\n== ${suite.name}: ${suite.description}`);
      try {
        figures.push(...(await suite.run(ctx)));
      } catch (err) {
        ctx.log(`   ${suite.name} failed: ${(err as Error).stack ?? String(err)}`);
        figures.push(skipped(suite.name, 'suite', `failed: ${(err as Error).message}`));
      }
      ctx.log(`   (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
  const machine = machineInfo();
  const durationSeconds = Math.round((Date.now() - started) / 1000);
  console.log(`\n${renderTable(figures, machine)}\n\n(${durationSeconds} s; ${options.quick ? 'quick sizes' : 'full sizes'}; seed ${options.seed}; written to ${options.out})`);
  writeResults(options.out, { machine, options: { quick: options.quick, fullScale: options.fullScale, only: options.only, seed: options.seed }, durationSeconds, figures });
  const missed = figures.filter((f) => f.met === false).length;
  if (missed > 0) console.log(`${missed} target(s) missed: see bench/README.md for what limits each.`);
}

await main();
