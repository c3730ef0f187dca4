/**
 * `GET /export.csv` and `GET /export.ndjson?query=…&filter={…}`: EVERY match of a query and a
 * filter, streamed as it is read (keyset pages of the query language's SQL, waiting for the
 * client to drain), so memory stays bounded at any size. CSV columns: csv-export.ts; NDJSON
 * lines: the Article objects of `newsgate preview --json` (preview-json.ts), which `newsgate
 * store import` reads. A bad query or filter is a 400 before anything is sent; a failure
 * mid-stream cuts the connection, so a client never takes a truncated file for a whole one.
 */
import type http from 'node:http';
import { toPreviewArticle } from '../../cli/preview-json.ts';
import { csvHeader, csvRow } from '../../feeds-out/csv-export.ts';
import { parseFilterParam } from '../../searches/filter-param.ts';
import { iterateMatches, iterateMatchMeta } from '../../searches/search-matches.ts';
import type { SearchServices } from '../../searches/search-services.ts';
import { sendRouteError } from './route-errors.ts';

/** Articles per page of an NDJSON export (with bodies: ~100 × a few KB in memory at a time). */
export const NDJSON_BATCH = 100;

const FORMATS = {
  '/export.csv': { type: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
  '/export.ndjson': { type: 'application/x-ndjson; charset=utf-8', extension: 'ndjson' },
} as const;

/** The route; answers false for paths it does not serve. */
export function createExportRoute(services: SearchServices): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const format = FORMATS[url.pathname as keyof typeof FORMATS];
    if (format === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    try {
      const filter = parseFilterParam(url.searchParams.get('filter'));
      const resolved = await services.resolve({ query: url.searchParams.get('query') ?? '', filter });
      res.writeHead(200, {
        'content-type': format.type,
        'content-disposition': `attachment; filename="newsgate-export.${format.extension}"`,
        'cache-control': 'no-store',
      });
      if (req.method === 'HEAD') {
        res.end();
        return true;
      }
      let closed = false;
      res.once('close', () => void (closed = true));
      // Waits for the socket to drain (or close), removing both listeners either way: a
      // long export waits thousands of times and must not pile listeners up.
      const write = async (chunk: string) => {
        if (res.write(chunk)) return;
        await new Promise<void>((resolve) => {
          const done = () => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
      };
      const csv = format.extension === 'csv';
      if (csv) await write(csvHeader());
      if (csv) {
        // The CSV needs no bodies: metadata pages only.
        for await (const batch of iterateMatchMeta(services.source, resolved)) {
          if (closed) break;
          await write(batch.map(csvRow).join(''));
        }
      } else {
        // Whole articles are large (bodies): small pages, each line written as it is made, so
        // neither a page nor a page-sized string outlives the socket's buffer.
        for await (const batch of iterateMatches(services.source, resolved, {}, NDJSON_BATCH)) {
          if (closed) break;
          const sources = await services.sources(batch.map((a) => a.feedId));
          for (let i = 0; i < batch.length && !closed; i++) {
            const article = batch[i] as (typeof batch)[number];
            const source = sources.get(article.feedId) ?? { id: article.feedId, title: null, siteUrl: null };
            // Release the article before waiting for the socket to drain.
            batch[i] = undefined as never;
            await write(`${JSON.stringify(toPreviewArticle(article, services.catalog, source))}\n`);
          }
        }
      }
      res.end();
    } catch (err) {
      sendRouteError(res, err);
    }
    return true;
  };
}
