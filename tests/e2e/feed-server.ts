/**
 * A local feed server for end-to-end tests: serves fixture files with ETag/Last-Modified and
 * counts requests per path, on 127.0.0.1 and a free port.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedFeed {
  readonly path: string;
  readonly file: string;
  readonly contentType: string;
}

export interface FeedServer {
  readonly url: string;
  /** Requests per path, and how many of them were answered 304. */
  readonly hits: Map<string, { total: number; notModified: number }>;
  /** Replaces the body served at `path` (e.g. to simulate a feed gaining an item). */
  setBody(path: string, body: string): void;
  close(): Promise<void>;
}

export async function startFeedServer(feeds: readonly ServedFeed[]): Promise<FeedServer> {
  const bodies = new Map(feeds.map((f) => [f.path, { body: readFileSync(f.file), type: f.contentType }]));
  const hits = new Map<string, { total: number; notModified: number }>();
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    const entry = bodies.get(path);
    const count = hits.get(path) ?? { total: 0, notModified: 0 };
    count.total++;
    hits.set(path, count);
    if (!entry) {
      res.writeHead(404).end('not found');
      return;
    }
    const etag = `"${createHash('sha1').update(entry.body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      count.notModified++;
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': entry.type, etag }).end(entry.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    setBody(path, body) {
      const entry = bodies.get(path);
      if (entry) entry.body = Buffer.from(body);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** POSTs a GraphQL operation and returns the parsed JSON response. */
export async function graphql<T = any>(baseUrl: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** Polls `check` until it returns true or `timeoutMs` passes. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
