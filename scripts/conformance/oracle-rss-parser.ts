/**
 * rss-parser's own goldens (`test/output/<name>.json` for `test/input/<name>.*`): titles,
 * links, guids/ids, dates and categories. A regression oracle for rss-parser's shape rather
 * than an independent truth, but rss-parser is the parser newsgate runs, so a value it gets
 * right and we lose is a regression of ours.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from '../../src/model/errors.ts';
import { dateCheck, equalCheck, failedChecks, itemLink, itemPublished, itemTitle, linkCheck, listCheck, mustFailCheck, textCheck } from './compare.ts';
import type { Check, FileCase, Oracle, Outcome } from './types.ts';

interface RssParserItem { title?: unknown; link?: unknown; guid?: unknown; id?: unknown; isoDate?: unknown; categories?: unknown[] }
interface RssParserFeed { title?: unknown; link?: unknown; items?: RssParserItem[] }

/** The `encoding` golden is itself stored in latin1 (upstream reads it with that encoding). */
const GOLDEN_ENCODINGS: Readonly<Record<string, BufferEncoding>> = { encoding: 'latin1' };

/** Served with a charset per the upstream test (`encoding.rss` is fetched as latin1). */
const CONTENT_TYPES: Readonly<Record<string, string>> = { 'encoding.rss': 'text/xml; charset=latin1' };

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

function categoryText(c: unknown): string {
  if (typeof c === 'string') return c;
  if (c !== null && typeof c === 'object' && typeof (c as { _?: unknown })._ === 'string') return (c as { _: string })._;
  return '';
}

/** Checks for one golden: the feed's title and link, and each item's title, link, guid/id, date and categories. */
export function rssParserChecks(golden: RssParserFeed, outcome: Outcome, url: string): Check[] {
  const plan: [string, string][] = [];
  if (str(golden.title)) plan.push(['feed.title', 'feed']);
  if (str(golden.link)) plan.push(['feed.link', 'feed']);
  (golden.items ?? []).forEach((it, i) => {
    if (str(it.title)) plan.push([`items[${i}].title`, 'title']);
    if (str(it.link)) plan.push([`items[${i}].link`, 'link']);
    if (str(it.guid) ?? str(it.id)) plan.push([`items[${i}].guid`, 'id']);
    if (str(it.isoDate)) plan.push([`items[${i}].date`, 'date']);
    if (it.categories?.some((c) => categoryText(c).trim() !== '')) plan.push([`items[${i}].categories`, 'category']);
  });
  if (!outcome.ok) return failedChecks(outcome, plan);
  const checks: Check[] = [];
  const title = str(golden.title);
  const link = str(golden.link);
  if (title) checks.push(textCheck('feed.title', 'feed', title, outcome.parsed.title));
  if (link) checks.push(linkCheck('feed.link', link, outcome.parsed.link, url));
  (golden.items ?? []).forEach((it, i) => {
    const item = outcome.items[i];
    const t = str(it.title);
    const l = str(it.link);
    const g = str(it.guid) ?? str(it.id);
    const d = str(it.isoDate);
    if (t) checks.push(textCheck(`items[${i}].title`, 'title', t, itemTitle(item)));
    if (l) checks.push(linkCheck(`items[${i}].link`, l, itemLink(item), url));
    if (g) checks.push(equalCheck(`items[${i}].guid`, 'id', g.trim(), item?.article?.guid ?? item?.raw.guid ?? null));
    if (d) checks.push(dateCheck(`items[${i}].date`, d, itemPublished(item)));
    const cats = (it.categories ?? []).map(categoryText).filter((c) => c.trim() !== '');
    if (cats.length > 0) checks.push(listCheck(`items[${i}].categories`, 'category', cats, item?.article?.tags ?? item?.raw.categories));
  });
  return checks;
}

/** rss-parser's test/input files with their test/output goldens. */
export const rssParserOracle: Oracle = (root) => {
  const input = join(root, 'rss-parser/test/input');
  const output = join(root, 'rss-parser/test/output');
  if (!existsSync(input)) return [];
  const cases: FileCase[] = [];
  for (const file of readdirSync(input).sort()) {
    const name = file.replace(/\.[^.]+$/, '');
    const goldenPath = join(output, `${name}.json`);
    const base = { folder: 'rss-parser', file: `rss-parser/test/input/${file}`, url: `http://example.com/${file}`, contentType: CONTENT_TYPES[file] };
    if (file === 'unrecognized.rss') {
      cases.push({ ...base, mustFail: true, expect: (o) => [mustFailCheck(o, ErrorCode.PARSE_NOT_A_FEED)] });
    } else if (existsSync(goldenPath)) {
      const golden = (JSON.parse(readFileSync(goldenPath, GOLDEN_ENCODINGS[name] ?? 'utf8')) as { feed: RssParserFeed }).feed;
      cases.push({ ...base, expect: (o) => rssParserChecks(golden, o, base.url) });
    } else {
      // No golden (itunes-missing-image.rss): it must still parse.
      cases.push({ ...base, expect: (o) => [equalCheck('parsed', 'feed', true, o.ok)] });
    }
  }
  return cases;
};
