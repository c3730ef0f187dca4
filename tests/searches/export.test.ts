/**
 * `GET /export.csv` and `/export.ndjson` over real HTTP: every match (more than one store batch),
 * one CSV row per match for several filters and queries, RFC 4180 quoting, NDJSON lines that
 * are `preview --json` Articles, and 400s that name what is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPreviewArticle } from '../../src/cli/preview-json.ts';
import { CSV_COLUMNS } from '../../src/feeds-out/csv-export.ts';
import { makeArticle } from '../store/article-factory.ts';
import { makeCorpus, newestFirst, type CorpusEntry } from './corpus.ts';
import { startSearchHarness, type SearchHarness } from './search-harness.ts';
import { testEngines } from './engines.ts';

const corpus = makeCorpus(1200);
const quoted = makeArticle({ id: 'quoted', feedId: 'shafaq-en', publishedAt: '2026-09-01T00:00:00.000Z', title: 'He said "no", then left,\r\nquickly', actors: ['irgc', 'kataib-hizbullah'], regions: ['IQ'] });
/** RFC 4180 reader (the test's own, so the writer is checked against the rules, not itself). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let inQuotes = false;
  while (i < text.length) {
    const c = text[i] as string;
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') inQuotes = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"') inQuotes = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
    i++;
  }
  expect(field).toBe('');
  return rows;
}

for (const engine of testEngines()) {
let h: SearchHarness;

beforeAll(async () => {
  h = await startSearchHarness([...corpus.map((c) => c.article), quoted], [], await engine.url('export'));
}, 120_000);
afterAll(async () => {
  await h.close();
  await engine.cleanup();
});

async function exportOf(format: 'csv' | 'ndjson', params: Record<string, string>) {
  const res = await fetch(`${h.base}/export.${format}?${new URLSearchParams(params).toString()}`);
  return { res, text: await res.text() };
}

const cases: [string, Record<string, string>, (c: CorpusEntry) => boolean][] = [
  ['no filter at all', {}, () => true],
  ['a region filter', { filter: JSON.stringify({ regions: ['IQ'] }) }, (c) => c.spec.regions.includes('IQ')],
  ['a boolean query', { query: 'drone OR rocket' }, (c) => /^(Drone|Rocket)/.test(c.spec.title)],
  ['a query with NOT and a language filter', { query: '-mortar', filter: JSON.stringify({ languages: ['ar'] }) }, (c) => c.spec.language === 'ar' && !c.spec.title.startsWith('Mortar')],
  ['an actor term and a source filter', { query: 'actor:irgc', filter: JSON.stringify({ sources: ['rudaw-en'] }) }, (c) => c.spec.actors.includes('irgc') && c.spec.feedId === 'rudaw-en'],
  ['dates', { filter: JSON.stringify({ from: '2026-10-01T05:00:00Z', to: '2026-10-01T10:00:00Z' }) }, (c) => c.spec.publishedAt >= '2026-10-01T05:00:00' && c.spec.publishedAt <= '2026-10-01T10:00:00.000Z'],
];

/** Cases the oldest article, `quoted`, also matches (in Iraq; its summary speaks of a drone). */
const WITH_QUOTED = new Set(['no filter at all', 'a region filter', 'a boolean query']);

