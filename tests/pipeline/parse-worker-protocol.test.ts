/**
 * What crosses the thread boundary of the parse worker: errors keep their class, code, message,
 * details and cause's words; items survive the chunked transfer in order; a worker is given the
 * main thread's Node flags minus those that name the main script.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCode, NewsgateError } from '../../src/model/errors.ts';
import type { RawItem } from '../../src/model/raw-feed.ts';
import { fromSentError, ITEMS_PER_CHUNK, packDocument, toSentError, unpackDocument } from '../../src/pipeline/parse-worker-protocol.ts';
import type { ReadDocument } from '../../src/pipeline/read-document.ts';
import { workerExecArgv } from '../../src/pipeline/spawn-module-worker.ts';

describe('errors across the thread boundary', () => {
  it('a NewsgateError comes back a NewsgateError with its code, message, details and cause', () => {
    const original = new NewsgateError(ErrorCode.PARSE_MALFORMED, 'Malformed feed: …', { cause: new Error('Unclosed root tag'), details: { url: 'https://x/', format: 'rss2.0' } });
    const back = fromSentError(structuredClone(toSentError(original)));
    expect(back).toBeInstanceOf(NewsgateError);
    expect(back).toMatchObject({ code: ErrorCode.PARSE_MALFORMED, message: 'Malformed feed: …', details: { url: 'https://x/', format: 'rss2.0' } });
    expect((back.cause as Error).message).toBe('Unclosed root tag');
  });

  it.each([
    ['a TypeError', new TypeError('x is undefined'), 'TypeError'],
    ['a thrown string', 'boom', 'Error'],
  ])('%s comes back a plain error of the same name and message', (_what, thrown, name) => {
    const back = fromSentError(structuredClone(toSentError(thrown)));
    expect(back).not.toBeInstanceOf(NewsgateError);
    expect(back).toMatchObject({ name, message: thrown instanceof Error ? thrown.message : thrown });
  });

  it('an unknown code is not trusted as a NewsgateError', () => {
    expect(fromSentError({ name: 'NewsgateError', message: 'm', code: 'NO_SUCH_CODE' })).not.toBeInstanceOf(NewsgateError);
  });
});

describe('items in chunks', () => {
  const item = (i: number): RawItem => ({
    guid: `g${i}`, link: null, title: `t${i}`, summaryHtml: null, contentHtml: null, authors: [], categories: ['c'],
    published: null, updated: null, enclosures: [{ url: 'https://x/e.jpg', source: 'enclosure', length: 3 }], language: null,
  });
  it.each([0, 1, ITEMS_PER_CHUNK, ITEMS_PER_CHUNK * 3 + 7])('%i items arrive whole and in order', async (n) => {
    const doc: ReadDocument = {
      parsed: { format: 'rss2.0', title: 'T', link: null, description: null, language: null, ttlMinutes: null, items: Array.from({ length: n }, (_, i) => item(i)), warnings: ['w'] },
      encoding: 'utf-8', warnings: ['w'], cuts: [],
    };
    const reply = structuredClone(packDocument(7, doc));
    expect(reply.ok && reply.itemChunks.length).toBe(Math.ceil(n / ITEMS_PER_CHUNK));
    expect(await unpackDocument(reply as Extract<typeof reply, { ok: true }>)).toStrictEqual(doc);
  });
});

describe('workerExecArgv', () => {
  it.each([
    [['--import', 'tsx'], ['--import', 'tsx']],
    [['--input-type=module', '-e', 'code()'], []],
    [['--input-type', 'module', '--eval', 'code()', '--max-old-space-size=512'], ['--max-old-space-size=512']],
    [['--print=1+1', '--enable-source-maps'], ['--enable-source-maps']],
    [['-p', '1+1', '--import', 'tsx'], ['--import', 'tsx']],
  ])('%j → %j', (given, kept) => {
    expect(workerExecArgv(given)).toEqual(kept);
  });
});
