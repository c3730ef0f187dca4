/**
 * The parse worker pool against the main-thread path. Golden comparison: every file of the feed
 * corpus (../shared/feed-corpus, read in place) and of tests/fixtures/feeds, and the hostile
 * documents of issue 12, read by a worker and by `readDocument` on this thread, give the same
 * value (or the same error: class, code, message, details); processDocument gives the same
 * Articles either way. Then the fence: a document over the time limit or the worker's heap fails
 * alone with PARSE_MALFORMED, and the next document is read by a fresh worker.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH } from '../../src/ingest/parse/repair-xml.ts';
import { ErrorCode, NewsgateError } from '../../src/model/errors.ts';
import type { FeedConfig } from '../../src/model/feed.ts';
import { ITEM_BOUNDS } from '../../src/normalize/bound-item.ts';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import type { Tagger } from '../../src/normalize/gazetteer/tagger.types.ts';
import { ParseWorkerPool } from '../../src/pipeline/parse-worker-pool.ts';
import { ITEMS_PER_CHUNK } from '../../src/pipeline/parse-worker-protocol.ts';
import { processDocument } from '../../src/pipeline/process-document.ts';
import { readDocument, type ReadInput } from '../../src/pipeline/read-document.ts';

/** The corpus sits next to the main checkout (../shared); FEED_CORPUS names it from a worktree elsewhere. */
const CORPUS = process.env.FEED_CORPUS ?? path.resolve(import.meta.dirname, '../../../shared/feed-corpus');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/feeds');
if (!existsSync(CORPUS)) console.warn(`parse-worker-pool.test.ts: ${CORPUS} is absent; only the repository's fixtures are compared`);

/** Every document file under `dir` (licences, READMEs and expected outputs aside): relative path, bytes. */
function documents(dir: string): [string, Buffer][] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => !/LICENSE|README|\.expected\.json$/.test(name) && statSync(path.join(dir, name)).isFile())
    .sort()
    .map((name) => [name, readFileSync(path.join(dir, name))]);
}

