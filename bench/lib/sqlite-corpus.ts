/**
 * A SQLite store holding the synthetic corpus (100k articles with full bodies, 20k with
 * --quick), written once per run and shared by the restore and HTTP suites. It is written
 * straight into the store's keyv namespaces (lib/fill-store.ts), as ingestion leaves them.
 */
import { join } from 'node:path';
import { articleBatches } from '../corpus/build-articles.ts';
import { corpusIds } from './catalog-ids.ts';
import type { SuiteContext } from './context.ts';
import { writeArticlesDirect } from './fill-store.ts';

export interface SqliteCorpus {
  readonly url: string;
  readonly count: number;
  /** Time spent in keyv writes (batches of 1,000 metadata + bodies), ms. */
  readonly writeMs: number;
}

export async function ensureSqliteCorpus(ctx: SuiteContext): Promise<SqliteCorpus> {
  const cached = ctx.shared.get('sqliteCorpus') as SqliteCorpus | undefined;
  if (cached) return cached;
  const count = ctx.quick ? 20_000 : 100_000;
  const url = `sqlite://${join(ctx.tmpDir, 'corpus.sqlite')}`;
  const { ids } = await corpusIds(ctx);
  ctx.log(`  writing ${count} articles to ${url}`);
  const { writeMs } = await writeArticlesDirect(url, articleBatches({ seed: ctx.seed + 3, count, bodies: 'full', batchSize: 1000, ids }), { bodies: true });
  ctx.log(`  written: ${(writeMs / 1000).toFixed(1)} s in keyv writes`);
  const corpus = { url, count, writeMs };
  ctx.shared.set('sqliteCorpus', corpus);
  return corpus;
}
