/**
 * A small news site on 127.0.0.1:0, written in the shape of real ones: a feed that carries only
 * one-line summaries, and article pages with navigation, a cookie banner, share bars, related
 * links, reader comments, plus the pages that stand in front of articles (a consent wall, an
 * "enable JavaScript" shell, a paywall) and an Arabic page in windows-1256 declared only in
 * <meta>. Every request is recorded, so tests can count page fetches and read the headers sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';

/** Words that appear only in the page chrome, related links or comments: never in an article's content. */
export const CHROME_MARKERS = ['Most read', 'Share on Facebook', 'Related stories', 'Reader comments', 'Accept all cookies', 'Sign up for our newsletter'];

const chrome = (body: string, { banner = true } = {}) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Levant Wire</title>
<script>window.dataLayer = [{"page":"article"}];</script></head>
<body>
${banner ? `<div id="cookie-banner" class="consent"><p>We use cookies to improve your experience. <button>Accept all cookies</button> <a href="/privacy">Manage preferences</a></p></div>` : ''}
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/iraq">Iraq</a></li><li><a href="/syria">Syria</a></li><li><a href="/gulf">Gulf</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/n/1">Houthis claim a strike on a ship in the Red Sea</a></li><li><a href="/n/2">Ansar Allah names a new commander</a></li></ol></aside>
${body}
<footer><p>Sign up for our newsletter</p><p>© 2024 Levant Wire. All rights reserved.</p><a href="/about">About us</a> · <a href="/contact">Contact</a></footer>
</body></html>`;

const shareBar = `<div class="share"><a href="https://facebook.example/share">Share on Facebook</a> <a href="https://x.example/share">Share on X</a> <a href="mailto:?">Email</a></div>`;
const related = `<section class="related"><h3>Related stories</h3><ul><li><a href="/n/3">Houthi rebels fire missiles at Eilat</a></li><li><a href="/n/4">Ansar Allah threatens shipping</a></li></ul></section>`;
const comments = `<section id="comments" class="comments"><h3>Reader comments</h3>
<div class="comment"><p class="author">Abu Ali</p><p>Hamas will answer this, mark my words. The Islamic Resistance Movement never forgets.</p></div>
<div class="comment"><p class="author">Sara K.</p><p>Great reporting as always, thank you.</p></div></section>`;

/** The English story: Kataib Hezbollah is named only in the page's body, never in the feed. */
export const DRONE_STORY = {
  path: '/iraq/drone-attack-erbil-airport',
  title: 'Drone attack targets Erbil airport',
  summary: 'A drone attack targeted the airport overnight, officials said.',
  bodyParagraphs: [
    'A drone attack targeted Erbil international airport late on Tuesday, the Kurdistan Region\'s counter-terrorism service said in a statement, adding that the aircraft was shot down before it reached the runway.',
    'No group claimed the attack by Wednesday morning. Security officials in Baghdad said they suspected Kataib Hezbollah, which has launched similar attacks on the airport, where foreign troops are based.',
    'The counter-terrorism service said the drone was loaded with explosives and came from the south. Flights resumed a few hours later, the airport\'s director told reporters.',
    'The attack is the third on the airport this year. In March, two drones struck near a base used by the international coalition, causing damage but no casualties.',
  ],
};

const dronePage = chrome(`<main><article class="story">
<p class="kicker">Iraq</p><h1>${DRONE_STORY.title}</h1>
<p class="byline">By Levant Wire staff · 12 March 2024</p>
${shareBar}
<div class="story-body">${DRONE_STORY.bodyParagraphs.map((p) => `<p>${p}</p>`).join('\n')}
<figure><img src="/img/erbil-airport.jpg" alt="Erbil airport"><figcaption>Erbil international airport. Photo: Levant Wire</figcaption></figure>
</div>
${shareBar}
</article>
${related}
${comments}</main>`);

/** The Arabic story, windows-1256, declared only in <meta> (the HTTP header has no charset). */
export const ARABIC_STORY = {
  path: '/ar/aah-statement',
  title: 'بيان حول الهجوم',
  summary: 'أصدرت الحركة بيانا حول الهجوم.',
  body: [
    'أعلنت عصائب أهل الحق في بيان صدر مساء الثلاثاء أنها لا علاقة لها بالهجوم الذي استهدف قاعدة عسكرية في محافظة الأنبار غرب العراق.',
    'وقال المتحدث باسم الحركة إن الهجوم يخدم أطرافا تريد زعزعة الاستقرار في البلاد، داعيا الحكومة إلى فتح تحقيق عاجل وكشف نتائجه أمام الرأي العام.',
    'وكانت القاعدة قد تعرضت لهجوم بطائرة مسيرة فجر الثلاثاء من دون أن يسفر عن إصابات، بحسب ما أفادت مصادر أمنية.',
  ],
};

const arabicPage = `<!doctype html><html lang="ar" dir="rtl"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>بيان</title></head>
<body><nav><a href="/ar">الرئيسية</a> <a href="/ar/iraq">العراق</a> <a href="/ar/syria">سوريا</a></nav>
<article><h1>${ARABIC_STORY.title}</h1><div class="text">${ARABIC_STORY.body.map((p) => `<p>${p}</p>`).join('\n')}</div></article>
<section class="related"><h3>أخبار ذات صلة</h3><ul><li><a href="/ar/1">حماس ترد على الاتهامات</a></li></ul></section>
</body></html>`;

export const CONSENT_PATH = '/gulf/talks-in-muscat';
const consentWall = `<!doctype html><html><head><meta charset="utf-8"><title>Before you continue</title></head><body>
<div class="consent-wall"><h1>We value your privacy</h1><p>We and our partners use cookies to store and access information on your device. Click "Accept all" to consent, or manage your choices.</p>
<button>Accept all</button><button>Reject all</button><a href="/privacy">Manage preferences</a></div></body></html>`;

export const JS_PATH = '/syria/live-updates';
const jsShell = `<!doctype html><html><head><meta charset="utf-8"><title>Live</title><script src="/app.js"></script></head>
<body><div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript></body></html>`;

export const PAYWALL_PATH = '/analysis/militias-and-the-state';
const paywallPage = chrome(`<article><h1>Militias and the state</h1>
<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":false}</script>
<div class="story-body"><p>The relationship between Iraq's armed factions and the state has changed since 2014, when the Popular Mobilization Forces were formed to fight the Islamic State group.</p>
<div class="paywall"><p>Subscribe to continue reading. Already a subscriber? Sign in.</p></div></div></article>`, { banner: false });

export const MISSING_PATH = '/iraq/removed-story';

/** The feed: titles, one-line summaries and links; no content. */
export function feedXml(origin: string): string {
  const item = (title: string, path: string, summary: string, date: string) =>
    `<item><title>${title}</title><link>${origin}${path}</link><guid isPermaLink="false">${path}</guid><description>${summary}</description><pubDate>${date}</pubDate></item>`;
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Levant Wire</title><link>${origin}/</link>
${item(DRONE_STORY.title, DRONE_STORY.path, DRONE_STORY.summary, 'Tue, 12 Mar 2024 22:00:00 GMT')}
${item(ARABIC_STORY.title, ARABIC_STORY.path, ARABIC_STORY.summary, 'Tue, 12 Mar 2024 21:00:00 GMT')}
${item('Gulf ministers meet in Muscat', CONSENT_PATH, 'Gulf foreign ministers met in Muscat on Tuesday.', 'Tue, 12 Mar 2024 20:00:00 GMT')}
${item('A story that was taken down', MISSING_PATH, 'This story was removed by the publisher after it ran.', 'Tue, 12 Mar 2024 19:00:00 GMT')}
${item('Live updates from Syria', JS_PATH, 'Follow the latest developments in Syria as they happen.', 'Tue, 12 Mar 2024 18:00:00 GMT')}
${item('Militias and the state', PAYWALL_PATH, 'How armed factions became part of the state.', 'Tue, 12 Mar 2024 17:00:00 GMT')}
</channel></rss>`;
}

