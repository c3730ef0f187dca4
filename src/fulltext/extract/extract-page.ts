/**
 * The article body of a web page: the elements a feed's `selector` names, or what Readability
 * (Firefox's reader view) finds, over linkedom, a DOM light enough to run on every new item.
 * The `remove` selectors are taken out of the page first. Pure: HTML in, HTML out; the result
 * is cleaned afterwards by the same code as feed content (src/normalize/clean), so page chrome,
 * translator notes and reader comments that survive extraction are still set aside.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { FullTextRule } from '../../model/feed.ts';

/** What extraction found on one page. */
export interface ExtractedPage {
  /** The article body as HTML; '' when nothing was found. */
  readonly html: string;
  /** Characters of the body's text, whitespace folded: for the "much shorter than the feed" check. */
  readonly textLength: number;
  /** The whole page's visible text, whitespace folded, cut to {@link PAGE_TEXT_LIMIT}: for wall detection. */
  readonly pageText: string;
  /** The page says in its structured data that it is not free to read (schema.org isAccessibleForFree). */
  readonly paywallMarkup: boolean;
  readonly method: 'selector' | 'readability';
}

/** Enough of a page's text to recognise a consent or JavaScript wall. */
export const PAGE_TEXT_LIMIT = 20_000;

/** Elements that are never article text, removed before either method runs. */
const NEVER_TEXT = 'script, style, noscript, template, iframe, form, button, svg';

/** schema.org paywall markup in JSON-LD or microdata. */
const PAYWALL_MARKUP = /["']?isAccessibleForFree["']?\s*[:=]\s*["']?false/i;

/** Extracts the article body of `html` by `rule`. Never throws for bad HTML (linkedom is forgiving). */
export function extractPage(html: string, rule: FullTextRule): ExtractedPage {
  const paywallMarkup = PAYWALL_MARKUP.test(html);
  const { document } = parseHTML(html);
  // Wall phrases often sit in <noscript>: read the page text before anything is removed.
  const pageText = fold(document.body?.textContent ?? document.documentElement?.textContent ?? '').slice(0, PAGE_TEXT_LIMIT);
  for (const selector of rule.remove) for (const node of [...document.querySelectorAll(selector)]) node.remove();

  if (rule.selector !== undefined) {
    const found = [...document.querySelectorAll(rule.selector)];
    // A match inside another match would be counted twice.
    const outer = found.filter((node) => !found.some((other) => other !== node && other.contains(node)));
    for (const node of outer) for (const junk of [...node.querySelectorAll(NEVER_TEXT)]) junk.remove();
    const body = outer.map((node) => node.outerHTML as string).join('\n');
    const text = outer.map((node) => node.textContent ?? '').join(' ');
    return { html: body, textLength: fold(text).length, pageText, paywallMarkup, method: 'selector' };
  }

  for (const junk of [...document.querySelectorAll('template, iframe, form, button, svg')]) junk.remove();
  const article = new Readability(document as never, { charThreshold: 200 }).parse();
  const body = article?.content ?? '';
  return { html: body, textLength: fold(article?.textContent ?? '').length, pageText, paywallMarkup, method: 'readability' };
}

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
