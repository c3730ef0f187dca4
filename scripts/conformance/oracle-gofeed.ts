/**
 * gofeed's oracles: `testdata/translator/{rss,atom}/*.json`, its normalised "universal Item"
 * for each paired `.xml` (the closest ready-made oracle for an Article), and
 * `testdata/parser/universal/*.xml` for format detection.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  asText, containsCheck, dateCheck, equalCheck, failedChecks, itemLink, itemPublished, itemTitle, linkCheck, listCheck, mustFailCheck, textCheck,
} from './compare.ts';
import type { Check, FileCase, Oracle, Outcome } from './types.ts';
import { ErrorCode } from '../../src/model/errors.ts';

interface GofeedPerson { name?: string; email?: string }
interface GofeedItem {
  title?: string; link?: string; guid?: string; publishedParsed?: string; updatedParsed?: string;
  authors?: GofeedPerson[]; author?: GofeedPerson; categories?: string[]; description?: string; content?: string;
  enclosures?: { url?: string }[];
}

/** The checks for one translator pair: every field gofeed's JSON states, compared with our item at the same index. */
export function translatorChecks(expected: { items?: GofeedItem[] }, outcome: Outcome): Check[] {
  const checks: Check[] = [];
  const plan: [string, string][] = [];
  (expected.items ?? []).forEach((exp, i) => {
    const p = `items[${i}]`;
    if (exp.title) plan.push([`${p}.title`, 'title']);
    if (exp.link) plan.push([`${p}.link`, 'link']);
    if (exp.guid) plan.push([`${p}.guid`, 'id']);
    if (exp.publishedParsed) plan.push([`${p}.published`, 'date']);
    if (exp.updatedParsed) plan.push([`${p}.updated`, 'date']);
    if (names(exp).length > 0) plan.push([`${p}.authors`, 'author']);
    if (exp.categories?.length) plan.push([`${p}.categories`, 'category']);
    if (asText(exp.description)) plan.push([`${p}.description`, 'text']);
    if (asText(exp.content)) plan.push([`${p}.content`, 'text']);
    if (exp.enclosures?.length) plan.push([`${p}.enclosures`, 'enclosure']);
  });
  if (!outcome.ok) return failedChecks(outcome, plan);
  (expected.items ?? []).forEach((exp, i) => {
    const p = `items[${i}]`;
    const item = outcome.items[i];
    const a = item?.article ?? null;
    if (exp.title) checks.push(textCheck(`${p}.title`, 'title', exp.title, itemTitle(item)));
    if (exp.link) checks.push(linkCheck(`${p}.link`, exp.link, itemLink(item)));
    if (exp.guid) checks.push(equalCheck(`${p}.guid`, 'id', exp.guid.trim(), a?.guid ?? item?.raw.guid ?? null));
    if (exp.publishedParsed) checks.push(dateCheck(`${p}.published`, exp.publishedParsed, itemPublished(item)));
    if (exp.updatedParsed) checks.push(dateCheck(`${p}.updated`, exp.updatedParsed, a?.updatedAt ?? null));
    if (names(exp).length > 0) checks.push(listCheck(`${p}.authors`, 'author', names(exp), a?.authors ?? item?.raw.authors));
    if (exp.categories?.length) checks.push(listCheck(`${p}.categories`, 'category', exp.categories, a?.tags ?? item?.raw.categories));
    if (asText(exp.description)) checks.push(containsCheck(`${p}.description`, 'text', exp.description ?? '', a ? `${a.summary} ${a.content}` : item?.raw.summaryHtml));
    if (asText(exp.content)) checks.push(containsCheck(`${p}.content`, 'text', exp.content ?? '', a?.content ?? item?.raw.contentHtml));
    if (exp.enclosures?.length) {
      checks.push(listCheck(`${p}.enclosures`, 'enclosure', exp.enclosures.map((e) => e.url ?? ''), item?.raw.enclosures.map((e) => e.url)));
    }
  });
  return checks;
}

function names(item: GofeedItem): string[] {
  const list = item.authors ?? (item.author ? [item.author] : []);
  return list.map((p) => (p.name ?? '').trim()).filter((n) => n !== '');
}

const UNIVERSAL_OK = ['rss_feed.xml', 'rss_feed_bom.xml', 'rss_feed_leading_spaces.xml', 'rdf_feed.xml', 'atom03_feed.xml', 'atom10_feed.xml'];
const UNIVERSAL_FAIL = ['unknown_feed.xml', 'empty_feed.xml'];

/** gofeed translator pairs and parser/universal detection files. */
export const gofeedOracle: Oracle = (root) => {
  const cases: FileCase[] = [];
  for (const kind of ['rss', 'atom']) {
    const dir = join(root, 'gofeed/testdata/translator', kind);
    if (!existsSync(dir)) continue;
    for (const json of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const xml = json.replace(/\.json$/, '.xml');
      if (!existsSync(join(dir, xml))) continue;
      const expected = JSON.parse(readFileSync(join(dir, json), 'utf8')) as { items?: GofeedItem[] };
      cases.push({
        folder: 'gofeed',
        file: `gofeed/testdata/translator/${kind}/${xml}`,
        url: 'http://example.com/feed.xml',
        expect: (outcome) => translatorChecks(expected, outcome),
      });
    }
  }
  const universal = join(root, 'gofeed/testdata/parser/universal');
  if (existsSync(universal)) {
    for (const file of UNIVERSAL_OK) {
      cases.push({
        folder: 'gofeed',
        file: `gofeed/testdata/parser/universal/${file}`,
        url: 'http://example.com/feed.xml',
        expect: (o) => (o.ok ? [textCheck('feed.title', 'feed', 'Feed Title', o.parsed.title)] : failedChecks(o, [['feed.title', 'feed']])),
      });
    }
    for (const file of UNIVERSAL_FAIL) {
      cases.push({
        folder: 'gofeed',
        file: `gofeed/testdata/parser/universal/${file}`,
        url: 'http://example.com/feed.xml',
        mustFail: true,
        expect: (o) => [mustFailCheck(o, ErrorCode.PARSE_NOT_A_FEED, /^Not a feed/)],
      });
    }
  }
  return cases;
};
