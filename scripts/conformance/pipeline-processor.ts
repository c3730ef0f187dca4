/**
 * The DocumentProcessor of the conformance run: processDocument, the very function ingestion
 * and `newsgate preview` call, with the default tagger and a neutral feed config, and its
 * Articles lined up with the parsed items they came from.
 */
import type { Article } from '../../src/model/article.ts';
import type { FeedConfig } from '../../src/model/feed.ts';
import type { ParsedFeed } from '../../src/model/raw-feed.ts';
import { canonicalUrl } from '../../src/model/url.ts';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import { plainText } from '../../src/normalize/clean/text.ts';
import { processDocument } from '../../src/pipeline/process-document.ts';
import type { DocumentProcessor } from './run-conformance.ts';
import type { ObservedItem } from './types.ts';

/** A feed config that adds nothing of its own (no tags, regions or language), so only the document speaks. */
function neutralFeed(url: string): FeedConfig {
  return { id: 'conformance', url, tags: [], regions: [], intervalMinutes: 60, enabled: true, headers: {}, allowFile: false };
}

/**
 * Pairs each parsed item with its Article. processDocument keeps feed order but drops items
 * it cannot normalise and repeats, so when the counts differ items are matched by guid, then
 * canonical link, then title.
 */
export function alignItems(parsed: ParsedFeed, articles: readonly Article[]): ObservedItem[] {
  if (articles.length === parsed.items.length) return parsed.items.map((raw, i) => ({ raw, article: articles[i] ?? null }));
  const unused = new Set(articles);
  return parsed.items.map((raw) => {
    const match =
      [...unused].find((a) => raw.guid !== null && a.guid === raw.guid) ??
      [...unused].find((a) => raw.link !== null && a.url !== null && a.url === canonicalUrl(raw.link)) ??
      [...unused].find((a) => raw.title !== null && a.title === plainText(raw.title));
    if (match) unused.delete(match);
    return { raw, article: match ?? null };
  });
}

/** Builds the processor once (loading the dictionaries takes a moment). */
export async function createPipelineProcessor(): Promise<DocumentProcessor> {
  const { tagger } = await createDefaultTagger();
  const fetchedAt = new Date();
  return async (bytes, source) => {
    const doc = await processDocument({
      bytes,
      url: source.url,
      ...(source.contentType !== undefined ? { contentType: source.contentType } : {}),
      feed: neutralFeed(source.url),
      fetchedAt,
      tagger,
    });
    return { ok: true, parsed: doc.parsed, items: alignItems(doc.parsed, doc.articles), warnings: doc.warnings, encoding: doc.encoding };
  };
}
