/**
 * Full text for one article, the four stages in order: fetch its page (fetch/), extract the
 * article body (extract/), judge whether it is the article (detect/), rebuild the article around
 * it (apply/). Shared by the background worker, `newsgate preview --full-text` and
 * `newsgate feeds refetch-text`, so what an operator previews is what ingestion stores.
 */
import type { FetchSettings } from '../config/config.types.ts';
import type { Article } from '../model/article.ts';
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import { hasFullText } from '../model/ids.ts';
import type { FeedConfig, FullTextKeptReason, FullTextRule } from '../model/feed.ts';
import type { Candidate, Tagger } from '../normalize/gazetteer/tagger.types.ts';
import { articleFromPage } from './apply/article-from-page.ts';
import { judgePage } from './detect/judge-page.ts';
import { extractPage } from './extract/extract-page.ts';
import { fetchPage, type PageLimiter } from './fetch/fetch-page.ts';
import type { ProxySettings } from '../ingest/fetch/proxy.ts';

/** What full text needs; the limiter is the feeds' own, so pages share their politeness. */
export interface FullTextDeps {
  readonly fetch: FetchSettings;
  readonly tagger: Tagger;
  readonly limiter?: PageLimiter;
  readonly signal?: AbortSignal;
  /** The feeds' outbound proxy (HTTPS_PROXY…): pages go out the same way. */
  readonly proxy?: ProxySettings;
}

export type FullTextOutcome =
  | {
      readonly kind: 'applied';
      readonly article: Article;
      readonly candidates: readonly Candidate[];
      readonly pageUrl: string;
      readonly encoding: string;
    }
  | { readonly kind: 'kept'; readonly reason: FullTextKeptReason; readonly error: NewsgateError };

/** How each reason is said to the operator, with what to try. */
export const KEPT_REASON_TEXT: Readonly<Record<FullTextKeptReason, string>> = {
  consent: 'consent wall (the page asks for cookie or privacy consent before the article; try the site\'s consent cookie in the feed\'s "headers")',
  javascript: '"enable JavaScript" page (the article is drawn by scripts; newsgate does not run them)',
  paywall: 'paywall (the page is for subscribers)',
  short: 'page much shorter than the feed\'s text (check "fullText.selector")',
  empty: 'no article text found on the page (check "fullText.selector")',
  fetch: 'page not fetched',
};

/**
 * Fetches and extracts `article`'s page by `rule`. Never throws for the page's faults: they come
 * back as `kept`, with the feed's text to be kept and an error that says why.
 */
export async function fullTextArticle(article: Article, feed: FeedConfig, rule: FullTextRule, deps: FullTextDeps): Promise<FullTextOutcome> {
  if (!article.url) return kept('fetch', `article "${article.title}" has no link to fetch`);
  const page = await fetchPage(article.url, feed, deps.fetch, {
    ...(deps.limiter ? { limiter: deps.limiter } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(deps.proxy ? { proxy: deps.proxy } : {}),
  });
  if (page.kind === 'failed') return { kind: 'kept', reason: 'fetch', error: page.error };
  try {
    return extractAndJudge(article, page, feed, rule, deps.tagger);
  } catch (err) {
    // A page the DOM or Readability chokes on is this page's problem: counted once, not retried.
    return kept('empty', `${page.finalUrl}: the page could not be extracted (${(err as Error).message}); kept the feed's text.`);
  }
}

/** The extract, detect and apply stages over a fetched page. */
function extractAndJudge(article: Article, page: { html: string; finalUrl: string; encoding: string }, feed: FeedConfig, rule: FullTextRule, tagger: Tagger): FullTextOutcome {
  const extracted = extractPage(page.html, rule);
  if (extracted.html === '' && rule.selector !== undefined) {
    // A selector that matches nothing says nothing about walls: the rule is what to fix.
    return kept('empty', `${page.finalUrl}: no element matches the selector "${rule.selector}"; kept the feed's text. Check "fullText.selector" with \`newsgate preview <feed> --full-text --selector …\`.`);
  }
  const built = extracted.html === '' ? undefined : articleFromPage(article, extracted.html, { feed, tagger, pageUrl: page.finalUrl });
  const reason = judgePage({
    textLength: built ? built.article.content.length : 0,
    articleText: built?.article.content ?? '',
    pageText: extracted.pageText,
    paywallMarkup: extracted.paywallMarkup,
    // An article re-extracted (refetch-text) holds its old page text; the feed gave the summary.
    feedTextLength: (hasFullText(article.contentHash) ? article.summary : article.content).length,
  });
  if (reason !== null || !built) {
    const why = reason ?? 'empty';
    return kept(why, `${page.finalUrl}: ${KEPT_REASON_TEXT[why]}; kept the feed's text.`);
  }
  return { kind: 'applied', article: built.article, candidates: built.candidates, pageUrl: page.finalUrl, encoding: page.encoding };
}

function kept(reason: FullTextKeptReason, message: string): FullTextOutcome {
  return { kind: 'kept', reason, error: new NewsgateError(ErrorCode.FULL_TEXT_UNUSABLE, message, { details: { reason } }) };
}
