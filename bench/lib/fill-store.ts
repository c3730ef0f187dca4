/**
 * Fills a store with articles through `ArticleStore.upsert` in batches (one transaction each),
 * the way ingestion and `store import` leave it. The formal store benchmarks (import rate, page
 * queries at 10k–10M) live with the `store` commands; this is what the older suites need to hold
 * N articles.
 */
import type { Article } from '../../src/model/article.ts';
import { openStore } from './newsgate.ts';
import { now } from './timing.ts';

/** Upserts every batch into the store at `url`; returns the ms spent writing. */
export async function writeArticlesDirect(
  url: string,
  batches: Iterable<Article[]>,
  options: { bodies?: boolean; onBatch?: (written: number) => boolean | void; regionAncestors?: (id: string) => string[] },
): Promise<{ written: number; writeMs: number }> {
  const store = await openStore({ url, regionAncestors: options.regionAncestors ?? ((id) => [id]) });
  let written = 0;
  let writeMs = 0;
  try {
    for (const batch of batches) {
      const start = now();
      await store.upsert(batch);
      writeMs += now() - start;
      written += batch.length;
      if (options.onBatch?.(written) === false) break;
    }
  } finally {
    await store.close();
  }
  return { written, writeMs };
}
