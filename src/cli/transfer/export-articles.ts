/**
 * The engine of `newsgate store export`: every article matching a filter, newest first, as one
 * NDJSON line each (article-line.ts), streamed from the contract's `iterate` a batch at a time
 * and written with backpressure, so exporting a million articles holds one batch in memory.
 * `source` on each line is the feed's id with the title and site the feed state knows.
 */
import type { Article } from '../../model/article.ts';
import type { EntityCatalog } from '../../model/catalog.ts';
import type { FeedState } from '../../model/feed.ts';
import type { PreviewSource } from '../preview-json.ts';
import { articleToLine } from './article-line.ts';

/** What exporting needs of a store (the contract's `iterate` and `getFeedStates`). */
export interface ExportSource<F> {
  iterate(filter: F, batchSize?: number): AsyncIterable<Article[]>;
  getFeedStates(feedIds: readonly string[]): Promise<(FeedState | undefined)[]>;
}

export interface ExportOptions {
  readonly batchSize?: number;
  /** After each batch written, with the running count. */
  readonly onProgress?: (exported: number) => void;
}

/** Writes every match through `write` (which resolves when the sink can take more); returns the count. */
export async function exportArticles<F>(
  store: ExportSource<F>,
  filter: F,
  catalog: EntityCatalog,
  write: (text: string) => Promise<void>,
  options: ExportOptions = {},
): Promise<number> {
  const sources = new Map<string, PreviewSource>();
  let exported = 0;
  for await (const batch of store.iterate(filter, options.batchSize ?? 1000)) {
    const unknown = [...new Set(batch.map((a) => a.feedId).filter((id) => !sources.has(id)))];
    if (unknown.length > 0) {
      const states = await store.getFeedStates(unknown);
      unknown.forEach((id, i) => sources.set(id, { id, title: states[i]?.title ?? null, siteUrl: states[i]?.siteUrl ?? null }));
    }
    let text = '';
    for (const article of batch) text += `${articleToLine(article, catalog, sources.get(article.feedId)!)}\n`;
    await write(text);
    exported += batch.length;
    options.onProgress?.(exported);
  }
  return exported;
}
