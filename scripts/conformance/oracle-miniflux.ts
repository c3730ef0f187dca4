/**
 * miniflux's reader testdata, with the expectations of its Go tests as listed in the corpus
 * README: decoded text ("Café", "Euro €", Cyrillic), the site URL of the large captures, and
 * for the rest that they parse with readable (not mis-decoded) text.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from '../../src/model/errors.ts';
import { equalCheck, failedChecks, itemTitle, linkCheck, mustFailCheck, textCheck } from './compare.ts';
import type { Check, FileCase, Oracle, Outcome } from './types.ts';

type Ok = Extract<Outcome, { ok: true }>;

/** All the text that came out of a document, for "decoded text contains" checks. */
function allText(o: Ok): string {
  return [o.parsed.title, o.parsed.description, ...o.items.flatMap((i) => [itemTitle(i), i.article?.summary, i.article?.content, i.raw.summaryHtml])].filter(Boolean).join(' \n ');
}

function containsText(field: string, needle: string, o: Ok): Check {
  const text = allText(o);
  return { field, kind: 'text', expected: needle, actual: text.length > 120 ? `${text.slice(0, 120)}…` : text, ok: text.includes(needle) };
}

/** No U+FFFD and no UTF-8-read-as-latin1 mojibake in what came out. */
function readable(o: Ok): Check {
  const text = allText(o);
  const bad = /\uFFFD|Ã[\u0080-\u00BF]|Ð[\u0080-\u00BF]|â€/.exec(text);
  return { field: 'decoded text', kind: 'text', expected: 'no mis-decoded characters', actual: bad ? `…${text.slice(Math.max(0, bad.index - 20), bad.index + 20)}…` : 'clean', ok: bad === null };
}

/** miniflux's site URL for the dustri.org captures; it stores site URLs without the trailing slash the feed writes. */
function siteUrlCheck(o: Ok): Check {
  const check = linkCheck('feed.link', 'https://dustri.org/b', o.parsed.link?.replace(/\/+$/, '') ?? null);
  return check;
}

const EXPECTATIONS: Readonly<Record<string, (o: Ok) => Check[]>> = {
  'encoding/testdata/utf8.xml': (o) => [textCheck('items[0].title', 'text', 'Café', itemTitle(o.items[0]))],
  'encoding/testdata/invalid-prolog.xml': (o) => [textCheck('items[0].title', 'text', 'Café', itemTitle(o.items[0]))],
  'encoding/testdata/utf8-incorrect-prolog.xml': (o) => [textCheck('items[0].title', 'text', 'Café', itemTitle(o.items[0]))],
  'encoding/testdata/iso-8859-1.xml': (o) => [textCheck('feed.title', 'text', 'Café', o.parsed.title)],
  'encoding/testdata/windows-1252.xml': (o) => [textCheck('feed.title', 'text', 'Euro €', o.parsed.title)],
  'encoding/testdata/windows-1252-incorrect-prolog.xml': (o) => [textCheck('feed.title', 'text', 'Euro €', o.parsed.title)],
  'encoding/testdata/koi8r.xml': (o) => [textCheck('feed.title', 'text', 'Пример RSS ленты', o.parsed.title), containsText('text', 'Привет мир!', o)],
  'xml/testdata/koi8r.xml': (o) => [textCheck('feed.title', 'text', 'Пример RSS ленты', o.parsed.title), containsText('text', 'Привет мир!', o)],
  'parser/testdata/large_atom.xml': (o) => [siteUrlCheck(o), readable(o)],
  'parser/testdata/large_rss.xml': (o) => [siteUrlCheck(o), readable(o)],
};

/** The `<note>` documents of miniflux's XML decoder tests are not feeds: newsgate must reject them cleanly. */
const NOT_FEEDS = new Set(['xml/testdata/iso88591.xml', 'xml/testdata/iso88591_utf8_mismatch.xml']);

/** miniflux internal/reader/{encoding,xml,parser}/testdata. */
export const minifluxOracle: Oracle = (root) => {
  const base = join(root, 'miniflux/internal/reader');
  if (!existsSync(base)) return [];
  const cases: FileCase[] = [];
  for (const sub of ['encoding/testdata', 'xml/testdata', 'parser/testdata']) {
    const dir = join(base, sub);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      const rel = `${sub}/${file}`;
      const common = { folder: 'miniflux', file: `miniflux/internal/reader/${rel}`, url: `https://example.org/${file}` };
      if (NOT_FEEDS.has(rel)) {
        cases.push({ ...common, mustFail: true, expect: (o) => [mustFailCheck(o, ErrorCode.PARSE_NOT_A_FEED)] });
        continue;
      }
      const expect = EXPECTATIONS[rel] ?? ((o: Ok) => [equalCheck('has items', 'count', true, o.items.length > 0), readable(o)]);
      cases.push({ ...common, expect: (o) => (o.ok ? expect(o) : failedChecks(o, [['parsed', 'feed']])) });
    }
  }
  return cases;
};
