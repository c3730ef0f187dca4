/** Table tests of the pure parts: XML text, RFC 822 dates, CSV quoting, backoff, signatures, filter parameters. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { csvField, csvRow, neutraliseFormula } from '../../src/feeds-out/csv-export.ts';
import type { ArticleMeta } from '../../src/model/article.ts';
import { rfc822 } from '../../src/feeds-out/rss-writer.ts';
import { atomEntryId } from '../../src/feeds-out/atom-writer.ts';
import { xmlText } from '../../src/feeds-out/xml-text.ts';
import { jsonErrorOffset } from '../../src/config/json-error-position.ts';
import { parseFilterParam } from '../../src/searches/filter-param.ts';
import { nextDelay } from '../../src/searches/webhook-backoff.ts';
import { signPayload, verifySignature } from '../../src/searches/webhook-signature.ts';

describe('feed text', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<b>"x"</b>', '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'],
    ["it's", 'it&apos;s'],
    ['bell\u0007 and \u0000nul', 'bell and nul'],
    ['tab\tlf\ncr\r', 'tab\tlf\ncr\r'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['pair 😀 kept', 'pair 😀 kept'],
    ['\uFFFE\uFFFF', ''],
    ['عربي', 'عربي'],
  ])('xmlText(%j) = %j', (input, out) => expect(xmlText(input)).toBe(out));

  it.each([
    ['2026-12-03T16:44:23.000Z', 'Thu, 03 Dec 2026 16:44:23 GMT'],
    ['2026-01-01T00:00:00Z', 'Thu, 01 Jan 2026 00:00:00 GMT'],
  ])('rfc822(%s) = %s', (iso, out) => expect(rfc822(iso)).toBe(out));

  it('makes Atom ids IRIs whatever the article id holds', () => {
    expect(atomEntryId('shafaq-en:a1b2')).toBe('urn:newsgate:article:shafaq-en%3Aa1b2');
  });
});

describe('csvField (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['a;b', 'a;b'],
    ['', ''],
  ])('%j → %j', (input, out) => expect(csvField(input)).toBe(out));
});

describe('neutraliseFormula (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://x.test","click")', '\'=HYPERLINK("http://x.test","click")'],
    ['+1+2', "'+1+2"],
    ['-2+3+cmd|\' /C calc\'!A0', "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(1+1)*cmd|\' /C calc\'!A0', "'@SUM(1+1)*cmd|' /C calc'!A0"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['\n=1+1', "'\n=1+1"],
    ['＝1+1', "'＝1+1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    // Only the first character counts: formulas elsewhere in a cell are text already.
    ['Drone strike = escalation', 'Drone strike = escalation'],
    [' =1+1', ' =1+1'],
    ["'already quoted", "'already quoted"],
    ['2026-12-03T10:00:00.000Z', '2026-12-03T10:00:00.000Z'],
    ['https://example.org/a?b=c', 'https://example.org/a?b=c'],
    ['', ''],
    ['عربي', 'عربي'],
  ])('%j → %j', (input, out) => expect(neutraliseFormula(input)).toBe(out));

  it('neutralises every cell of a row, then quotes it as RFC 4180 says', () => {
    const article = {
      id: 'f:1',
      publishedAt: '2026-12-03T10:00:00.000Z',
      feedId: '-feed',
      title: '=cmd|"/C calc"!A0, then more',
      url: '@host',
      language: 'en',
      actors: [{ id: '+a' }, { id: 'b' }],
      regions: [{ id: 'IQ' }],
      topics: [],
      storyId: '\tstory',
    } as unknown as ArticleMeta;
    expect(csvRow(article)).toBe(`f:1,2026-12-03T10:00:00.000Z,'-feed,"'=cmd|""/C calc""!A0, then more",'@host,en,'+a;b,IQ,,'\tstory\r\n`);
  });
});

describe('webhook backoff and signature', () => {
  it.each([
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [9, 2_560_000],
    [10, 3_600_000],
    [11, 3_600_000],
    [12, undefined],
  ])('after %i failed attempts the next waits %s ms', (attempts, delay) => {
    expect(nextDelay({ baseMs: 10_000, maxMs: 3_600_000, maxAttempts: 12 }, attempts)).toBe(delay);
  });

  it('signs the raw body with HMAC-SHA256, as a receiver recomputes it', () => {
    const body = '{"delivery":"d1","articles":[]}';
    const expected = `sha256=${createHmac('sha256', 's3cret').update(body).digest('hex')}`;
    expect(signPayload('s3cret', body)).toBe(expected);
    expect(verifySignature('s3cret', body, expected)).toBe(true);
    expect(verifySignature('s3cret', `${body} `, expected)).toBe(false);
    expect(verifySignature('s3cret', body, undefined)).toBe(false);
    expect(verifySignature('s3cret', body, 'sha256=00')).toBe(false);
  });
});

describe('parseFilterParam', () => {
  it('reads a filter and treats a blank one as none', () => {
    expect(parseFilterParam('{"regions":["IQ"],"includeAffiliates":true,"from":"2026-01-01T00:00:00Z"}')).toEqual({ regions: ['IQ'], includeAffiliates: true, from: '2026-01-01T00:00:00Z' });
    expect(parseFilterParam(null)).toEqual({});
    expect(parseFilterParam('  ')).toEqual({});
  });

  it.each([
    ['{"regions":', /not valid JSON at position 12 \(line 1, column 12\): Unexpected end of JSON input\./],
    ['{\n "regions": [IQ]}', /not valid JSON at position 16 \(line 2, column 14\): Unexpected token/],
    ['[]', /must be a JSON object/],
    ['{"actor":["irgc"]}', /unknown key "actor"; did you mean "actors"\?/],
    ['{"regions":"IQ"}', /"regions" must be a list of ids/],
    ['{"includeAffiliates":"yes"}', /"includeAffiliates" must be true or false/],
    ['{"from":"last week"}', /"from" must be an ISO 8601 instant/],
  ])('refuses %j', (text, message) => {
    expect(() => parseFilterParam(text)).toThrow(message);
  });
});

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a":1}', undefined],
    ['[1, 2.5e3, "x\\n", true, null, {"b": []}]', undefined],
    ['{"a":', 5],
    ['{"a": [IQ]}', 7],
    ['{"a":1,}', 7],
    ['{"a":1} x', 8],
    ['"bad \\q escape"', 6],
    ['', 0],
    ['{\'a\':1}', 1],
  ])('%j → %s', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
    if (offset === undefined) expect(() => JSON.parse(text)).not.toThrow();
    else expect(() => JSON.parse(text)).toThrow();
  });
});
