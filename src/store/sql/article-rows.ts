/**
 * One article as the rows the store writes: its `articles` row (metadata as JSON), its body
 * (JSON), its entity postings (ancestors expanded) and its full-text terms. Pure: the writers
 * (sqlite-writer.ts, postgres-writer.ts) only move these rows into tables, so both engines store
 * exactly the same thing.
 */
import type { Article } from '../../model/article.ts';
import { articleSearchTerms } from '../../normalize/gazetteer/phrase-terms.ts';
import { entityPostings, type PostingExpansion } from './entity-postings.ts';
import type { ArticleEntitiesTable, ArticlesTable } from './schema.ts';

/** What one article writes. */
export interface ArticleRows {
  readonly article: ArticlesTable;
  /** ArticleBody as JSON text (`article_bodies.body`). */
  readonly body: string;
  readonly postings: readonly ArticleEntitiesTable[];
  /** Full-text terms (search-terms.ts / phrase-terms.ts), each once. */
  readonly terms: readonly string[];
}

/** The rows of one article whose `publishedAt` is a valid instant (the store checks before). */
export function articleRows(article: Article, expand: PostingExpansion): ArticleRows {
  const { content, contentHtml, translatorNotes, comments, evidence, ...meta } = article;
  const publishedMs = Date.parse(article.publishedAt);
  const fetchedMs = Date.parse(article.fetchedAt);
  return {
    article: {
      id: article.id,
      feed_id: article.feedId,
      published_ms: publishedMs,
      fetched_ms: Number.isNaN(fetchedMs) ? publishedMs : fetchedMs,
      language: article.language,
      story_id: article.storyId,
      content_hash: article.contentHash,
      meta: JSON.stringify(meta),
    },
    body: JSON.stringify({ content, contentHtml, translatorNotes, comments, evidence }),
    postings: entityPostings(meta, publishedMs, expand),
    terms: articleSearchTerms(article),
  };
}
