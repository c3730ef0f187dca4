/**
 * GraphQL over HTTP on Node's http server, without a framework: `POST/GET <path>` through
 * Apollo's `executeHTTPGraphQLRequest`, the playground page for a browser's GET, and the
 * playground's assets. Returns false for any other path so the server's router can go on.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { assetBytes, PLAYGROUND_ASSETS } from './playground/assets.ts';
import { playgroundHtml } from './playground/page.ts';
import type { ApolloServer } from '@apollo/server';
import { createContext, type Context, type GatewayServices } from './context.ts';
import { DEFAULT_QUERY_LIMITS } from '../config/production-env.ts';

/**
 * Deepest JSON nesting accepted in a request body or in GET `variables`/`extensions`: far above
 * any real filter (ArticleFilter is 3 deep), far below what would overflow graphql-js's
 * recursive variable coercion (a 500 instead of a 400).
 */
export const MAX_JSON_DEPTH = 64;

/** True when `value` nests objects/arrays deeper than `max` (iterative: no stack to overflow). */
export function jsonDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

export interface GraphQLHttpOptions {
  /** Where GraphQL is served (default `/graphql`); assets go below `<path>/assets/`. */
  readonly path?: string;
  /** Largest request body accepted, in bytes (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /** Operations in one batched request (a JSON array body); default QUERY_MAX_BATCH's default. */
  readonly maxBatch?: number;
  /** Where handler failures are logged (default: the console). */
  readonly onError?: (error: unknown) => void;
}

/** An (req, res) handler; resolves true when it answered the request. */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** A request body over the size cap. */
class BodyTooLarge extends Error {}

/** Reads the body up to `max` bytes; rejects with BodyTooLarge beyond it. */
function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      req.resume();
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJsonError(res: ServerResponse, status: number, message: string, code: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // Apollo answers malformed JSON with its own 400.
  }
}

/** A browser navigating to the endpoint (not a client sending a query by GET). */
function wantsPlayground(req: IncomingMessage, url: URL): boolean {
  return (req.headers.accept ?? '').includes('text/html') && !url.searchParams.has('query');
}

function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

function serveAsset(req: IncomingMessage, res: ServerResponse, name: string): void {
  const asset = PLAYGROUND_ASSETS.get(name);
  if (asset === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`No playground asset named ${name}.\n`);
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = assetBytes(asset, gzip);
  res.writeHead(200, {
    'content-type': asset.contentType,
    'content-length': body.length,
    // The name carries the package version: a new version is a new URL.
    'cache-control': 'public, max-age=31536000, immutable',
    vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function servePage(req: IncomingMessage, res: ServerResponse, assetBase: string): void {
  const body = playgroundHtml(assetBase);
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The handler for GraphQL, the playground and its assets; `apollo` must be started. */
export function createGraphqlHttpHandler(
  apollo: ApolloServer<Context>,
  services: GatewayServices,
  options: GraphQLHttpOptions = {},
): HttpHandler {
  const path = options.path ?? '/graphql';
  const assetPrefix = `${path}/assets/`;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const maxBatch = options.maxBatch ?? DEFAULT_QUERY_LIMITS.maxBatch;
  const onError = options.onError ?? ((error: unknown) => console.error('graphql http handler failed', error));

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith(assetPrefix)) {
      serveAsset(req, res, url.pathname.slice(assetPrefix.length));
      return true;
    }
    if (url.pathname !== path) return false;
    if ((req.method === 'GET' || req.method === 'HEAD') && wantsPlayground(req, url)) {
      servePage(req, res, `${path}/assets`);
      return true;
    }
    try {
      let body: unknown;
      if (req.method === 'POST') {
        const text = await readBody(req, maxBodyBytes);
        const json = (req.headers['content-type'] ?? '').toLowerCase().includes('json');
        if (json) {
          try {
            body = text === '' ? undefined : JSON.parse(text);
          } catch {
            sendJsonError(res, 400, 'The request body is not valid JSON. Send {"query": "...", "variables": {...}} with Content-Type: application/json.', 'BAD_REQUEST');
            return true;
          }
        } else {
          body = text;
        }
      }
      if (Array.isArray(body) && body.length > maxBatch) {
        sendJsonError(res, 400, `The batch has ${body.length} operations; at most ${maxBatch} are allowed per request (QUERY_MAX_BATCH). Send the rest in another request.`, 'QUERY_TOO_COMPLEX');
        return true;
      }
      const getJson = ['variables', 'extensions'].map((name) => url.searchParams.get(name));
      if (jsonDeeperThan(body, MAX_JSON_DEPTH) || getJson.some((text) => text !== null && jsonDeeperThan(parseOrUndefined(text), MAX_JSON_DEPTH))) {
        sendJsonError(res, 400, `The request nests JSON more than ${MAX_JSON_DEPTH} levels deep; no variable of this API needs that. Send flatter variables.`, 'BAD_REQUEST');
        return true;
      }
      const httpGraphQLRequest: HTTPGraphQLRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        headers: headerMap(req),
        search: url.search,
        body,
      };
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest,
        context: async () => createContext(services, req.headers.authorization),
      });
      for (const [name, value] of response.headers) {
        // Keep a Vary set before (CORS varies on Origin) alongside Apollo's own.
        const before = name === 'vary' ? res.getHeader('vary') : undefined;
        res.setHeader(name, before ? `${String(before)}, ${value}` : value);
      }
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        sendJsonError(res, 413, `The request body is larger than ${maxBodyBytes} bytes. Send a smaller query, or use variables instead of inlining data.`, 'BAD_REQUEST');
        return true;
      }
      onError(error);
      if (!res.headersSent) sendJsonError(res, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR');
      else res.end();
    }
    return true;
  };
}
