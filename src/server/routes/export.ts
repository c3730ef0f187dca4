/**
 * `GET /export.csv` and `GET /export.ndjson`: every article matching `query` (the query
 * language) AND `filter` (the GraphQL ArticleFilter as JSON), newest first, streamed page by
 * page with backpressure — not one page, and never all of it in memory.
 *
 * CSV (RFC 4180, UTF-8, header row) columns: id, publishedAt, source (feed id), title, url,
 * language, actors, regions, topics (ids joined by `;`), storyId. NDJSON: one whole Article
 * per line (metadata and body), the objects `newsgate store import` reads.
 * Bad parameters answer 400 with the same message GraphQL would give.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Article, ArticleMeta } from '../../model/article.ts';
import { NewsgateError } from '../../model/errors.ts';
import { analystInput, sqlOf } from '../../graphql/analyst-input.ts';
import { createContext, type GatewayServices } from '../../graphql/context.ts';
import type { ArticleFilterArgs } from '../../graphql/resolve-filter.ts';
import { badUserInput } from '../../graphql/errors.ts';
import { searchArticles } from '../../query/sql/search-articles.ts';

/** Articles read per database round trip. */
const EXPORT_PAGE = 500;

export const CSV_COLUMNS = ['id', 'publishedAt', 'source', 'title', 'url', 'language', 'actors', 'regions', 'topics', 'storyId'] as const;

/** One CSV field, quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV row of an article (CRLF-terminated, as RFC 4180 asks). */
export function csvRow(meta: ArticleMeta): string {
  const ids = (refs: readonly { id: string }[]) => refs.map((r) => r.id).join(';');
  const cells = [meta.id, meta.publishedAt, meta.feedId, meta.title, meta.url ?? '', meta.language ?? '', ids(meta.actors), ids(meta.regions), ids(meta.topics), meta.storyId];
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** The `filter` parameter: JSON of an ArticleFilter, dates as ISO strings. */
function parseFilter(raw: string | null): ArticleFilterArgs | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw badUserInput('The `filter` parameter is not JSON; send an ArticleFilter object such as {"regions":["IQ"],"from":"2024-05-01T00:00:00Z"}.', { argument: 'filter' });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badUserInput('The `filter` parameter must be a JSON object (an ArticleFilter).', { argument: 'filter' });
  const filter = { ...(value as Record<string, unknown>) };
  for (const key of ['from', 'to', 'fetchedAfter']) {
    const v = filter[key];
    if (v === undefined || v === null) continue;
    const date = typeof v === 'string' ? new Date(v) : new Date(NaN);
    if (Number.isNaN(date.getTime())) throw badUserInput(`\`filter.${key}\` must be an ISO 8601 instant such as 2024-05-01T00:00:00Z; got ${JSON.stringify(v)}.`, { argument: `filter.${key}` });
    filter[key] = date;
  }
  return filter as ArticleFilterArgs;
}

/** Writes `chunk`, waiting for the socket to drain when its buffer is full. */
async function write(res: ServerResponse, chunk: string): Promise<void> {
  if (!res.write(chunk)) await new Promise<void>((resolve) => res.once('drain', resolve));
}

/** Serves the export routes; false when `req` is not one of them. */
export async function handleExport(req: IncomingMessage, res: ServerResponse, services: GatewayServices, pageSize = EXPORT_PAGE): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const format = url.pathname === '/export.csv' ? 'csv' : url.pathname === '/export.ndjson' ? 'ndjson' : undefined;
  if (format === undefined || req.method !== 'GET') return false;
  const ctx = createContext(services);
  let input;
  try {
    input = await analystInput(ctx, parseFilter(url.searchParams.get('filter')), url.searchParams.get('query'));
  } catch (err) {
    if (!(err instanceof NewsgateError) || err.code !== 'BAD_USER_INPUT') throw err;
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: err.message, code: err.code, details: err.details }));
    return true;
  }
  const database = sqlOf(ctx);
  res.writeHead(200, {
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/x-ndjson; charset=utf-8',
    'content-disposition': `attachment; filename="newsgate-export.${format}"`,
    'cache-control': 'no-store',
  });
  if (format === 'csv') await write(res, `${CSV_COLUMNS.join(',')}\r\n`);
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const page = await searchArticles(database, { filter: input.filter, query: input.query, first: pageSize, after });
    if (format === 'csv') {
      await write(res, page.items.map(csvRow).join(''));
    } else {
      const bodies = await services.store.getBodies(page.items.map((m) => m.id));
      const lines = page.items.map((meta, i) => {
        const body = bodies[i];
        const article: Article | ArticleMeta = body === undefined ? meta : { ...meta, ...body };
        return `${JSON.stringify(article)}\n`;
      });
      await write(res, lines.join(''));
    }
    const last = page.items.at(-1);
    if (!page.hasNextPage || last === undefined || res.destroyed) break;
    after = { at: last.publishedAt, id: last.id };
  }
  res.end();
  return true;
}