const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>${items}</channel></rss>`;
const item = (i: number, extra = '') => `<item><title>Item ${i} from Baghdad</title><link>https://hostile.example/${i}</link>${extra}</item>`;
const HOSTILE: [string, Buffer][] = [
  ['100,000 levels deep', Buffer.from(rss(item(1) + `<item><title>deep</title><description>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</description></item>` + item(2)))],
  ['10,001 items', Buffer.from(rss(Array.from({ length: ITEM_BOUNDS.itemsPerFeed + 1 }, (_, i) => item(i, `<description>Kataib Hezbollah and Iraqi forces, report ${i}.</description>`)).join('')))],
  ['5 MB title, 1,000 categories', Buffer.from(rss(`<item><title>${'Mosul '.repeat(900_000)}</title><link>https://hostile.example/t</link>${Array.from({ length: 1000 }, (_, i) => `<category>c${i}</category>`).join('')}</item>`))],
  ['a web page', Buffer.from(`<!doctype html><html><head><title>Not a feed</title></head><body>${'<p>text</p>'.repeat(10_000)}</body></html>`)],
  ['a feed with no readable item', Buffer.from(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>${'<'.repeat(5)}`)],
];

const execFileAsync = promisify(execFile);

type Outcome = { ok: true; value: unknown } | { ok: false; error: { class: string; code?: string; message: string; details?: unknown } };

async function outcome(read: (input: ReadInput) => Promise<unknown>, input: ReadInput): Promise<Outcome> {
  try {
    return { ok: true, value: await read(input) };
  } catch (err) {
    const e = err as Error & { code?: string; details?: unknown };
    return { ok: false, error: { class: e.constructor.name, code: e.code, message: e.message, details: e.details } };
  }
}

let pool: ParseWorkerPool;
beforeAll(() => {
  pool = new ParseWorkerPool({ size: 1, minBytes: 0 });
});
afterAll(() => pool.close());

describe('a document read in the worker equals one read on the main thread', () => {
  const all = [
    ...documents(FIXTURES).map(([name, bytes]) => [`fixtures/${name}`, bytes] as const),
    ...documents(CORPUS).map(([name, bytes]) => [`corpus/${name}`, bytes] as const),
  ];

  it(`all ${all.length} corpus and fixture documents (value, or error class, code, message and details)`, async () => {
    expect(all.length).toBeGreaterThan(5);
    let errors = 0;
    for (const [name, bytes] of all) {
      const input = { bytes, url: `https://example.com/${name}`, contentType: 'application/xml' };
      const inWorker = await outcome(pool.read, input);
      const onMain = await outcome(readDocument, input);
      expect(inWorker, name).toStrictEqual(onMain);
      if (!onMain.ok) errors++;
    }
    // The comparison covers both paths: some corpus files are JSON outputs, not feeds.
    if (existsSync(CORPUS)) expect(errors).toBeGreaterThan(0);
    expect(errors).toBeLessThan(all.length);
  }, 300_000);

  it.each(HOSTILE)('hostile: %s', async (_name, bytes) => {
    const input = { bytes, url: 'https://hostile.example/feed' };
    expect(await outcome(pool.read, input)).toStrictEqual(await outcome(readDocument, input));
  }, 120_000);

  it('keeps the bounds: the deep item dropped, items capped, the title cut (chunked transfer included)', async () => {
    const [deep, many, huge] = await Promise.all(HOSTILE.slice(0, 3).map(([, bytes]) => pool.read({ bytes, url: 'https://hostile.example/feed' })));
    expect(deep!.parsed.items.map((i) => i.title)).toEqual(['Item 1 from Baghdad', 'Item 2 from Baghdad']);
    expect(deep!.warnings).toContain(`1 item nested deeper than ${MAX_NESTING_DEPTH} elements (the nesting limit) dropped`);
    expect(many!.parsed.items).toHaveLength(ITEM_BOUNDS.itemsPerFeed);
    expect(ITEM_BOUNDS.itemsPerFeed).toBeGreaterThan(ITEMS_PER_CHUNK * 2);
    expect(many!.parsed.items.at(-1)!.title).toBe(`Item ${ITEM_BOUNDS.itemsPerFeed - 1} from Baghdad`);
    expect(many!.warnings.join()).toMatch(/more than 10000 items/);
    expect(huge!.parsed.items[0]!.title!.length).toBe(ITEM_BOUNDS.titleChars);
    expect(huge!.cuts).toContain(`1 item: title longer than ${ITEM_BOUNDS.titleChars} characters cut (the field limits)`);
  }, 120_000);
});

describe('processDocument through the pool', () => {
  let tagger: Tagger;
  beforeAll(async () => {
    tagger = (await createDefaultTagger({ discovery: false })).tagger;
  });

  it.each(documents(FIXTURES))('%s: the same Articles and warnings as on the main thread', async (name, bytes) => {
    const feed: FeedConfig = { id: 'golden', url: `https://example.com/${name}`, tags: ['t'], regions: [], intervalMinutes: 15, enabled: true, headers: {}, allowFile: false };
    const input = { bytes, url: feed.url, feed, fetchedAt: new Date('2026-12-01T00:00:00Z'), tagger };
    const withPool = await processDocument({ ...input, reader: pool.read });
    const alone = await processDocument(input);
    expect(withPool).toStrictEqual(alone);
    expect(alone.articles.length).toBeGreaterThan(0);
  });
});

