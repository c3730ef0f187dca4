/**
 * /export.csv and /export.ndjson over real HTTP (127.0.0.1, port 0) on a real SQLite store:
 * one CSV row per match (quoting intact, read back), NDJSON lines are whole Articles, paging
 * through the store reaches every match, and a broken query is a 400 with its position.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.ts';
import { handleExport, CSV_COLUMNS } from '../../src/server/routes/export.ts';
import type { ArticleStore } from '../../src/store/article-store.ts';
import { compileEvaluator } from '../../src/query/evaluate-query.ts';
import { sqlServices } from '../graphql/analyst-services.ts';
import { corpus } from '../query/corpus.ts';
import { compileNow } from '../query/compile-now.ts';

const ARTICLES: Article[] = corpus(150).map((a, i) => (i === 0 ? { ...a, title: 'He said, "drone strike", then left\nagain' } : a));
let server: http.Server;
let base: string;
let store: ArticleStore;
let services: Awaited<ReturnType<typeof sqlServices>>['services'];
let catalog: Awaited<ReturnType<typeof sqlServices>>['catalog'];

beforeAll(async () => {
  ({ services, store, catalog } = await sqlServices(ARTICLES));
  server = http.createServer((req, res) => {
    void handleExport(req, res, services, 7).then((handled) => {
      if (!handled) {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await store.close();
});

/** A small RFC 4180 reader (quoted fields, doubled quotes, CRLF inside quotes). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

function expectedIds(query: string, filter: (a: Article) => boolean = () => true): string[] {
  const test = compileEvaluator(compileNow(query, services, new Date('2024-05-11T00:00:00Z'))!, (id) => catalog.regionAncestors(id));
  return ARTICLES.filter((a) => test(a) && filter(a)).map((a) => a.id).sort();
}

describe('export', () => {
  it('CSV: a header and one row per match, every page of it, quoting intact', async () => {
    const params = new URLSearchParams({ query: 'drone* OR attack', filter: JSON.stringify({ sources: ['wire'] }) });
    const response = await fetch(`${base}/export.csv?${params}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = readCsv(await response.text());
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const want = expectedIds('drone* OR attack', (a) => a.feedId === 'wire');
    expect(want.length).toBeGreaterThan(14); // more than two pages of 7
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(want);
    const first = rows.find((r) => r[0] === ARTICLES[0]!.id);
    if (first) expect(first[3]).toBe(ARTICLES[0]!.title);
    for (const r of rows.slice(1)) expect(r).toHaveLength(CSV_COLUMNS.length);
  });

  it('CSV keeps a title with commas, quotes and a line break in one field', async () => {
    const response = await fetch(`${base}/export.csv?${new URLSearchParams({ query: 'title:"then left"' })}`);
    const rows = readCsv(await response.text());
    expect(rows).toHaveLength(2);
    expect(rows[1]![3]).toBe('He said, "drone strike", then left\nagain');
  });

  it('NDJSON: one whole Article per line, newest first', async () => {
    const response = await fetch(`${base}/export.ndjson?${new URLSearchParams({ query: 'lang:ar' })}`);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l) as Article);
    expect(lines.map((a) => a.id).sort()).toEqual(expectedIds('lang:ar'));
    const original = ARTICLES.find((a) => a.id === lines[0]!.id)!;
    expect(lines[0]).toEqual(original);
    const dates = lines.map((a) => Date.parse(a.publishedAt));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('a broken query or filter is a 400 that says where', async () => {
    const bad = await fetch(`${base}/export.csv?${new URLSearchParams({ query: 'drone OR' })}`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', details: { position: 9 } });
    const badFilter = await fetch(`${base}/export.ndjson?filter=%7Bnope`);
    expect(badFilter.status).toBe(400);
  });
});
