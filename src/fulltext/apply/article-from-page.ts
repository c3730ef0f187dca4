/**
 * The article as it is once its page arrived: the page's article body, cleaned and tagged by
 * the very code that handles feed content (normalizeItem), on the feed's title and summary.
 * Everything the feed decided stays as stored (id, dates, link, summary, authors, image), so the
 * same article is updated in place; the body, the notes and comments set aside, the entities
 * and their evidence (offsets into the new content) come from the page. Pure.
 */
import type { Article } from '../../model/article.ts';
import type { FeedConfig } from '../../model/feed.ts';
import { fullTextHash } from '../../model/ids.ts';
import type { RawItem } from '../../model/raw-feed.ts';
import type { Candidate, Tagger } from '../../normalize/gazetteer/tagger.types.ts';
import { normalizeItem } from '../../normalize/normalize-item.ts';

/** What {@link articleFromPage} needs besides the article. */
export interface PageContext {
  readonly feed: FeedConfig;
  readonly tagger: Tagger;
  /** The URL the page was read from, after redirects: base of its relative links. */
  readonly pageUrl: string;
}

/** The article with its page's body; `candidates` are the unknown names found (discovery). */
export interface PageArticle {
  readonly article: Article;
  readonly candidates: readonly Candidate[];
}

/** Rebuilds `article` around `bodyHtml` (the extracted article body of its page). */
export function articleFromPage(article: Article, bodyHtml: string, ctx: PageContext): PageArticle {
  const raw: RawItem = {
    guid: article.guid,
    link: ctx.pageUrl,
    title: escapeHtml(article.title),
    summaryHtml: article.summary === '' ? null : escapeHtml(article.summary),
    contentHtml: bodyHtml,
    authors: article.authors,
    categories: article.tags,
    published: article.publishedAt,
    updated: article.updatedAt,
    enclosures: [],
    language: article.language,
  };
  const normalized = normalizeItem(raw, {
    feed: ctx.feed,
    feedTitle: null,
    feedLink: null,
    feedLanguage: null,
    documentUrl: ctx.pageUrl,
    fetchedAt: new Date(article.fetchedAt),
    tagger: ctx.tagger,
  });
  const page = normalized.article;
  return {
    article: {
      ...article,
      content: page.content,
      contentHtml: page.contentHtml,
      translatorNotes: unique([...article.translatorNotes, ...page.translatorNotes]),
      comments: page.comments,
      topics: page.topics,
      actors: page.actors,
      regions: page.regions,
      evidence: page.evidence,
      imageUrl: article.imageUrl ?? page.imageUrl,
      contentHash: fullTextHash(article.contentHash, page.contentHash),
    },
    candidates: normalized.candidates,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}