describe('the worker starts however newsgate runs', () => {
  const ROOT = path.resolve(import.meta.dirname, '../..');
  const built = path.join(ROOT, 'dist/pipeline/parse-worker-pool.js');
  if (!existsSync(built)) console.warn('parse-worker-pool.test.ts: dist/ is not built (npm run build); the compiled worker is not checked');
  const modes: [string, string[], string][] = [
    ['compiled dist/ (npm start, bin/newsgate.js)', [], pathToFileURL(built).href],
    ['TypeScript through tsx (npm run dev)', ['--import', 'tsx'], pathToFileURL(path.join(ROOT, 'src/pipeline/parse-worker-pool.ts')).href],
  ];
  it.each(modes.filter(([, , url]) => existsSync(fileURLToPath(url))))('%s', async (_mode, flags, url) => {
    const script = `
      const { ParseWorkerPool } = await import(${JSON.stringify(url)});
      const pool = new ParseWorkerPool({ minBytes: 0 });
      const items = Array.from({ length: 300 }, (_, i) => '<item><title>t' + i + '</title></item>').join('');
      const doc = await pool.read({ bytes: Buffer.from('<rss version="2.0"><channel><title>c</title>' + items + '</channel></rss>'), url: 'https://example.com/' });
      console.log(JSON.stringify({ items: doc.parsed.items.length, stats: pool.stats() }));
      await pool.close();`;
    const { stdout } = await execFileAsync(process.execPath, [...flags, '--input-type=module', '-e', script], { cwd: ROOT, timeout: 60_000 });
    expect(JSON.parse(stdout)).toEqual({ items: 300, stats: { inWorker: 1, onMainThread: 0, replaced: 0 } });
  }, 90_000);
});

describe('the fence around a hostile document', () => {
  const big = HOSTILE[1]![1];
  const small = Buffer.from(rss(item(1)));

  it('reads small documents on the calling thread and large ones in a worker', async () => {
    const mixed = new ParseWorkerPool({ size: 1, minBytes: 64 * 1024 });
    try {
      await mixed.read({ bytes: small, url: 'https://example.com/small' });
      await mixed.read({ bytes: big, url: 'https://example.com/big' });
      expect(mixed.stats()).toEqual({ inWorker: 1, onMainThread: 1, replaced: 0 });
    } finally {
      await mixed.close();
    }
  }, 60_000);

  it('a document over the time limit fails alone (PARSE_MALFORMED); the next one is read by a new worker', async () => {
    const strict = new ParseWorkerPool({ size: 1, minBytes: 0, timeLimitMs: 5 });
    try {
      const err = await strict.read({ bytes: big, url: 'https://example.com/big' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NewsgateError);
      expect(err).toMatchObject({ code: ErrorCode.PARSE_MALFORMED, message: expect.stringMatching(/parse time limit/) });
      expect(strict.stats().replaced).toBe(1);
    } finally {
      await strict.close();
    }
    const roomy = new ParseWorkerPool({ size: 1, minBytes: 0 });
    try {
      expect((await roomy.read({ bytes: small, url: 'https://example.com/small' })).parsed.items).toHaveLength(1);
    } finally {
      await roomy.close();
    }
  }, 60_000);

  it('a document that exhausts the worker heap fails alone (PARSE_MALFORMED naming the heap); the pool goes on', async () => {
    const tight = new ParseWorkerPool({ size: 1, minBytes: 0, heapMb: 24 });
    try {
      const huge = Buffer.from(rss(Array.from({ length: 60_000 }, (_, i) => item(i, `<description>${'word '.repeat(60)}${i}</description>`)).join('')));
      const err = await tight.read({ bytes: huge, url: 'https://example.com/huge' }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: ErrorCode.PARSE_MALFORMED, message: expect.stringMatching(/more than 24 MB \(the parse worker's heap\)/) });
      expect(tight.stats().replaced).toBeGreaterThanOrEqual(1);
    } finally {
      await tight.close();
    }
  }, 120_000);

  it('after close, reads fail with INTERNAL and no worker keeps the process alive', async () => {
    const closing = new ParseWorkerPool({ size: 1, minBytes: 0 });
    await closing.read({ bytes: small, url: 'https://example.com/small' });
    await closing.close();
    await expect(closing.read({ bytes: small, url: 'https://example.com/small' })).rejects.toMatchObject({ code: ErrorCode.INTERNAL });
  });
});
