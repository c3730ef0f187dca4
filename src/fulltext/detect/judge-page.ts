/**
 * Whether an extracted page is the article or something standing in front of it: a consent
 * wall, an "enable JavaScript" page, a paywall, or a page much shorter than what the feed
 * already gave. Pure. A page whose extraction looks like an article is used even when it carries
 * a cookie banner or a <noscript> notice (most pages do); the wall phrases only name the cause
 * once the extraction came out too short to be the article.
 */
import type { FullTextKeptReason } from '../../model/feed.ts';
import { foldText } from '../../model/ids.ts';

/** The page text is "much shorter" than the feed's below this share of the feed's text. */
export const SHORT_RATIO = 0.5;
/** An extraction under this many characters is no article, whatever the feed carried. */
export const MIN_ARTICLE_CHARS = 200;

/** An extraction under this many characters that reads like a wall is the wall, not the article. */
export const WALL_MAX_CHARS = 800;

/** Phrases only consent walls use (cookie and privacy choices); folded before matching. */
const CONSENT = [
  'we value your privacy', 'your privacy choices', 'accept all', 'reject all', 'manage preferences', 'manage cookies',
  'cookie settings', 'cookie policy', 'uses cookies', 'use cookies', 'we and our partners', 'tout accepter',
  'accepter et fermer', 'ملفات تعريف الارتباط',
];
/** Broader words, used only to name the cause of a page already too short to be the article. */
const CONSENT_WORDS = [...CONSENT, 'cookie', 'consent', 'consentement', 'privacy settings'];
/** Phrases of pages that need a script to show the article. */
const JAVASCRIPT = [
  'enable javascript', 'javascript is disabled', 'javascript is required', 'requires javascript', 'turn on javascript',
  'activer javascript', 'activez javascript', 'تفعيل جافا سكريبت', 'تفعيل javascript',
];
/** Phrases of paywalls ("subscribe to our newsletter" is page chrome, not a paywall). */
const PAYWALL = [
  'subscribe to continue reading', 'subscribe to read', 'to continue reading', 'already a subscriber', 'subscribers only',
  'for subscribers', 'this article is for subscribers', 'reserve aux abonnes', 'article reserve', 'للمشتركين فقط',
];

/** What the judge needs to know about one page. */
export interface PageEvidence {
  /** Characters of the extracted article text. */
  readonly textLength: number;
  /** The whole page's visible text. */
  readonly pageText: string;
  /** The extracted article text (folded or not). */
  readonly articleText: string;
  readonly paywallMarkup: boolean;
  /** Characters of the text the feed gave for the item (summary or content). */
  readonly feedTextLength: number;
}

/** Why the page is not used, or null when it is the article. */
export function judgePage(page: PageEvidence): FullTextKeptReason | null {
  if (page.paywallMarkup) return 'paywall';
  if (page.textLength < WALL_MAX_CHARS) {
    const article = foldText(page.articleText);
    if (includesAny(article, CONSENT)) return 'consent';
    if (includesAny(article, JAVASCRIPT)) return 'javascript';
    if (includesAny(article, PAYWALL)) return 'paywall';
  }
  const tooShort = page.textLength < MIN_ARTICLE_CHARS || page.textLength < page.feedTextLength * SHORT_RATIO;
  if (!tooShort) return null;
  const whole = foldText(page.pageText);
  if (includesAny(whole, CONSENT_WORDS)) return 'consent';
  if (includesAny(whole, JAVASCRIPT)) return 'javascript';
  if (includesAny(whole, PAYWALL)) return 'paywall';
  return page.textLength === 0 ? 'empty' : 'short';
}

function includesAny(folded: string, phrases: readonly string[]): boolean {
  return phrases.some((phrase) => folded.includes(foldText(phrase)));
}
