/**
 * `newsgate feeds refetch-text <id>`: re-extracts the stored articles of one feed with the
 * full-text rule feeds.json gives it now (pipeline/refetch-text.ts), so that a changed selector
 * or `remove` list applies to old articles too. Fetches go through the same limits, politeness
 * and headers as the gateway's. Run it while the gateway is stopped, or accept that its next
 * counters write may miss this run's (the articles themselves are safe either way).
 */
import { parseArgs } from 'node:util';
import { readEnv } from '../../config/env.ts';
import { readFeedsFile } from '../../config/feeds-file.ts';
import { HostLimiter } from '../../ingest/fetch/host-limiter.ts';
import { fullTextWarning, type FullTextKeptReason } from '../../model/feed.ts';
import { refetchText } from '../../pipeline/refetch-text.ts';
import { ArticleStore } from '../../store/article-store.ts';
import { suggestIds } from '../../graphql/suggest.ts';
import { EXIT, type CliIo } from '../cli-io.ts';
import { loadTagger } from '../preview-feed.ts';

export const REFETCH_USAGE = 'usage: newsgate feeds refetch-text <feed-id>   (re-extracts stored articles with the feed\'s fullText rule; STORE_URL names the store)';

/** Runs the command; returns the exit code (0 done, 1 the store failed, 2 bad usage or config). */
export async function runRefetchText(file: string, argv: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: {} });
  const id = positionals[0];
  if (!id || positionals.length > 1) {
    io.stderr(`${REFETCH_USAGE}\n`);
    return EXIT.USAGE;
  }
  const settings = readFeedsFile(file);
  const feed = settings.feeds.find((f) => f.id === id);
  if (!feed) {
    const hint = suggestIds(id, settings.feeds.map((f) => ({ id: f.id, name: f.title ?? f.id })));
    io.stderr(`newsgate feeds refetch-text: ${file} has no feed "${id}"${hint.length > 0 ? `; did you mean ${hint.map((h) => `"${h}"`).join(' or ')}?` : ''}\n`);
    return EXIT.USAGE;
  }
  if (!feed.fullText) {
    io.stderr(`newsgate feeds refetch-text: feed "${id}" has no "fullText" in ${file}; add "fullText": true (or a rule) to it first.\n`);
    return EXIT.USAGE;
  }
  const { tagger, catalog } = await loadTagger(io);
  // The same ancestry as the gateway's store, so updated articles are indexed under it too.
  const store = await ArticleStore.open({
    url: readEnv(io.env).storeUrl,
    regionAncestors: (r: string) => catalog.regionAncestors(r),
    topicAncestors: (t: string) => catalog.topicAncestors(t),
  });
  try {
    const limiter = new HostLimiter({
      concurrency: settings.fetch.concurrency,
      perHostConcurrency: settings.fetch.perHostConcurrency,
      perHostSpacingMs: settings.fetch.perHostSpacingMs,
    });
    const report = await refetchText(feed, { store, tagger, fetch: settings.fetch, limiter });
    const keptCount = Object.values(report.kept).reduce((sum, n) => sum + (n ?? 0), 0);
    const reasons = (Object.entries(report.kept) as [FullTextKeptReason, number][]).map(([reason, n]) => `${n} ${reason}`).join(', ');
    io.stdout(
      `${id}: ${report.articles} stored article${report.articles === 1 ? '' : 's'}: ${report.updated} updated, ${report.unchanged} unchanged, ` +
        `${keptCount} kept their stored text${keptCount > 0 ? ` (${reasons})` : ''}\n`,
    );
    const warning = fullTextWarning((await store.getFeedState(id))?.fullText);
    if (keptCount > 0 && warning) io.stdout(`  ${warning}\n`);
    return EXIT.OK;
  } finally {
    await store.close();
  }
}
