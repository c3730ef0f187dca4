/**
 * judgePage: when a page is the article, and when it is a wall in front of it. Table-tested on
 * the shapes real pages have: a long article under a cookie banner is the article; a short page
 * of consent buttons is not.
 */
import { describe, expect, it } from 'vitest';
import { judgePage, type PageEvidence } from '../../src/fulltext/detect/judge-page.ts';

const ARTICLE = 'The counter-terrorism service said the drone was loaded with explosives and came from the south. '.repeat(8);
const page = (extra: Partial<PageEvidence>): PageEvidence => ({
  textLength: ARTICLE.length, articleText: ARTICLE, pageText: ARTICLE, paywallMarkup: false, feedTextLength: 120, ...extra,
});
const wall = (text: string): Partial<PageEvidence> => ({ textLength: text.length, articleText: text, pageText: text });

describe('judgePage', () => {
  const cases: [string, Partial<PageEvidence>, ReturnType<typeof judgePage>][] = [
    ['a long article', {}, null],
    ['a long article under a cookie banner and a <noscript> notice', { pageText: `We use cookies. Accept all. Please enable JavaScript. ${ARTICLE}` }, null],
    ['a consent wall extracted as the article', wall('We value your privacy. We and our partners use cookies to store information. Accept all / Reject all.'), 'consent'],
    ['a consent wall in French', wall('Vos choix concernant les cookies. Tout accepter ou paramétrer.'), 'consent'],
    ['a JavaScript shell', wall('You need to enable JavaScript to run this app.'), 'javascript'],
    ['a paywall by phrase', wall('The relationship between factions and the state changed. Subscribe to continue reading. Already a subscriber? Sign in.'), 'paywall'],
    ['a paywall by schema.org markup, however long', { paywallMarkup: true }, 'paywall'],
    ['a page much shorter than the feed text', { textLength: 300, articleText: 'x'.repeat(300), pageText: 'x'.repeat(300), feedTextLength: 2000 }, 'short'],
    ['a tiny page with no wall phrase', { textLength: 50, articleText: 'Home News Contact', pageText: 'Home News Contact' }, 'short'],
    ['nothing extracted, consent words on the page', { textLength: 0, articleText: '', pageText: 'Before you continue: cookie consent' }, 'consent'],
    ['nothing extracted at all', { textLength: 0, articleText: '', pageText: '' }, 'empty'],
    ['a short article that mentions consent in passing is still an article', { textLength: 900, articleText: `Parliament passed the law without the consent of the Kurdish parties. ${'x'.repeat(830)}`, feedTextLength: 100 }, null],
  ];
  it.each(cases)('%s', (_name, extra, expected) => {
    expect(judgePage(page(extra))).toBe(expected);
  });
});
