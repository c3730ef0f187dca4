/**
 * `/searches/<id>.rss|.atom|.json` over real HTTP: newsgate's own `processDocument` (what
 * `newsgate preview` runs) reads each format back and finds exactly the search's newest matches
 * — titles, links and dates, newest first — and conditional GET answers 304.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedConfig } from '../../src/model/feed.ts';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import type { Tagger } from '../../src/normalize/gazetteer/tagger.types.ts';
import { processDocument } from '../../src/pipeline/process-document.ts';
import { makeArticle } from '../store/article-factory.ts';
import { makeCorpus, newestFirst } from './corpus.ts';
import { FEEDS, startSearchHarness, type SearchHarness } from './search-harness.ts';

const corpus = makeCorpus(300);
const tricky = makeArticle({
  id: 'tricky',
  feedId: 'rudaw-en',
  publishedAt: '2026-09-01T10:00:00.000Z',
  title: 'Drone & "quotes" \'apostrophes\' at 5<6 km and a stray \u0007 control',
  summary: 'Summary with <script>alert(1)</script> & ]]> in it',
  regions: ['IQ'],
});
let h: SearchHarness;
let tagger: Tagger;

beforeAll(async () => {
  h = await startSearchHarness([...corpus.map((c) => c.article), tricky], [
    { id: 'drones-iq', name: 'Drones in Iraq', query: 'drone', filter: { regions: ['IQ'] }, webhook: null },
    { id: 'not-rockets', name: 'Anything but rockets from Rudaw', query: '-rocket', filter: { sources: ['rudaw-en'] }, webhook: null },
    { id: 'all', name: 'Everything', query: '', filter: {}, webhook: null },
  ]);
  tagger = (await createDefaultTagger({ discovery: false })).tagger;
}, 60_000);
afterAll(() => h.close());

const reader: FeedConfig = { ...(FEEDS[0] as FeedConfig), id: 'readback' };

async function readBack(path: string) {
  const res = await fetch(`${h.base}${path}`);
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const doc = await processDocument({ bytes, contentType: res.headers.get('content-type') ?? '', url: `${h.base}${path}`, feed: reader, fetchedAt: new Date(), tagger });
  return { res, doc };
}

describe('saved search feeds', () => {
  const expectations = [
    ['drones-iq', (c: (typeof corpus)[number]) => c.spec.regions.includes('IQ') && c.spec.title.startsWith('Drone'), true],
    ['not-rockets', (c: (typeof corpus)[number]) => c.spec.feedId === 'rudaw-en' && !c.spec.title.startsWith('Rocket'), true],
  ] as const;

  for (const format of ['rss', 'atom', 'json'] as const) {
    for (const [id, wanted, withTricky] of expectations) {
      it(`${format}: ${id} holds exactly its newest matches, newest first (read back by processDocument)`, async () => {
        const { doc } = await readBack(`/searches/${id}.${format}?limit=200`);
        const expected = newestFirst(corpus.filter(wanted)).map((c) => c.article);
        if (withTricky) expected.push(tricky); // oldest of all, and a drone in Iraq from Rudaw
        expect(expected.length).toBeGreaterThan(10);
        expect(doc.parsed.format).toBe(format === 'rss' ? 'rss2.0' : format === 'atom' ? 'atom1.0' : 'json1.1');
        expect(doc.articles.map((a) => a.title)).toEqual(expected.slice(0, 200).map((a) => a.title.replace(/\u0007/g, '').replace(/\s+/g, ' ')));
        expect(doc.articles.map((a) => a.url)).toEqual(expected.slice(0, 200).map((a) => a.url));
        expect(doc.articles.map((a) => a.publishedAt)).toEqual(expected.slice(0, 200).map((a) => a.publishedAt));
        expect(doc.articles.map((a) => a.guid)).toEqual(expected.slice(0, 200).map((a) => (format === 'atom' ? `urn:newsgate:article:${a.id}` : a.id)));
      });
    }
  }

  it('serves 50 items by default and ?limit= up to 200; other limits are a 400 saying the range', async () => {
    expect((await readBack('/searches/all.json')).doc.articles).toHaveLength(50);
    expect((await readBack('/searches/all.rss?limit=7')).doc.articles.map((a) => a.title)).toEqual(newestFirst(corpus).slice(0, 7).map((c) => c.spec.title));
    for (const bad of ['0', '201', 'ten', '-1']) {
      const res = await fetch(`${h.base}/searches/all.rss?limit=${bad}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('from 1 to 200');
    }
  });

  it('escapes markup and drops characters XML forbids, so the document stays well-formed', async () => {
    const res = await fetch(`${h.base}/searches/drones-iq.rss?limit=200`);
    const text = await res.text();
    expect(text).toContain('Drone &amp; &quot;quotes&quot; &apos;apostrophes&apos; at 5&lt;6 km');
    expect(text).not.toContain('\u0007');
    expect(text).toContain('&lt;script&gt;');
  });

  it('answers 304 to If-None-Match with its ETag, and a new body when a match arrives', async () => {
    const first = await fetch(`${h.base}/searches/all.atom`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await fetch(`${h.base}/searches/all.atom`, { headers: { 'if-none-match': etag as string } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    await h.store.upsert([makeArticle({ id: 'late', feedId: 'shafaq-en', publishedAt: '2026-12-01T00:00:00.000Z', title: 'A late arrival' })]);
    const changed = await fetch(`${h.base}/searches/all.atom`, { headers: { 'if-none-match': etag as string } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.text()).toContain('A late arrival');
  });

  it('answers 404 naming the id for an unknown search, and 400 for a config search whose ids are unknown', async () => {
    const res = await fetch(`${h.base}/searches/nope.rss`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('"nope"') });
    h.services.registry.setConfig([{ id: 'typo', name: 'Typo', query: 'actor:irgcc', filter: {}, webhook: null }]);
    const typo = await fetch(`${h.base}/searches/typo.rss`);
    expect(typo.status).toBe(400);
    expect(((await typo.json()) as { error: { message: string } }).error.message).toContain('"irgc"');
  });
});
