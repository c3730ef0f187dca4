/**
 * The engine of `newsgate store import`: NDJSON lines in, Articles upserted by id in batches, one
 * transaction per batch (`upsert` resolves once committed). A batch is reported as committed only
 * after its `upsert` resolved, so a process killed at any moment has stored at least every line
 * it reported. A bad line is reported with its number and skipped; the others are kept.
 */
import type { Article } from '../../model/article.ts';
import { parseArticleLine } from './article-line.ts';

/** What importing needs of a store: the contract's `upsert`. */
export interface ImportTarget {
  upsert(articles: readonly Article[]): Promise<{ readonly added: readonly unknown[]; readonly updated: readonly unknown[]; readonly unchanged: number }>;
}

export interface ImportProgress {
  /** Lines read so far (blank lines included). */
  readonly lines: number;
  /** Articles in committed batches. */
  readonly committed: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Lines rejected. */
  readonly rejected: number;
  /** Every line up to this one is committed or rejected. */
  readonly committedThroughLine: number;
}

export interface ImportOptions {
  /** Articles per transaction (default 1000). */
  readonly batchSize?: number;
  /** After each committed batch. */
  readonly onCommitted?: (progress: ImportProgress) => void;
  /** For each rejected line (1-based number), with the reason. */
  readonly onRejected?: (line: number, reason: string) => void;
}

/** Default articles per transaction: big enough to amortise a commit, small enough to lose little. */
export const IMPORT_BATCH = 1000;

export async function importArticles(lines: AsyncIterable<string>, target: ImportTarget, options: ImportOptions = {}): Promise<ImportProgress> {
  const batchSize = Math.max(1, options.batchSize ?? IMPORT_BATCH);
  let progress: ImportProgress = { lines: 0, committed: 0, added: 0, updated: 0, unchanged: 0, rejected: 0, committedThroughLine: 0 };
  let batch: Article[] = [];
  let lineNo = 0;
  let rejected = 0;
  const commit = async (): Promise<void> => {
    const result = batch.length > 0 ? await target.upsert(batch) : { added: [], updated: [], unchanged: 0 };
    progress = {
      lines: lineNo,
      committed: progress.committed + batch.length,
      added: progress.added + result.added.length,
      updated: progress.updated + result.updated.length,
      unchanged: progress.unchanged + result.unchanged,
      rejected,
      committedThroughLine: lineNo,
    };
    batch = [];
    options.onCommitted?.(progress);
  };
  for await (const text of lines) {
    lineNo += 1;
    if (text.trim() === '') continue;
    const parsed = parseArticleLine(text);
    if (!parsed.ok) {
      rejected += 1;
      options.onRejected?.(lineNo, parsed.reason);
      continue;
    }
    batch.push(parsed.article);
    if (batch.length >= batchSize) await commit();
  }
  if (batch.length > 0 || progress.committedThroughLine < lineNo) await commit();
  return progress;
}
