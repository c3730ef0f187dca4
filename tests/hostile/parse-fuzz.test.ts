/**
 * A short property-based fuzz of the parse path (decode → parse → bound → normalize) over
 * mutated real feeds from tests/fixtures/feeds: cuts, duplicated and shuffled slices, and the
 * hostile tokens of issue 12 spliced in anywhere. Whatever comes in, processDocument either
 * gives well-formed Articles or throws a NewsgateError with a parse/decode code, within a
 * bounded time. Bounded runs with a fixed seed, so a failure replays.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { NewsgateError } from '../../src/model/errors.ts';
import type { FeedConfig } from '../../src/model/feed.ts';
import { ITEM_BOUNDS } from '../../src/normalize/bound-item.ts';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import type { Tagger } from '../../src/normalize/gazetteer/tagger.types.ts';
import { processDocument } from '../../src/pipeline/process-document.ts';

const DIR = path.resolve(import.meta.dirname, '../fixtures/feeds');
const CORPUS = readdirSync(DIR).filter((f) => !f.endsWith('.expected.json')).map((f) => readFileSync(path.join(DIR, f), 'utf8'));
const HOSTILE = ['<', '&', ']]>', '<![CDATA[', '<!--', '<item>', '</item>', '<entry>', '"', "'", '<div>'.repeat(400), '<a href="javascript:alert(1)">x</a>', '&nbsp;', '&#0;', '\u0000', '\uFFFE', '<?xml version="1.0"?>', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '&a;', '{"version":"https://jsonfeed.org/version/1.1"', '<category>x</category>'.repeat(150)];
const FEED: FeedConfig = { id: 'fuzz', url: 'https://fuzz.example/feed', tags: [], regions: [], intervalMinutes: 15, enabled: true, headers: {}, allowFile: false };
const OK_CODES = new Set(['PARSE_NOT_A_FEED', 'PARSE_MALFORMED', 'DECODE_FAILED']);

/** One mutation of a document: a cut, a duplicated slice, a deleted slice, or a hostile token spliced in. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('dup' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('del' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), token: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 20 })) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(doc: string, m: Mutation): string {
  const at = Math.floor(m.at * doc.length);
  switch (m.kind) {
    case 'cut': return doc.slice(0, at);
    case 'dup': return doc.slice(0, at) + doc.slice(at, at + m.len) + doc.slice(at);
    case 'del': return doc.slice(0, at) + doc.slice(at + m.len);
    case 'insert': return doc.slice(0, at) + m.token + doc.slice(at);
  }
}

let tagger: Tagger;
beforeAll(async () => {
  tagger = (await createDefaultTagger({ discovery: false })).tagger;
});

describe('the parse path under mutated real feeds', () => {
  it('gives well-formed articles or a parse error, never a crash or a hang', async () => {
    expect(CORPUS.length).toBeGreaterThan(3);
    let withArticles = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: CORPUS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (which, mutations) => {
        const text = mutations.reduce(mutate, CORPUS[which] as string);
        const started = performance.now();
        try {
          const doc = await processDocument({ bytes: new TextEncoder().encode(text), url: FEED.url, feed: FEED, fetchedAt: new Date('2024-06-01T00:00:00Z'), tagger });
          if (doc.articles.length > 0) withArticles++;
          for (const a of doc.articles) {
            expect(typeof a.id).toBe('string');
            expect(typeof a.title).toBe('string');
            expect(a.title.length).toBeLessThanOrEqual(ITEM_BOUNDS.titleChars);
            expect(a.tags.length).toBeLessThanOrEqual(ITEM_BOUNDS.tags + FEED.tags.length);
            expect(Number.isNaN(Date.parse(a.publishedAt))).toBe(false);
            expect(a.contentHtml).not.toMatch(/<script|javascript:/i);
          }
        } catch (err) {
          if (!(err instanceof NewsgateError) || !OK_CODES.has(err.code)) throw err;
          refused++;
        }
        expect(performance.now() - started).toBeLessThan(5000);
      }),
      { numRuns: 150, seed: 12, interruptAfterTimeLimit: 20_000 },
    );
    // Both outcomes were met: the mutations neither left every feed intact nor broke every one.
    expect(withArticles).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 60_000);
});
