/**
 * Fills a store's keyv namespaces directly (metadata and, optionally, bodies), the way they look
 * after ingestion, without going through `upsert`. Why: the scale, restore and HTTP suites
 * measure a store *holding* N articles, and a restarted gateway builds its indexes from exactly
 * these records (`ArticleStore.open` → restore); filling through upsert would make the bench
 * minutes slower and measure ingestion, which the ingest suite (and the upsert-cost rows of the
 * scale suite) already do.
 */
import type { Article } from '../../src/model/article.ts';
import { splitArticle } from '../../src/model/article.ts';
import { importSrc } from './load-module.ts';
import { now } from './timing.ts';

interface KeyvLike {
  setMany(entries: { key: string; value: unknown }[]): Promise<unknown>;
  disconnect(): Promise<void>;
}

/** Writes every batch to `<url>` namespaces `articles` (and `bodies` when asked); returns the ms spent writing. */
export async function writeArticlesDirect(url: string, batches: Iterable<Article[]>, options: { bodies: boolean; onBatch?: (written: number) => boolean | void }): Promise<{ written: number; writeMs: number }> {
  const { openKeyv } = await importSrc<{ openKeyv(url: string, ns: string): Promise<KeyvLike> }>('store/open-keyv.ts');
  const articles = await openKeyv(url, 'articles');
  const bodies = options.bodies ? await openKeyv(url, 'bodies') : undefined;
  let written = 0;
  let writeMs = 0;
  try {
    for (const batch of batches) {
      const parts = batch.map(splitArticle);
      const start = now();
      if (bodies) await bodies.setMany(parts.map((p) => ({ key: p.meta.id, value: p.body })));
      await articles.setMany(parts.map((p) => ({ key: p.meta.id, value: p.meta })));
      writeMs += now() - start;
      written += batch.length;
      if (options.onBatch?.(written) === false) break;
    }
  } finally {
    await articles.disconnect();
    await bodies?.disconnect();
  }
  return { written, writeMs };
}
