/**
 * SQLite stores holding the synthetic corpus (100k articles with full bodies, 20k with
 * --quick, and the 10k store the HTTP suite compares at), written once per run and shared by
 * the restore and HTTP suites. They are written through the store's own upsert
 * (lib/fill-store.ts), as ingestion leaves them. With `--corpus-dir` they are kept there and
 * reused by later runs (writing 100k articles takes minutes on a shared machine).
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { articleBatches } from '../corpus/build-articles.ts';
import { corpusIds } from './catalog-ids.ts';
import type { SuiteContext } from './context.ts';
import { writeArticlesDirect } from './fill-store.ts';

export interface SqliteCorpus {
  readonly url: string;
  readonly count: number;
  /** Time spent in store writes (batches of 1,000 metadata + bodies), ms; 0 when reused. */
  readonly writeMs: number;
  /** True when the file came from `--corpus-dir` instead of being written in this run. */
  readonly reused: boolean;
}

/** The corpus of `count` articles for this run's seed, written unless `--corpus-dir` has it. */
export async function sqliteCorpusOf(ctx: SuiteContext, count: number): Promise<SqliteCorpus> {
  const key = `sqliteCorpus:${count}`;
  const cached = ctx.shared.get(key) as SqliteCorpus | undefined;
  if (cached) return cached;
  const dir = ctx.corpusDir ?? ctx.tmpDir;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `corpus-seed${ctx.seed}-${count}.sqlite`);
  let corpus: SqliteCorpus;
  if (ctx.corpusDir !== undefined && existsSync(file)) {
    ctx.log(`  reusing ${count} articles in ${file}`);
    corpus = { url: `sqlite://${file}`, count, writeMs: 0, reused: true };
  } else {
    const { ids } = await corpusIds(ctx);
    // Written under another name and renamed when complete: an interrupted run leaves no half corpus to reuse.
    const partial = `${file}.partial`;
    ctx.log(`  writing ${count} articles to ${file}`);
    const { writeMs } = await writeArticlesDirect(`sqlite://${partial}`, articleBatches({ seed: ctx.seed + 3, count, bodies: 'full', batchSize: 1000, ids }), { bodies: true });
    renameSync(partial, file);
    ctx.log(`  written: ${(writeMs / 1000).toFixed(1)} s in store writes`);
    corpus = { url: `sqlite://${file}`, count, writeMs, reused: false };
  }
  ctx.shared.set(key, corpus);
  return corpus;
}

/** The run's main corpus: 100k articles, 20k with --quick. */
export function ensureSqliteCorpus(ctx: SuiteContext): Promise<SqliteCorpus> {
  return sqliteCorpusOf(ctx, ctx.quick ? 20_000 : 100_000);
}
