import { describe, expect, it } from 'vitest';
import { parseFeedsFile } from '../../src/config/feeds-file.ts';
import { ErrorCode, NewsgateError } from '../../src/model/errors.ts';

const FILE = '/etc/newsgate/feeds.json';
const feeds = [{ id: 'shafaq-en', url: 'https://shafaq.example/en/rss' }];

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

describe('feeds.json searches', () => {
  it('reads saved searches with their query, filter and webhook; a file without any has none', () => {
    const settings = parseFeedsFile(
      JSON.stringify({
        feeds,
        searches: [
          { id: 'irgc-iraq', name: 'IRGC in Iraq', query: ' affiliates:irgc -sport ', filter: { regions: ['IQ'], languages: ['en'] }, webhook: 'https://hooks.example.org/x' },
          { id: 'all', name: 'Everything' },
        ],
      }),
      FILE,
    );
    expect(settings.searches).toEqual([
      { id: 'irgc-iraq', name: 'IRGC in Iraq', query: 'affiliates:irgc -sport', filter: { regions: ['IQ'], languages: ['en'] }, webhook: 'https://hooks.example.org/x' },
      { id: 'all', name: 'Everything', query: '', filter: {}, webhook: null },
    ]);
    expect(parseFeedsFile(JSON.stringify({ feeds }), FILE).searches).toEqual([]);
  });

  it('reads allowPrivateAddresses on a search (a webhook inside the network) and refuses a non-boolean', () => {
    const settings = parseFeedsFile(JSON.stringify({ feeds, searches: [{ id: 'in', name: 'In', webhook: 'http://10.0.0.5/hook', allowPrivateAddresses: true }, { id: 'out', name: 'Out', allowPrivateAddresses: false }] }), FILE);
    expect(settings.searches).toEqual([
      { id: 'in', name: 'In', query: '', filter: {}, webhook: 'http://10.0.0.5/hook', allowPrivateAddresses: true },
      { id: 'out', name: 'Out', query: '', filter: {}, webhook: null },
    ]);
    expect(problemsOf(JSON.stringify({ feeds, searches: [{ id: 'a', name: 'A', allowPrivateAddresses: 'yes' }] }))).toMatch(/searches\[0\]\.allowPrivateAddresses/);
  });

  it.each([
    ['a misspelt key, with a suggestion', { id: 'a', name: 'A', querry: 'x' }, ['$.searches[0].querry: unknown key "querry"; did you mean "query"?']],
    ['a misspelt filter key', { id: 'a', name: 'A', filter: { region: ['IQ'] } }, ['$.searches[0].filter.region: unknown key "region"; did you mean "regions"?']],
    ['a missing name', { id: 'a' }, ['$.searches[0]: missing required key "name".']],
    ['a bad id', { id: 'Bad Id', name: 'A' }, ['$.searches[0].id: must be a slug']],
    ['a bad language', { id: 'a', name: 'A', filter: { languages: ['english'] } }, ['$.searches[0].filter.languages[0]: must be a two-letter ISO 639-1 code']],
    ['a webhook that is not http(s)', { id: 'a', name: 'A', webhook: 'ftp://x.example/' }, ['$.searches[0].webhook: "ftp://x.example/" is not an absolute http(s) URL.']],
    ['dates out of order', { id: 'a', name: 'A', filter: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } }, ['$.searches[0].filter.to: is before filter.from']],
    ['a date that is not one', { id: 'a', name: 'A', filter: { from: 'yesterday' } }, ['$.searches[0].filter.from: "yesterday" is not an ISO 8601 instant.']],
  ])('refuses %s, naming the path', (_name, search, expected) => {
    const message = problemsOf(JSON.stringify({ feeds, searches: [search] }));
    for (const part of expected) expect(message).toContain(part);
  });

  it('refuses a query that does not parse, naming its position in the query and its line and column in the file', () => {
    const text = `{\n  "feeds": ${JSON.stringify(feeds)},\n  "searches": [\n    { "id": "x", "name": "X", "query": "drone AND (rocket" }\n  ]\n}`;
    const message = problemsOf(text);
    expect(message).toContain('$.searches[0].query: Query error at position 18: expected ")" to close the "(" at position 11, found end of query.');
    // The query text starts at column 41 of line 4; position 18 (one past its end) is column 58.
    expect(message).toContain('(line 4, column 58 of the file)');
  });

  it('refuses two searches with one id', () => {
    expect(problemsOf(JSON.stringify({ feeds, searches: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }] }))).toContain(
      '$.searches[1].id: duplicate id "a" (also used by $.searches[0])',
    );
  });
});
