import { describe, expect, it } from 'vitest';
import { parseFeedsFile } from '../../src/config/feeds-file.ts';
import { ErrorCode, NewsgateError } from '../../src/model/errors.ts';

const FILE = '/etc/newsgate/feeds.json';

/** Parses and returns the error message, failing the test when the file is accepted. */
function problemsOf(text: string): string {
  try {
    parseFeedsFile(text, FILE);
  } catch (err) {
    expect(err).toBeInstanceOf(NewsgateError);
    expect((err as NewsgateError).code).toBe(ErrorCode.CONFIG_INVALID);
    return (err as Error).message;
  }
  throw new Error('expected the file to be rejected');
}

const feed = (extra: Record<string, unknown> = {}) => ({ id: 'shafaq-en', url: 'https://shafaq.example/en/rss', ...extra });
const file = (feeds: unknown[], rest: Record<string, unknown> = {}) => JSON.stringify({ feeds, ...rest });

describe('parseFeedsFile: valid files', () => {
  it('applies defaults and merges default tags, regions and headers into each feed', () => {
    const settings = parseFeedsFile(
      file([feed({ tags: ['iraq'], headers: { Cookie: 'a=1' } }), feed({ id: 'rudaw', intervalMinutes: 60, enabled: false })], {
        defaults: { intervalMinutes: 20, tags: ['security'], regions: ['MIDDLE_EAST'], language: 'en', headers: { 'User-Agent': 'X' } },
        dictionaries: ['extra/actors.json'],
      }),
      FILE,
    );
    const [a, b] = settings.feeds;
    expect(a).toMatchObject({ id: 'shafaq-en', intervalMinutes: 20, enabled: true, language: 'en', tags: ['security', 'iraq'], regions: ['MIDDLE_EAST'] });
    expect(a!.headers).toEqual({ 'User-Agent': 'X', Cookie: 'a=1' });
    expect(b).toMatchObject({ id: 'rudaw', intervalMinutes: 60, enabled: false, allowFile: false });
    expect(settings.dictionaries).toEqual(['/etc/newsgate/extra/actors.json']);
    expect(settings.fetch.maxRedirects).toBe(5);
    expect(Object.isFrozen(settings.feeds)).toBe(true);
  });

  it('converts fetch seconds and megabytes to the units the fetcher uses', () => {
    const s = parseFeedsFile(file([feed()], { fetch: { timeoutSeconds: 5, headersTimeoutSeconds: 3, maxBodyMegabytes: 2, perHostSpacingSeconds: 0.5 } }), FILE);
    expect(s.fetch).toMatchObject({ totalTimeoutMs: 5000, headersTimeoutMs: 3000, maxBodyBytes: 2 * 1024 * 1024, perHostSpacingMs: 500 });
  });

  it('accepts a file: URL only when the feed allows it', () => {
    expect(parseFeedsFile(file([feed({ url: 'file:///srv/feeds/a.xml', allowFile: true })]), FILE).feeds[0]!.allowFile).toBe(true);
    expect(problemsOf(file([feed({ url: 'file:///srv/feeds/a.xml' })]))).toContain('"allowFile": true');
  });
});

describe('parseFeedsFile: every problem names the file, the JSON path, what is wrong and an example', () => {
  const cases: [string, string, string[]][] = [
    ['unknown key with a suggestion', file([feed({ interval: 5 })]), ['$.feeds[0].interval', 'unknown key "interval"', 'did you mean "intervalMinutes"']],
    ['unknown top-level key', file([feed()], { feed: [] }), ['$.feed', 'unknown key "feed"', 'did you mean "feeds"']],
    ['duplicate id', file([feed(), feed()]), ['$.feeds[1].id', 'duplicate id "shafaq-en"', '$.feeds[0]', 'example: "id": "shafaq-en-2"']],
    ['bad URL', file([feed({ url: 'shafaq.example/rss' })]), ['$.feeds[0].url', 'not an absolute URL', 'example: "url": "https://']],
    ['unsupported scheme', file([feed({ url: 'ftp://shafaq.example/rss' })]), ['$.feeds[0].url', 'unsupported scheme "ftp:"']],
    ['interval too small', file([feed({ intervalMinutes: 0 })]), ['$.feeds[0].intervalMinutes', 'must be >= 1', 'got 0', 'example: "intervalMinutes": 15']],
    ['interval of the wrong type', file([feed({ intervalMinutes: '15' })]), ['$.feeds[0].intervalMinutes', 'must be number', 'got "15"']],
    ['bad id', file([feed({ id: 'Shafaq News' })]), ['$.feeds[0].id', 'slug', 'got "Shafaq News"', 'example: "id": "rudaw-en"']],
    ['missing url', JSON.stringify({ feeds: [{ id: 'x' }] }), ['$.feeds[0]', 'missing required key "url"', 'example: "url":']],
    ['missing feeds', JSON.stringify({ defaults: {} }), ['$', 'missing required key "feeds"']],
    ['bad language', file([feed({ language: 'arabic' })]), ['$.feeds[0].language', 'two-letter ISO 639-1', 'example: "language": "en"']],
    ['unknown time zone', file([feed({ timezone: 'Baghdad' })]), ['$.feeds[0].timezone', 'unknown time zone "Baghdad"', 'Asia/Baghdad']],
    ['min above max interval', file([feed()], { fetch: { minIntervalMinutes: 60, maxIntervalMinutes: 30 } }), ['$.fetch.maxIntervalMinutes', 'at least minIntervalMinutes']],
    ['JSON syntax error with line and column', '{\n  "feeds": [\n    { "id": "a" "url": "x" }\n  ]\n}', ['not valid JSON', 'line 3, column']],
  ];
  it.each(cases)('%s', (_name, text, fragments) => {
    const message = problemsOf(text);
    expect(message.startsWith(FILE)).toBe(true);
    for (const fragment of fragments) expect(message).toContain(fragment);
  });

  it('reports all problems at once, not just the first', () => {
    const message = problemsOf(file([feed({ interval: 5 }), feed({ url: 'nope' }), feed({ id: 'b', intervalMinutes: -1 })]));
    expect(message).toContain('4 problems'); // feeds[1] also repeats feeds[0]'s id
  });
});

