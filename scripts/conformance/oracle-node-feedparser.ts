/**
 * node-feedparser's test expectations (from its test/*.js, listed in the corpus README), as
 * checks on what came out of its test/feeds files. Files without a stated expectation must
 * at least parse.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from '../../src/model/errors.ts';
import { equalCheck, failedChecks, itemLink, itemTitle, linkCheck, listCheck, mustFailCheck, textCheck } from './compare.ts';
import type { Check, FileCase, Oracle, Outcome } from './types.ts';

type Expect = (o: Extract<Outcome, { ok: true }>) => Check[];

const CYRILLIC = /[\u0400-\u04FF]{3}/;

/** Checks that decoded text reads as Cyrillic with no replacement characters. */
const cyrillicTitle: Expect = (o) => [
  { field: 'feed.title', kind: 'text', expected: 'Cyrillic, no U+FFFD', actual: o.parsed.title, ok: CYRILLIC.test(o.parsed.title ?? '') && !(o.parsed.title ?? '').includes('\uFFFD') },
];

const TPM_FIRST = 'http://talkingpointsmemo.com/livewire/hannity-announces-fox-hired-sebastian-gorka-national-security-strategist';
const tpm: Expect = (o) => [
  linkCheck('items[0].link', TPM_FIRST, itemLink(o.items[0])),
  equalCheck('links', 'count', 20, o.items.filter((i) => (itemLink(i) ?? '').startsWith('http://talkingpointsmemo.com/')).length),
];

const NAMESPACED: Expect = (o) => [
  equalCheck('items.length', 'count', 1, o.items.length),
  { field: 'items[0].title', kind: 'title', expected: 'a title', actual: itemTitle(o.items[0]), ok: (itemTitle(o.items[0]) ?? '').length > 10 },
];

/** What upstream asserts, per file. `url` is where the file is taken to be served from. */
const EXPECTATIONS: Readonly<Record<string, { expect?: Expect; url?: string; gzip?: boolean; mustFail?: true }>> = {
  'guid-dupes.xml': {
    expect: (o) => [
      equalCheck('items[0].guid', 'id', 'http://www.braingle.com/50366.html', o.items[0]?.article?.guid ?? o.items[0]?.raw.guid),
      linkCheck('items[0].link', 'http://www.braingle.com/50366.html', itemLink(o.items[0])),
    ],
  },
  'category-feed.xml': {
    expect: (o) => [listCheck('items[0].categories', 'category', ['Water Pollution', 'Gowanus Canal (Brooklyn, NY)'], o.items[0]?.article?.tags ?? o.items[0]?.raw.categories)],
  },
  'saxerror.xml': {
    expect: (o) => [
      equalCheck('titles', 'title', ['Good Item', 'Bad Item', 'Item After Error'], o.items.map(itemTitle)),
      { field: 'warnings', kind: 'error', expected: 'an ill-formed XML warning', actual: o.warnings.filter((w) => w.startsWith('ill-formed')), ok: o.warnings.some((w) => w.startsWith('ill-formed')) },
    ],
  },
  'notafeed.html': { mustFail: true },
  'invalid-characters-gzipped.xml': { mustFail: true },
  'illegally-nested.xml': { expect: (o) => [equalCheck('items.length', 'count', 10, o.items.length)] },
  'mediacontent-dupes.xml': {
    expect: (o) => {
      const urls = o.items[0]?.raw.enclosures.map((e) => e.url) ?? [];
      return [equalCheck('items[0].enclosures', 'enclosure', 3, new Set(urls).size === urls.length ? urls.length : -1)];
    },
  },
  'non-text-alternate-links.xml': { expect: (o) => [linkCheck('items[0].link', 'https://ncatlab.org/nlab/show/%280%2C1%29-category', itemLink(o.items[0]))] },
  'atom-with-tag-uri-links.xml': { expect: (o) => [equalCheck('items[0].link', 'link', 'tag:mefi.social,2024-01-26:objectId=20368395', itemLink(o.items[0]))] },
  'wapowellness.xml': { expect: (o) => [listCheck('items[0].authors', 'author', ['Lenny Bernstein'], o.items[0]?.article?.authors)] },
  'complexNamespaceFeed.xml': { expect: (o) => [equalCheck('items[0].guid', 'id', 'urn:uuid:d5ffaea2-0a9a-4f38-98fc-5c364177b6b4', o.items[0]?.article?.guid ?? o.items[0]?.raw.guid)] },
  'nondefaultnamespace.atom': { expect: NAMESPACED },
  'nondefaultnamespace-baseline.atom': { expect: NAMESPACED },
  'nondefaultnamespace-xhtml.atom': { expect: NAMESPACED },
  'unknown-namespace.atom': { expect: NAMESPACED },
  'tpm.atom': { expect: tpm, url: 'http://talkingpointsmemo.com/feed/all' },
  'tpm-with-empty-base.atom': { expect: tpm, url: 'http://talkingpointsmemo.com/feed/all' },
  'tpm-with-fragment-base.atom': { expect: tpm, url: 'http://talkingpointsmemo.com/feed/all' },
  'intertwingly.atom': {
    url: 'http://intertwingly.net/blog/index.atom',
    expect: (o) => [linkCheck('feed.link', 'http://intertwingly.net/blog/', o.parsed.link), linkCheck('items[0].link', 'http://intertwingly.net/blog/2012/07/16/Inhibiting-Suspend', itemLink(o.items[0]))],
  },
  'iconv.xml': { expect: cyrillicTitle },
  'compressed.xml': { expect: cyrillicTitle, gzip: true },
  'rss2sample.xml': {
    expect: (o) => [textCheck('feed.title', 'feed', 'Liftoff News', o.parsed.title), equalCheck('items.length', 'count', 4, o.items.length)],
  },
  'rss-with-trailing-meta.xml': { expect: (o) => [textCheck('feed.title', 'feed', 'Trailing Meta Feed', o.parsed.title)] },
};

/** node-feedparser's test/feeds with upstream's expectations. */
export const nodeFeedparserOracle: Oracle = (root) => {
  const dir = join(root, 'node-feedparser/test/feeds');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().map((file): FileCase => {
    const spec = EXPECTATIONS[file] ?? {};
    const common = { folder: 'node-feedparser', file: `node-feedparser/test/feeds/${file}`, url: spec.url ?? `http://example.com/${file}`, gzip: spec.gzip ?? false };
    if (spec.mustFail) return { ...common, mustFail: true, expect: (o) => [mustFailCheck(o, ErrorCode.PARSE_NOT_A_FEED, /^Not a feed/)] };
    const expect = spec.expect ?? ((o: Extract<Outcome, { ok: true }>) => [equalCheck('parsed', 'feed', true, o.ok)]);
    return { ...common, expect: (o) => (o.ok ? expect(o) : failedChecks(o, [['parsed', 'feed']])) };
  });
};
