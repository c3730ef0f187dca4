/**
 * Write batches: their size follows how long the last write held the event loop, every article
 * is written once and in order, the results are summed, the event loop turns between batches —
 * against a store that blocks like SQLite (a busy wait per article) and against a real SQLite
 * ArticleStore.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.ts';
import { nextBatchSize, upsertInBatches, WRITE_BATCHES, type BatchPolicy } from '../../src/pipeline/write-in-batches.ts';
import { ArticleStore } from '../../src/store/article-store.ts';
import type { ArticleStoreApi, UpsertResult } from '../../src/store/article-store.types.ts';
import { makeArticle } from '../store/article-factory.ts';

const policy: BatchPolicy = { targetMs: 20, first: 50, min: 10, max: 500 };

describe('nextBatchSize', () => {
  it.each([
    // size, active ms, next: why
    [50, 20, 50, 'on target: unchanged'],
    [50, 40, 25, 'twice too long: halved'],
    [50, 400, 10, 'far too long: the minimum'],
    [50, 5, 100, 'four times too short: only doubled'],
    [400, 1, 500, 'quick: capped at the maximum'],
    [50, 0, 100, 'no measurable time (a network store): doubled'],
  ])('%i articles in %i ms → %i (%s)', (size, active, next) => {
    expect(nextBatchSize(size, active, policy)).toBe(next);
  });

  it('the default policy bounds a batch between 10 and 500 articles', () => {
    expect(WRITE_BATCHES).toMatchObject({ min: 10, max: 500 });
  });
});

/** A store whose upsert blocks the thread `msPerArticle` per article, as a synchronous SQLite write does; it records each call. */
function blockingStore(msPerArticle: number, turns: { count: number }): ArticleStoreApi & { calls: { size: number; turnsBefore: number; ids: string[] }[] } {
  const calls: { size: number; turnsBefore: number; ids: string[] }[] = [];
  const upsert = async (articles: readonly Article[]): Promise<UpsertResult> => {
    calls.push({ size: articles.length, turnsBefore: turns.count, ids: articles.map((a) => a.id) });
    const until = performance.now() + msPerArticle * articles.length;
    while (performance.now() < until);
    return { added: articles.filter((a) => Number(a.id.slice(1)) % 2 === 0).map((a) => ({ id: a.id }) as never), updated: [], unchanged: articles.filter((a) => Number(a.id.slice(1)) % 2 === 1).length };
  };
  return { calls, upsert } as never;
}

describe('upsertInBatches', () => {
  const articles = Array.from({ length: 600 }, (_, i) => makeArticle({ id: `a${i}` }));

  it('shrinks batches that hold the event loop too long, writes each article once in order, sums the results, and yields between batches', async () => {
    // Counts turns of the event loop: a callback that re-queues itself for the next turn.
    const turns = { count: 0 };
    let spinning = true;
    const spin = (): void => {
      turns.count++;
      if (spinning) setImmediate(spin);
    };
    spin();
    const store = blockingStore(1, turns);
    try {
      const result = await upsertInBatches(store, articles, policy);
      expect(store.calls.flatMap((c) => c.ids)).toEqual(articles.map((a) => a.id));
      expect(result.added).toHaveLength(300);
      expect(result.unchanged).toBe(300);
      expect(store.calls[0]!.size).toBe(policy.first);
      // 1 ms per article against a 20 ms target: after the first batch, none is larger than ~20 (+ timer noise downwards only).
      expect(Math.max(...store.calls.slice(1).map((c) => c.size))).toBeLessThanOrEqual(policy.targetMs);
      for (let i = 1; i < store.calls.length; i++) expect(store.calls[i]!.turnsBefore).toBeGreaterThan(store.calls[i - 1]!.turnsBefore);
    } finally {
      spinning = false;
    }
  });

  it('grows batches when writes cost the event loop nothing', async () => {
    const store = blockingStore(0, { count: 0 });
    await upsertInBatches(store, articles, policy);
    expect(store.calls.map((c) => c.size)).toEqual([50, 100, 200, 250]);
  });

  it('calls the store once for no articles (as a single write would)', async () => {
    const store = blockingStore(0, { count: 0 });
    expect(await upsertInBatches(store, [], policy)).toEqual({ added: [], updated: [], unchanged: 0 });
    expect(store.calls).toHaveLength(1);
  });

  it('writes 1,500 articles to a real SQLite store, all of them, in more than one transaction', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsgate-batches-'));
    const store = await ArticleStore.open({ url: `sqlite://${dir}/store.sqlite`, regionAncestors: (id) => [id] });
    try {
      let writes = 0;
      const counting: ArticleStoreApi = Object.assign(Object.create(store) as ArticleStoreApi, { upsert: (a: readonly Article[]) => (writes++, store.upsert(a)) });
      const many = Array.from({ length: 1500 }, (_, i) => makeArticle({ id: `s${i}`, publishedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString() }));
      const result = await upsertInBatches(counting, many);
      expect(result.added).toHaveLength(1500);
      expect(writes).toBeGreaterThan(1);
      expect((await upsertInBatches(counting, many)).unchanged).toBe(1500);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
