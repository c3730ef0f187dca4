/**
 * Writing a large feed's articles without holding the event loop: the store's SQLite engine
 * writes synchronously (better-sqlite3), so one call with 500 articles kept every query waiting
 * for 150–400 ms on a loaded machine. Articles are written in batches sized from what the last
 * batch held the event loop for (its active time, so a PostgreSQL store, which waits on the
 * network with the loop free, keeps large batches), with a turn of the event loop between.
 */
import { performance } from 'node:perf_hooks';
import type { Article, ArticleMeta } from '../model/article.ts';
import { yieldToLoop } from '../model/time-slices.ts';
import type { ArticleStoreApi, UpsertResult } from '../store/article-store.types.ts';

/** The sizing of write batches. */
export interface BatchPolicy {
  /** Event-loop time one write may take. */
  readonly targetMs: number;
  readonly first: number;
  readonly min: number;
  readonly max: number;
}

export const WRITE_BATCHES: BatchPolicy = Object.freeze({ targetMs: 20, first: 50, min: 10, max: 500 });

/**
 * The next batch size: scaled so the next write holds the loop about `targetMs`, at most doubled
 * in one step (one quick write on a warm cache is not a trend), within [min, max]. Pure.
 */
export function nextBatchSize(size: number, activeMs: number, policy: BatchPolicy = WRITE_BATCHES): number {
  const scaled = Math.floor((size * policy.targetMs) / Math.max(activeMs, 1));
  return Math.max(policy.min, Math.min(policy.max, size * 2, scaled));
}

/** Writes the articles in order, in batches sized by `policy`, yielding between batches; the results summed. */
export async function upsertInBatches(store: ArticleStoreApi, articles: readonly Article[], policy: BatchPolicy = WRITE_BATCHES): Promise<UpsertResult> {
  const added: ArticleMeta[] = [];
  const updated: ArticleMeta[] = [];
  let unchanged = 0;
  let size = policy.first;
  let done = 0;
  do {
    if (done > 0) await yieldToLoop();
    const before = performance.eventLoopUtilization();
    const batch = articles.slice(done, done + size);
    const written = await store.upsert(batch);
    added.push(...written.added);
    updated.push(...written.updated);
    unchanged += written.unchanged;
    done += batch.length;
    size = nextBatchSize(size, performance.eventLoopUtilization(before).active, policy);
  } while (done < articles.length);
  return { added, updated, unchanged };
}