export interface NewsSite {
  readonly origin: string;
  readonly feedUrl: string;
  /** Requests received, in order. */
  readonly seen: { path: string; headers: http.IncomingHttpHeaders }[];
  /** How many times `path` was requested. */
  hits(path: string): number;
  close(): Promise<void>;
}

/** Starts the site. */
export async function startNewsSite(): Promise<NewsSite> {
  const seen: NewsSite['seen'] = [];
  let origin = '';
  const pages: Record<string, () => [string, Buffer]> = {
    '/feed.xml': () => ['application/rss+xml; charset=utf-8', Buffer.from(feedXml(origin))],
    [DRONE_STORY.path]: () => ['text/html; charset=utf-8', Buffer.from(dronePage)],
    // No charset in the header: only the page's <meta> says windows-1256.
    [ARABIC_STORY.path]: () => ['text/html', iconv.encode(arabicPage, 'windows-1256')],
    [CONSENT_PATH]: () => ['text/html; charset=utf-8', Buffer.from(consentWall)],
    [JS_PATH]: () => ['text/html; charset=utf-8', Buffer.from(jsShell)],
    [PAYWALL_PATH]: () => ['text/html; charset=utf-8', Buffer.from(paywallPage)],
  };
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    seen.push({ path, headers: req.headers });
    const page = pages[path];
    if (!page) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Page not found</h1>');
    const [type, body] = page();
    res.writeHead(200, { 'content-type': type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    feedUrl: `${origin}/feed.xml`,
    seen,
    hits: (path) => seen.filter((s) => s.path === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
