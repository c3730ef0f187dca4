/**
 * One Article per NDJSON line: what `preview --json` prints is what import reads; a line that is
 * not such an Article is rejected with where and what; export's bytes do not depend on the key
 * order an article arrived in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/model/article.ts';
import type { EntityCatalog } from '../../../src/model/catalog.ts';
import { runCli } from '../../../src/cli/main.ts';
import { articleToLine, parseArticleLine } from '../../../src/cli/transfer/article-line.ts';
import { loadCatalog } from '../../../src/cli/transfer/load-catalog.ts';
import { readLines } from '../../../src/cli/transfer/read-lines.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const legacy = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/legacy-0.1/expected.json'), 'utf8')) as { articles: Article[] };
const io = { stdout: () => {}, stderr: () => {}, env: {}, cwd: ROOT };
const catalog: EntityCatalog = await loadCatalog(io);

describe('article lines', () => {
  it('imports what `newsgate preview --json` prints, every article, unchanged but for the entity names', async () => {
    let out = '';
    const code = await runCli(['preview', '--json', '--id', 'wire', 'tests/fixtures/feeds/rss2-wire.xml'], { ...io, stdout: (t) => (out += t) });
    expect(code).toBe(0);
    const printed = (JSON.parse(out) as { articles: Record<string, unknown>[] }).articles;
    expect(printed.length).toBeGreaterThan(3);
    for (const p of printed) {
      const result = parseArticleLine(JSON.stringify(p));
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      if (!result.ok) continue;
      // Exported again, the line is what preview printed (same fields, same values).
      expect(JSON.parse(articleToLine(result.article, catalog, p.source as never))).toEqual(p);
    }
  });

  it('round-trips the articles 0.1 stored, whole, and writes the same bytes whatever the key order', () => {
    for (const article of legacy.articles) {
      const source = { id: article.feedId, title: 'Desk', siteUrl: null };
      const line = articleToLine(article, catalog, source);
      const back = parseArticleLine(line);
      // 0.1 had no dateline, claims, quotes or figures: a line says "none" for each.
      expect(back.ok && back.article).toEqual({ ...article, dateline: null, claims: [], quotes: [], figures: [] });
      const shuffled = Object.fromEntries(Object.entries(article).reverse()) as unknown as Article;
      expect(articleToLine(shuffled, catalog, source)).toBe(line);
      if (back.ok) expect(articleToLine(back.article, catalog, source)).toBe(line);
    }
  });

  it('keeps fields a later newsgate adds, and normalises dates to UTC', () => {
    const article = legacy.articles[0]!;
    const line = JSON.parse(articleToLine(article, catalog, { id: article.feedId, title: null, siteUrl: null })) as Record<string, unknown>;
    const parsed = parseArticleLine(JSON.stringify({ ...line, laterField: [{ text: 'x' }], publishedAt: '2024-01-20T13:00:00+03:00' }));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect((parsed.article as unknown as { laterField: unknown }).laterField).toEqual([{ text: 'x' }]);
      expect(parsed.article.publishedAt).toBe('2024-01-20T10:00:00.000Z');
    }
  });

  const good = (): Record<string, unknown> => JSON.parse(articleToLine(legacy.articles[0]!, catalog, { id: legacy.articles[0]!.feedId, title: null, siteUrl: null }));
  const without = (key: string) => {
    const o = good();
    delete o[key];
    return JSON.stringify(o);
  };
  const withValue = (patch: (o: Record<string, any>) => void) => {
    const o = good();
    patch(o);
    return JSON.stringify(o);
  };

  it.each([
    ['not JSON', '{"id": "a",', /^not JSON/],
    ['an array', '[1,2]', /JSON array/],
    ['a string', '"x"', /JSON string/],
    ['a whole preview document', '{"feed":{},"articles":[]}', /whole `preview --json` document.*jq -c/],
    ['no title', without('title'), /missing field "title"/],
    ['no body', without('content'), /missing field "content"/],
    ['mentions as text', withValue((o) => (o.actors = [{ id: 'kataib-hizbullah', mentions: 'two', salience: 0.5, evidence: [] }])), /actors\[0\]\.mentions must be integer/],
    ['salience above 1', withValue((o) => (o.regions = [{ id: 'IQ', mentions: 1, salience: 3, evidence: [] }])), /regions\[0\]\.salience must be <= 1/],
    ['a date without a zone', withValue((o) => (o.publishedAt = '2024-01-20 10:00')), /publishedAt must be an ISO 8601 date-time with a zone/],
    ['an impossible date', withValue((o) => (o.fetchedAt = '2024-13-45T10:00:00Z')), /fetchedAt "2024-13-45T10:00:00Z" is not a real date/],
    ['an unknown date source', withValue((o) => (o.dateSource = 'guessed')), /dateSource must be one of "feed", "fetched", "clamped"/],
    ['evidence in an unknown field', withValue((o) => (o.topics = [{ id: 't', mentions: 1, salience: 0.1, evidence: [{ field: 'body', alias: 'a', start: 0, end: 1, snippet: 'a' }] }])), /topics\[0\]\.evidence\[0\]\.field must be one of/],
    ['source of another feed', withValue((o) => (o.source = { id: 'other', title: null, siteUrl: null })), /source.id "other" differs from feedId/],
  ])('rejects %s, saying what is wrong', (_name, text, reason) => {
    const result = parseArticleLine(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('readLines', () => {
  const lines = async (chunks: (string | Buffer)[]) => {
    const out: string[] = [];
    for await (const l of readLines(Readable.from(chunks))) out.push(l);
    return out;
  };
  it.each([
    ['lines split across chunks', ['a\nb', 'c\n', 'd'], ['a', 'bc', 'd']],
    ['CRLF endings', ['a\r\nb\r\n'], ['a', 'b']],
    ['a BOM', ['\ufeffa\nb\n'], ['a', 'b']],
    ['blank lines kept (import numbers them)', ['a\n\nb\n'], ['a', '', 'b']],
    ['nothing', [], []],
  ])('%s', async (_name, chunks, expected) => {
    expect(await lines(chunks)).toEqual(expected);
  });
  it('a UTF-8 character split between two chunks', async () => {
    const bytes = Buffer.from('كتائب\nحزب الله\n');
    expect(await lines([bytes.subarray(0, 3), bytes.subarray(3)])).toEqual(['كتائب', 'حزب الله']);
  });
});
