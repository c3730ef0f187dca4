/**
 * The conformance comparison (scripts/conformance/) is tested two ways: its oracles on
 * hand-made outcomes (always), and the whole corpus through processDocument with floors
 * measured on this code, so that a regression in any stage that loses titles, links, dates…
 * fails here. Raise the floors when the figures rise (`npm run conformance`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translatorChecks } from '../../scripts/conformance/oracle-gofeed.ts';
import { rssParserChecks } from '../../scripts/conformance/oracle-rss-parser.ts';
import { corpusCases, formatTable, runConformance, type FolderResult } from '../../scripts/conformance/run-conformance.ts';
import { mustFailCheck } from '../../scripts/conformance/compare.ts';
import type { Outcome } from '../../scripts/conformance/types.ts';
import type { Article } from '../../src/model/article.ts';
import type { RawItem } from '../../src/model/raw-feed.ts';

const ROOT = join(import.meta.dirname, '../..');
const CORPUS = join(ROOT, '../shared/feed-corpus');

const RAW: RawItem = {
  guid: 'g1', link: 'http://example.org/a', title: 'Item Title', summaryHtml: '<p>Item Description</p>', contentHtml: null,
  authors: ['Author Name'], categories: ['a', 'b'], published: 'Thu, 01 Jan 2004 19:48:21 GMT', updated: null, enclosures: [], language: null,
};

function outcome(article: Partial<Article> | null): Outcome {
  return {
    ok: true,
    parsed: { format: 'rss2.0', title: 'Feed Title', link: 'http://example.org/', description: null, language: null, ttlMinutes: null, items: [RAW], warnings: [] },
    items: [{ raw: RAW, article: article as Article | null }],
    warnings: [],
    encoding: 'utf-8',
  };
}

const ARTICLE: Partial<Article> = {
  guid: 'g1', url: 'http://example.org/a', title: 'Item Title', summary: 'Item Description', content: 'Item Description',
  authors: ['Author Name'], tags: ['b', 'a'], publishedAt: '2004-01-01T19:48:21.000Z', dateSource: 'feed', updatedAt: null,
};

describe('oracle comparisons', () => {
  it('gofeed translator: every stated field is compared, and right values pass', () => {
    const checks = translatorChecks(
      { items: [{ title: 'Item Title', link: 'http://example.org/a?utm_source=x', guid: 'g1', publishedParsed: '2004-01-01T19:48:21Z', authors: [{ name: 'Author Name', email: 'e@x.org' }], categories: ['a', 'b'], description: 'Item Description' }] },
      outcome(ARTICLE),
    );
    expect(checks.map((c) => [c.kind, c.ok])).toEqual([
      ['title', true], ['link', true], ['id', true], ['date', true], ['author', true], ['category', true], ['text', true],
    ]);
  });

  it('gofeed translator: a date that fell back to the fetch time is a miss', () => {
    const checks = translatorChecks({ items: [{ publishedParsed: '2004-01-01T19:48:21Z' }] }, outcome({ ...ARTICLE, dateSource: 'fetched' }));
    expect(checks).toMatchObject([{ kind: 'date', ok: false }]);
  });

  it('a failed document misses every expected value', () => {
    const failed: Outcome = { ok: false, code: 'PARSE_MALFORMED', message: 'x' };
    const checks = translatorChecks({ items: [{ title: 'T', link: 'http://x.org/' }] }, failed);
    expect(checks.map((c) => c.ok)).toEqual([false, false]);
  });

  it('rss-parser golden: relative links resolve against the document URL, categories objects read as text', () => {
    const checks = rssParserChecks(
      { title: 'Feed Title', items: [{ title: 'Item Title', link: '/a', guid: 'g1', categories: [{ _: 'a', $: { domain: 'x' } }, 'b'] }] },
      outcome(ARTICLE),
      'http://example.org/feed.rss',
    );
    expect(checks.every((c) => c.ok)).toBe(true);
    expect(checks).toHaveLength(5);
  });

  it('a file that must fail passes only when rejected with the code', () => {
    expect(mustFailCheck({ ok: false, code: 'PARSE_NOT_A_FEED', message: 'Not a feed: …' }, 'PARSE_NOT_A_FEED', /^Not a feed/).ok).toBe(true);
    expect(mustFailCheck(outcome(ARTICLE), 'PARSE_NOT_A_FEED').ok).toBe(false);
  });

  it('prints a table with a total row', () => {
    const r: FolderResult = { folder: 'x', files: 2, parsed: 1, values: { right: 1, total: 4 }, byKind: { title: { right: 1, total: 4 } }, misses: [] };
    expect(formatTable([r]).split('\n').slice(-2)).toEqual(['x       1/2           1/4 (25.0%)   1/4', 'total   1/2           1/4 (25.0%)   1/4']);
  });
});

/** The stages processDocument needs; until they all exist the corpus run is skipped with a warning. */
const PIPELINE = [
  'src/pipeline/process-document.ts',
  'src/ingest/decode/decode-feed.ts',
  'src/normalize/normalize-item.ts',
  'src/normalize/gazetteer/create-default-tagger.ts',
];
const missing = PIPELINE.filter((p) => !existsSync(join(ROOT, p)));
const corpusPresent = existsSync(CORPUS);
if (!corpusPresent) console.warn(`conformance.test.ts: ${CORPUS} is absent; the corpus run is skipped`);
else if (missing.length > 0) console.warn(`conformance.test.ts: corpus run skipped, missing ${missing.join(', ')}`);

/**
 * The test runs the corpus files up to this size (103 of 121 files, ~3 s); `npm run
 * conformance` runs them all (~20 s, most of it normalising the 1.6 MB podcast feed).
 */
const MAX_BYTES = 40_000;

/** Floors measured on this code over those files (2026-11-24); a drop below one is a regression. */
const FLOORS: Readonly<Record<string, { parsed: number; right: number }>> = {
  'rss-parser': { parsed: 20, right: 872 },
  'node-feedparser': { parsed: 22, right: 30 },
  miniflux: { parsed: 13, right: 22 },
  gofeed: { parsed: 48, right: 55 },
};

describe.skipIf(!corpusPresent || missing.length > 0)('feed corpus through processDocument', () => {
  it('has a case for every oracle folder', () => {
    expect(new Set(corpusCases(CORPUS).map((c) => c.folder))).toEqual(new Set(Object.keys(FLOORS)));
  });

  it('stays at or above the measured floors', async () => {
    const { createPipelineProcessor } = await import('../../scripts/conformance/pipeline-processor.ts');
    const results = await runConformance(CORPUS, await createPipelineProcessor(), { maxBytes: MAX_BYTES });
    console.log(formatTable(results));
    for (const r of results) {
      const floor = FLOORS[r.folder];
      expect(floor, r.folder).toBeDefined();
      expect({ folder: r.folder, parsed: r.parsed }).toEqual({ folder: r.folder, parsed: Math.max(r.parsed, floor?.parsed ?? 0) });
      expect(r.values.right, `${r.folder} values right`).toBeGreaterThanOrEqual(floor?.right ?? 0);
    }
  }, 60_000);
});
