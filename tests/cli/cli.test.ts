/**
 * The operator's CLI, run in-process through runCli with captured output: preview (text and
 * JSON, readable and unreadable feeds), feeds check/add/import/export against temp files and a
 * local feed server.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { startFeedServer, type FeedServer } from '../e2e/feed-server.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/feeds');
let dir: string;
let server: FeedServer;

function io(env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const value: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), env: { FEEDS_FILE: 'feeds.json', ...env }, cwd: dir };
  return { io: value, out: () => out, err: () => err };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsgate-cli-'));
  const page = path.join(dir, 'home.html');
  writeFileSync(page, '<!doctype html><html><head><title>Levant Wire</title><link rel="alternate" type="application/rss+xml" title="Wire" href="/wire.xml"></head><body>News</body></html>');
  const twoFeeds = path.join(dir, 'two.html');
  writeFileSync(twoFeeds, '<html><head><link rel="alternate" type="application/rss+xml" href="/wire.xml"><link rel="alternate" type="application/atom+xml" title="Analysis" href="/analysis.atom"></head></html>');
  const noFeeds = path.join(dir, 'none.html');
  writeFileSync(noFeeds, '<html><head><title>No feeds here</title></head><body>x</body></html>');
  server = await startFeedServer([
    { path: '/wire.xml', file: path.join(FIXTURES, 'rss2-wire.xml'), contentType: 'application/rss+xml' },
    { path: '/', file: page, contentType: 'text/html; charset=utf-8' },
    { path: '/two.html', file: twoFeeds, contentType: 'text/html' },
    { path: '/none.html', file: noFeeds, contentType: 'text/html' },
  ]);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('newsgate preview', () => {
  it('--json prints the feed and every Article with actors and regions as objects', async () => {
    const t = io();
    const code = await runCli(['preview', path.join(FIXTURES, 'rss2-wire.xml'), '--json'], t.io);
    expect(code, t.err()).toBe(0);
    const doc = JSON.parse(t.out());
    expect(doc.feed).toMatchObject({ title: 'Levant Security Wire', format: 'rss2.0', encoding: 'utf-8' });
    expect(Array.isArray(doc.feed.warnings)).toBe(true);
    expect(doc.articles).toHaveLength(5);
    const erbil = doc.articles.find((a: any) => /Erbil/.test(a.title));
    for (const key of ['id', 'guid', 'url', 'title', 'summary', 'content', 'contentHtml', 'authors', 'publishedAt', 'updatedAt', 'fetchedAt', 'language', 'tags', 'topics', 'actors', 'regions', 'translatorNotes', 'comments', 'storyId', 'source']) {
      expect(erbil, key).toHaveProperty(key);
    }
    expect(erbil.url).not.toContain('utm_');
    expect(erbil.source).toEqual({ id: 'preview', title: 'Levant Security Wire', siteUrl: 'https://levant-wire.example.org/' });
    const kh = erbil.actors.find((a: any) => a.id === 'kataib-hizbullah');
    expect(kh).toMatchObject({ name: expect.any(String), kind: 'ARMED_GROUP' });
    expect(kh.evidence.length).toBeGreaterThan(0);
    expect(erbil.regions.map((r: any) => r.id)).toContain('IQ');
  });

  it('reads a local file with --content-type standing in for the HTTP charset', async () => {
    const file = path.join(dir, 'arabic-1256.xml');
    const { default: iconv } = await import('iconv-lite');
    writeFileSync(
      file,
      iconv.encode(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>أخبار</title><item><title>كتائب حزب الله تعلن مسؤوليتها</title><link>https://x.example/1</link></item></channel></rss>',
        'windows-1256',
      ),
    );
    const t = io();
    expect(await runCli(['preview', file, '--content-type', 'text/xml; charset=windows-1256', '--json'], t.io)).toBe(0);
    const doc = JSON.parse(t.out());
    expect(doc.articles[0].title).toBe('كتائب حزب الله تعلن مسؤوليتها');
    expect(doc.articles[0].actors.map((a: any) => a.id)).toContain('kataib-hizbullah');
  });

  it('an unreadable feed still prints the JSON, with the error in warnings, and exits non-zero', async () => {
    const file = path.join(dir, 'page.html');
    writeFileSync(file, '<!doctype html><html><head><title>Home</title></head><body>Not a feed</body></html>');
    const t = io();
    expect(await runCli(['preview', file, '--json'], t.io)).toBe(1);
    const doc = JSON.parse(t.out());
    expect(doc.articles).toEqual([]);
    expect(doc.feed.warnings.join(' ')).toContain('Not a feed');
  });

  it('prints a readable listing without --json, and fetches URLs through the ingestion fetcher', async () => {
    const t = io();
    expect(await runCli(['preview', `${server.url}/wire.xml`], t.io)).toBe(0);
    expect(t.out()).toContain('Levant Security Wire');
    expect(t.out()).toMatch(/actors: .*Kata'ib Hizbullah/);
  });

  it('says how to use it when called wrong', async () => {
    const t = io();
    expect(await runCli(['preview'], t.io)).toBe(2);
    expect(t.err()).toContain('usage: newsgate preview');
  });
});

describe('newsgate feeds', () => {
  it('check: ok on a valid file, exit 2 with the start-up message on an invalid one', async () => {
    writeFileSync(path.join(dir, 'feeds.json'), JSON.stringify({ feeds: [{ id: 'wire', url: `${server.url}/wire.xml` }] }));
    const ok = io();
    expect(await runCli(['feeds', 'check'], ok.io)).toBe(0);
    expect(ok.out()).toContain('ok, 1 feeds');
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ feeds: [{ id: 'wire', url: 'wire.xml', intervalMinutes: 0 }] }));
    const bad = io({ FEEDS_FILE: 'bad.json' });
    expect(await runCli(['feeds', 'check'], bad.io)).toBe(2);
    expect(bad.err()).toContain('$.feeds[0].url');
    expect(bad.err()).toContain('$.feeds[0].intervalMinutes');
  });

  it('add: fetches once, shows what it would ingest, writes a valid entry', async () => {
    writeFileSync(path.join(dir, 'feeds.json'), JSON.stringify({ feeds: [] }));
    const dry = io();
    expect(await runCli(['feeds', 'add', `${server.url}/wire.xml`, '--tags', 'iraq,wire', '--dry-run'], dry.io)).toBe(0);
    expect(dry.out()).toContain('5 articles');
    expect(JSON.parse(readFileSync(path.join(dir, 'feeds.json'), 'utf8')).feeds).toEqual([]);
    const real = io();
    expect(await runCli(['feeds', 'add', `${server.url}/wire.xml`, '--tags', 'iraq,wire'], real.io)).toBe(0);
    const written = JSON.parse(readFileSync(path.join(dir, 'feeds.json'), 'utf8')).feeds;
    expect(written).toEqual([{ id: 'levant-security-wire', url: `${server.url}/wire.xml`, title: 'Levant Security Wire', tags: ['iraq', 'wire'], language: 'en' }]);
    const again = io();
    expect(await runCli(['feeds', 'add', `${server.url}/wire.xml`], again.io)).toBe(1);
    expect(again.err()).toContain('already in');
  });

  it('import then export speak OPML, skipping feeds already present', async () => {
    writeFileSync(path.join(dir, 'feeds.json'), JSON.stringify({ feeds: [{ id: 'wire', url: `${server.url}/wire.xml` }] }));
    writeFileSync(
      path.join(dir, 'subs.opml'),
      `<opml version="2.0"><body><outline text="Iraq"><outline text="Shafaq News" xmlUrl="https://shafaq.example/rss"/><outline text="Wire" xmlUrl="${server.url}/wire.xml"/></outline></body></opml>`,
    );
    const imp = io();
    expect(await runCli(['feeds', 'import', 'subs.opml'], imp.io)).toBe(0);
    expect(imp.out()).toContain('1 new feeds, 1 already present');
    const exp = io();
    expect(await runCli(['feeds', 'export'], exp.io)).toBe(0);
    expect(exp.out()).toContain('xmlUrl="https://shafaq.example/rss"');
    expect(exp.out()).toContain('category="iraq"');
  });

  it('add leaves every byte of feeds.json as it was and inserts the entry after the last one', async () => {
    const text = '{\n    "retention": {"maxAgeDays": 30},\n    "feeds": [\n        {"id": "other", "url": "https://other.example/rss"}\n    ]\n}\n';
    writeFileSync(path.join(dir, 'feeds.json'), text);
    const t = io();
    expect(await runCli(['feeds', 'add', `${server.url}/wire.xml`], t.io), t.err()).toBe(0);
    const after = readFileSync(path.join(dir, 'feeds.json'), 'utf8');
    expect(after.startsWith('{\n    "retention": {"maxAgeDays": 30},\n    "feeds": [\n        {"id": "other", "url": "https://other.example/rss"},\n        {\n            "id": "levant-security-wire",')).toBe(true);
    expect(after.endsWith('        }\n    ]\n}\n')).toBe(true);
  });

  it('add on a web page uses the one feed it announces', async () => {
    writeFileSync(path.join(dir, 'feeds.json'), JSON.stringify({ feeds: [] }));
    const t = io();
    expect(await runCli(['feeds', 'add', `${server.url}/`, '--tags', 'wire'], t.io), t.err()).toBe(0);
    expect(t.out()).toContain(`using the feed it announces: ${server.url}/wire.xml`);
    expect(JSON.parse(readFileSync(path.join(dir, 'feeds.json'), 'utf8')).feeds[0]).toMatchObject({ url: `${server.url}/wire.xml`, tags: ['wire'] });
  });

  it('add on a web page with several feeds lists them and writes nothing; with none, says so', async () => {
    writeFileSync(path.join(dir, 'feeds.json'), JSON.stringify({ feeds: [] }));
    const many = io();
    expect(await runCli(['feeds', 'add', `${server.url}/two.html`], many.io)).toBe(1);
    expect(many.out()).toContain(`${server.url}/wire.xml  (rss)`);
    expect(many.out()).toContain(`${server.url}/analysis.atom  (atom, "Analysis")`);
    const none = io();
    expect(await runCli(['feeds', 'add', `${server.url}/none.html`], none.io)).toBe(1);
    expect(none.err()).toContain('announces no feed');
    expect(JSON.parse(readFileSync(path.join(dir, 'feeds.json'), 'utf8')).feeds).toEqual([]);
  });

  it('export then import into an empty file gives back the same entries (ids, language, regions, interval, tags)', async () => {
    const feeds = [
      { id: 'kurdistan24-ar', url: `${server.url}/wire.xml`, title: 'كوردستان ٢٤', language: 'ar', regions: ['IQ', 'IQ/erbil'], intervalMinutes: 45, tags: ['kurdistan', 'iraq'] },
      { id: 'plain', url: 'https://plain.example/rss', enabled: false, timezone: 'Asia/Tehran' },
    ];
    writeFileSync(path.join(dir, 'feeds.json'), JSON.stringify({ feeds }, null, 2));
    const exp = io();
    expect(await runCli(['feeds', 'export', '--out', 'out.opml'], exp.io)).toBe(0);
    writeFileSync(path.join(dir, 'empty.json'), '{ "feeds": [] }\n');
    const imp = io({ FEEDS_FILE: 'empty.json' });
    expect(await runCli(['feeds', 'import', 'out.opml'], imp.io), imp.err()).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'empty.json'), 'utf8')).feeds).toEqual(feeds);
  });

  it('import of a foreign OPML reads category back as tags and transliterates non-Latin titles into ids', async () => {
    writeFileSync(path.join(dir, 'feeds.json'), '{ "feeds": [] }');
    writeFileSync(path.join(dir, 'foreign.opml'), '<opml version="2.0"><body><outline text="قناة الميادين" xmlUrl="http://127.0.0.1:9/ar/rss" category="lebanon,tv"/></body></opml>');
    const t = io();
    expect(await runCli(['feeds', 'import', 'foreign.opml'], t.io), t.err()).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'feeds.json'), 'utf8')).feeds).toEqual([
      { id: 'qnh-lmydyn', url: 'http://127.0.0.1:9/ar/rss', title: 'قناة الميادين', tags: ['lebanon', 'tv'] },
    ]);
  });

  it('check refuses unknown region ids with a suggestion, line and column', async () => {
    writeFileSync(path.join(dir, 'regions.json'), '{\n  "feeds": [\n    { "id": "w", "url": "https://w.example/rss", "regions": ["IQ", "iq/erbil"] }\n  ]\n}\n');
    const t = io({ FEEDS_FILE: 'regions.json' });
    expect(await runCli(['feeds', 'check'], t.io)).toBe(2);
    expect(t.err()).toMatch(/line 3, column \d+: \$\.feeds\[0\]\.regions\[1\]: unknown region "iq\/erbil"; did you mean "IQ\/erbil"\?/);
  });
});
