import { describe, expect, it } from 'vitest';
import { freshnessFromHeaders, parseCacheControl, parseHttpDate, parseRetryAfter } from '../../../src/ingest/fetch/freshness.ts';

const NOW = new Date('2024-05-05T10:00:00Z');

describe('parseCacheControl', () => {
  it.each([
    ['max-age=600', { maxAge: 600, noCache: false, noStore: false }],
    ['public, max-age=600, s-maxage=1200', { maxAge: 600, sMaxAge: 1200, noCache: false, noStore: false }],
    ['MAX-AGE="300"', { maxAge: 300, noCache: false, noStore: false }],
    ['no-cache', { noCache: true, noStore: false }],
    ['private, no-store', { noCache: false, noStore: true }],
    ['max-age=-5', { noCache: false, noStore: false }],
    ['max-age=abc', { noCache: false, noStore: false }],
    [undefined, { noCache: false, noStore: false }],
  ])('%s', (value, expected) => {
    expect(parseCacheControl(value)).toEqual(expected);
  });
});

describe('parseHttpDate', () => {
  it.each([
    ['Sun, 05 May 2024 10:00:00 GMT', '2024-05-05T10:00:00.000Z'],
    ['Sunday, 05-May-24 10:00:00 GMT', '2024-05-05T10:00:00.000Z'],
    ['0', undefined],
    ['-1', undefined],
    ['soon', undefined],
    [undefined, undefined],
  ])('%s', (value, expected) => {
    expect(parseHttpDate(value)?.toISOString()).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['120', undefined, 120],
    [' 0 ', undefined, 0],
    ['Sun, 05 May 2024 10:01:30 GMT', undefined, 90],
    ['Sun, 05 May 2024 09:59:00 GMT', undefined, 0],
    // Server clock two minutes behind ours: the date is read against the server's Date header.
    ['Sun, 05 May 2024 09:59:30 GMT', 'Sun, 05 May 2024 09:58:00 GMT', 90],
    ['later', undefined, undefined],
    ['-5', undefined, undefined],
    [undefined, undefined, undefined],
  ])('%s (server date %s) → %s s', (value, serverDate, expected) => {
    expect(parseRetryAfter(value, NOW, serverDate ? new Date(serverDate) : undefined)).toBe(expected);
  });
});

describe('freshnessFromHeaders', () => {
  it.each([
    ['max-age', { 'cache-control': 'max-age=600' }, { maxAgeSeconds: 600 }],
    ['s-maxage wins for a shared cache', { 'cache-control': 'max-age=60, s-maxage=1800' }, { maxAgeSeconds: 1800 }],
    ['Age is subtracted', { 'cache-control': 'max-age=600', age: '100' }, { maxAgeSeconds: 500 }],
    ['no-cache gives 0 and ignores Expires', { 'cache-control': 'no-cache', expires: 'Sun, 05 May 2024 12:00:00 GMT' }, { maxAgeSeconds: 0 }],
    ['max-age wins over Expires', { 'cache-control': 'max-age=60', expires: 'Sun, 05 May 2024 12:00:00 GMT' }, { maxAgeSeconds: 60 }],
    ['Expires alone', { expires: 'Sun, 05 May 2024 11:00:00 GMT' }, { expiresAt: '2024-05-05T11:00:00.000Z' }],
    [
      'Expires moved to our clock via Date',
      { expires: 'Sun, 05 May 2024 08:30:00 GMT', date: 'Sun, 05 May 2024 08:00:00 GMT' },
      { expiresAt: '2024-05-05T10:30:00.000Z' },
    ],
    ['Expires in the past or invalid says nothing', { expires: '0' }, {}],
    ['Retry-After', { 'retry-after': '30' }, { retryAfterSeconds: 30 }],
    ['nothing', {}, {}],
  ])('%s', (_name, headers, expected) => {
    expect(freshnessFromHeaders(headers, NOW)).toEqual(expected);
  });
});