describe(`GET /export.csv on ${engine.engine}`, () => {
  for (const [name, params, wanted] of cases) {
    it(`has one row per match, newest first: ${name}`, async () => {
      const { res, text } = await exportOf('csv', params);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      const [header, ...rows] = parseCsv(text);
      expect(header).toEqual([...CSV_COLUMNS]);
      const expected = newestFirst(corpus.filter(wanted));
      expect(expected.length).toBeGreaterThan(0);
      expect(rows.map((r) => r[0])).toEqual(expected.map((c) => c.spec.id).concat(WITH_QUOTED.has(name) ? ['quoted'] : []));
    });
  }

  it('streams every match past one store batch (1201 articles)', async () => {
    const { text } = await exportOf('csv', {});
    expect(parseCsv(text)).toHaveLength(1202);
  });

  it('quotes fields with quotes, commas and line breaks, and joins multi-valued fields with ";"', async () => {
    const { text } = await exportOf('csv', { filter: JSON.stringify({ actors: ['irgc'], from: '2026-09-01T00:00:00Z', to: '2026-09-01T00:00:00Z' }) });
    expect(text).toContain('"He said ""no"", then left,\r\nquickly"');
    const [, row] = parseCsv(text);
    expect(row).toEqual(['quoted', '2026-09-01T00:00:00.000Z', 'shafaq-en', 'He said "no", then left,\r\nquickly', 'https://example.org/news/quoted', 'en', 'irgc;kataib-hizbullah', 'IQ', '', 'story-quoted']);
  });
});

describe(`GET /export.ndjson on ${engine.engine}`, () => {
  it('prints one `preview --json` Article per line for every match', async () => {
    const { res, text } = await exportOf('ndjson', { query: 'actor:irgc' });
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    const expected = [...newestFirst(corpus.filter((c) => c.spec.actors.includes('irgc'))).map((c) => c.article), quoted];
    expect(lines).toHaveLength(expected.length);
    const source = (id: string) => ({ id, title: `${id} title`, siteUrl: null });
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(expected.map((a) => JSON.parse(JSON.stringify(toPreviewArticle(a, h.services.catalog, source(a.feedId))))));
  });
});

describe(`export errors on ${engine.engine}`, () => {
  it.each([
    ['filter that is not JSON', { filter: '{"regions":["IQ"]' }, /`filter`: not valid JSON at position 18 \(line 1, column 18\)/],
    ['misspelt filter key', { filter: '{"region":["IQ"]}' }, /unknown key "region"; did you mean "regions"\?/],
    ['query syntax error', { query: 'drone AND (rocket' }, /Query error at position 18: expected "\)" to close the "\(" at position 11/],
    ['unknown id', { query: 'actor:irgcc' }, /Unknown ids in `query`: actor: "irgcc" \(did you mean "irgc"/],
    ['unknown id in the filter', { filter: '{"regions":["IRQ"]}' }, /Unknown ids in `filter`: regions "IRQ"/],
  ])('answers 400 with a JSON error for a %s', async (_name, params, message) => {
    for (const format of ['csv', 'ndjson'] as const) {
      const { res, text } = await exportOf(format, params as Record<string, string>);
      expect(res.status).toBe(400);
      const body = JSON.parse(text) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('BAD_USER_INPUT');
      expect(body.error.message).toMatch(message);
    }
  });
});
}

describe('export with the whole ArticleFilter', () => {
  it('takes fetchedAfter and stories too', async () => {
    const { startSearchHarness: start } = await import('./search-harness.ts');
    const late = { ...makeArticle({ id: 'late', publishedAt: '2026-01-01T00:00:00.000Z', regions: ['IQ'] }), fetchedAt: '2026-12-01T00:00:00.000Z' };
    const early = makeArticle({ id: 'early', publishedAt: '2026-06-01T00:00:00.000Z', regions: ['IQ'] });
    const h2 = await start([late, early], []);
    try {
      const since = await (await fetch(`${h2.base}/export.csv?${new URLSearchParams({ filter: JSON.stringify({ fetchedAfter: '2026-11-30T00:00:00Z' }) })}`)).text();
      expect(since.trim().split('\r\n').slice(1).map((r) => r.split(',')[0])).toEqual(['late']);
      const story = await (await fetch(`${h2.base}/export.csv?${new URLSearchParams({ filter: JSON.stringify({ stories: [early.storyId] }) })}`)).text();
      expect(story.trim().split('\r\n').slice(1).map((r) => r.split(',')[0])).toEqual(['early']);
    } finally {
      await h2.close();
    }
  });
});
