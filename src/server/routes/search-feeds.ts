/**
 * `GET /searches/<id>.rss|.atom|.json`: a saved search's newest matches as RSS 2.0, Atom 1.0
 * or JSON Feed 1.1, newest first, 50 items by default and `?limit=` up to 200. Every answer
 * carries a strong ETag (a hash of the bytes) and honours `If-None-Match` with 304, so feed
 * readers polling every few minutes cost one query and no body.
 */
import { createHash } from 'node:crypto';
import type http from 'node:http';
import { writeAtom } from '../../feeds-out/atom-writer.ts';
import type { FeedOutChannel, FeedOutItem } from '../../feeds-out/feed-out.types.ts';
import { toFeedOutItem } from '../../feeds-out/feed-out.types.ts';
import { writeJsonFeed } from '../../feeds-out/json-feed-writer.ts';
import { writeRss } from '../../feeds-out/rss-writer.ts';
import { ErrorCode, NewsgateError } from '../../model/errors.ts';
import type { SavedSearch } from '../../model/saved-search.ts';
import { newestMatches } from '../../searches/search-matches.ts';
import type { SearchServices } from '../../searches/search-services.ts';
import { requestOrigin, sendRouteError } from './route-errors.ts';

export const DEFAULT_FEED_ITEMS = 50;
export const MAX_FEED_ITEMS = 200;

const FORMATS = {
  rss: { type: 'application/rss+xml; charset=utf-8', write: writeRss },
  atom: { type: 'application/atom+xml; charset=utf-8', write: writeAtom },
  json: { type: 'application/feed+json; charset=utf-8', write: writeJsonFeed },
} as const;

const PATH = /^\/searches\/([^/]+)\.(rss|atom|json)$/;

/** `?limit=`: an integer 1..MAX_FEED_ITEMS, else BAD_USER_INPUT saying so. */
export function feedLimit(raw: string | null): number {
  if (raw === null) return DEFAULT_FEED_ITEMS;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > MAX_FEED_ITEMS) {
    throw new NewsgateError(ErrorCode.BAD_USER_INPUT, `\`limit\` must be a whole number from 1 to ${MAX_FEED_ITEMS}, got "${raw}".`, { details: { argument: 'limit' } });
  }
  return n;
}

/** What a search asks, in words, for the feed's description. */
function describeSearch(search: SavedSearch): string {
  const parts = [search.query === '' ? '' : `query: ${search.query}`, Object.keys(search.filter).length === 0 ? '' : `filter: ${JSON.stringify(search.filter)}`].filter((p) => p !== '');
  return `newsgate saved search "${search.name}"${parts.length > 0 ? ` (${parts.join('; ')})` : ''}`;
}

/** True when one of the client's validators is `etag` (or `*`). */
function notModified(req: http.IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (header === undefined) return false;
  return header.split(',').some((v) => {
    const t = v.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/** The route; answers false for paths it does not serve. */
export function createSearchFeedsRoute(services: SearchServices): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = PATH.exec(url.pathname);
    if (match === null || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const id = decodeURIComponent(match[1] as string);
    const format = FORMATS[match[2] as keyof typeof FORMATS];
    try {
      const limit = feedLimit(url.searchParams.get('limit'));
      const search = await services.registry.get(id);
      if (search === undefined) {
        throw new NewsgateError(ErrorCode.NOT_FOUND, `No saved search has the id "${id}"; the GraphQL \`searches\` query lists them.`, { details: { id } });
      }
      const resolved = await services.resolve(search);
      const articles = await newestMatches(services.source, resolved, limit);
      const sources = await services.sources(articles.map((a) => a.feedId));
      const items: FeedOutItem[] = articles.map((a) =>
        toFeedOutItem(
          a,
          (feedId) => {
            const s = sources.get(feedId);
            return { title: s?.title ?? feedId, url: s?.siteUrl ?? null };
          },
          (kind, entityId) => (kind === 'topic' ? services.catalog.topic(entityId)?.label : services.catalog.actor(entityId)?.name) ?? entityId,
        ),
      );
      const origin = requestOrigin(req);
      const channel: FeedOutChannel = {
        title: search.name,
        description: describeSearch(search),
        selfUrl: `${origin}/searches/${encodeURIComponent(id)}.${match[2]}`,
        homeUrl: `${origin}/graphql`,
        updatedAt: articles[0]?.publishedAt ?? search.updatedAt,
      };
      const body = format.write(channel, items);
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
      const headers = { etag, 'cache-control': 'public, max-age=60', vary: 'Accept-Encoding' };
      if (notModified(req, etag)) {
        res.writeHead(304, headers);
        res.end();
        return true;
      }
      res.writeHead(200, { ...headers, 'content-type': format.type, 'content-length': Buffer.byteLength(body) });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      sendRouteError(res, err);
    }
    return true;
  };
}