describe('parseFeedsFile: fullText', () => {
  it('true is automatic extraction, an object a rule, false or absent is off; defaults apply', () => {
    const s = parseFeedsFile(
      file(
        [
          feed({ id: 'a', fullText: true }),
          feed({ id: 'b', fullText: { selector: 'article .body', remove: ['.share', '.related', '.share'] } }),
          feed({ id: 'c', fullText: false }),
          feed({ id: 'd' }),
        ],
        { defaults: { fullText: true } },
      ),
      FILE,
    );
    const [a, b, c, d] = s.feeds;
    expect(a!.fullText).toEqual({ remove: [] });
    expect(b!.fullText).toEqual({ selector: 'article .body', remove: ['.share', '.related'] });
    expect(c!.fullText).toBeUndefined();
    expect(d!.fullText).toEqual({ remove: [] });
    expect(parseFeedsFile(file([feed()]), FILE).feeds[0]!.fullText).toBeUndefined();
  });

  const cases: [string, unknown, string[]][] = [
    ['a string', 'yes', ['$.feeds[0].fullText', 'must be boolean,object', 'got "yes"']],
    ['an unknown key', { selecter: 'article' }, ['$.feeds[0].fullText.selecter', 'unknown key "selecter"', 'did you mean "selector"']],
    ['an empty selector', { selector: '' }, ['$.feeds[0].fullText.selector', 'must NOT have fewer than 1 characters', 'example: "selector": "article .body"']],
    ['an invalid selector', { selector: 'div[' }, ['$.feeds[0].fullText.selector', '"div[" is not a valid CSS selector', 'example: "selector": "article .body"']],
    ['an invalid remove selector', { remove: ['.share', '.related,'] }, ['$.feeds[0].fullText.remove[1]', '".related," is not a valid CSS selector']],
    ['remove not a list', { remove: '.share' }, ['$.feeds[0].fullText.remove', 'must be array']],
  ];
  it.each(cases)('rejects %s with the path and a fix', (_name, value, expected) => {
    const message = problemsOf(file([feed({ fullText: value })]));
    for (const part of expected) expect(message).toContain(part);
  });

  it('checks defaults.fullText too', () => {
    expect(problemsOf(file([feed()], { defaults: { fullText: { selector: '>>' } } }))).toContain('$.defaults.fullText.selector');
  });
});

describe('parseFeedsFile: fetch.allowPrivateAddresses and a feed\'s own fetch object', () => {
  it('defaults to refusing private addresses, and reads the top-level switch', () => {
    expect(parseFeedsFile(file([feed()]), FILE).fetch.allowPrivateAddresses).toBe(false);
    expect(parseFeedsFile(file([feed()], { fetch: { allowPrivateAddresses: true } }), FILE).fetch.allowPrivateAddresses).toBe(true);
  });

  it('keeps the keys a feed sets in its own fetch object, in the fetcher\'s units, and nothing else', () => {
    const s = parseFeedsFile(file([feed({ fetch: { allowPrivateAddresses: true, timeoutSeconds: 120, maxBodyMegabytes: 1 } }), feed({ id: 'plain' })]), FILE);
    expect(s.feeds[0]!.fetch).toEqual({ allowPrivateAddresses: true, totalTimeoutMs: 120_000, maxBodyBytes: 1024 * 1024 });
    expect(s.feeds[1]!.fetch).toBeUndefined();
  });

  it('says which keys a feed may not set for itself', () => {
    const message = problemsOf(file([feed({ fetch: { concurrency: 4 } })]));
    expect(message).toContain('$.feeds[0].fetch.concurrency: unknown key "concurrency"');
    expect(message).toContain('allowPrivateAddresses');
  });

  it('checks a feed\'s interval bounds against each other', () => {
    expect(problemsOf(file([feed({ fetch: { minIntervalMinutes: 60, maxIntervalMinutes: 30 } })]))).toContain('$.feeds[0].fetch.maxIntervalMinutes: must be at least minIntervalMinutes (60).');
  });
});
