import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUTURE_SKEW_MS, isValidTimeZone, parseFeedDate } from '../../src/normalize/dates/parse-date.ts';

const now = new Date('2026-11-24T18:00:00Z');
const utc = (raw: string): string | null => parseFeedDate(raw, { now })?.date.toISOString() ?? null;
const inZone = (raw: string, timezone: string): string | null => parseFeedDate(raw, { now, timezone })?.date.toISOString() ?? null;

describe('parseFeedDate: RFC 822 / 1123', () => {
  it.each([
    ['Wed, 17 Oct 2018 10:30:00 GMT', '2018-10-17T10:30:00.000Z'],
    ['Wed, 17 Oct 2018 10:30:00 UT', '2018-10-17T10:30:00.000Z'],
    ['Wed, 17 Oct 2018 10:30:00 UTC', '2018-10-17T10:30:00.000Z'],
    ['Sun, 10 Mar 2024 17:15:00 +0100', '2024-03-10T16:15:00.000Z'],
    ['Seg, 24 Set 2018 19:22:00 -0300', '2018-09-24T22:22:00.000Z'],
    ['Tue, 21 Aug 2012 10:33:00 EST', '2012-08-21T15:33:00.000Z'],
    ['Tue, 21 Aug 2012 10:33:00 EDT', '2012-08-21T14:33:00.000Z'],
    ['Wed, 30 Dec 2015 09:00:00 PST', '2015-12-30T17:00:00.000Z'],
    ['Wed, 30 Dec 2015 09:00:00 CST', '2015-12-30T15:00:00.000Z'],
    ['Thu, 07 Dec 17 10:00:29 -0800', '2017-12-07T18:00:29.000Z'],
    ['03 Apr 02 1500 GMT', '2002-04-03T15:00:00.000Z'],
    ['07 Nov 2015 12:00:00 EST', '2015-11-07T17:00:00.000Z'],
    ['Fri 1 Oct 2010 01:30:00 GMT', '2010-10-01T01:30:00.000Z'],
    ['Wed, 27 July 2011 01:30:00 EST', '2011-07-27T06:30:00.000Z'],
    ['Fri, 23 December 2011 10:00:00 EST', '2011-12-23T15:00:00.000Z'],
    ['Tue, 10 Jun 2014 08:44 +0300', '2014-06-10T05:44:00.000Z'],
    ['Tue, 10 Jun 2014 08:44:00 Z', '2014-06-10T08:44:00.000Z'],
    ['Tue, 10 Jun 2014 08:44:00 A', '2014-06-10T08:44:00.000Z'],
    ['Tue, 10 Jun 2014 08:44:00 +03:30', '2014-06-10T05:14:00.000Z'],
    ['Mon Jan 02 2006 15:04:05 GMT-0700 (MST)', '2006-01-02T22:04:05.000Z'],
    ['Sat, 15 Feb 2026 12:00:00 GMT+3', '2026-02-15T09:00:00.000Z'],
    ['Wed, 31 Jan 2018 20:15:15 MSK', '2018-01-31T17:15:15.000Z'],
    ['Wed, 31 Jan 2018 20:15:15 IRST', '2018-01-31T16:45:15.000Z'],
  ])('%s', (raw, expected) => {
    expect(utc(raw)).toBe(expected);
  });
});

describe('parseFeedDate: ISO 8601 / W3CDTF', () => {
  it.each([
    ['2024-03-10T17:15:00+01:00', '2024-03-10T16:15:00.000Z'],
    ['2017-11-08T23:15:58Z', '2017-11-08T23:15:58.000Z'],
    ['2015-10-15T04:20:50.312-07:00', '2015-10-15T11:20:50.312Z'],
    ['2024-03-10T17:15Z', '2024-03-10T17:15:00.000Z'],
    ['2024-03-10T17:15:00', '2024-03-10T17:15:00.000Z'],
    ['2024-03-10 17:15:00 +0100', '2024-03-10T16:15:00.000Z'],
    ['2024-03-10', '2024-03-10T00:00:00.000Z'],
    ['2024-03', '2024-03-01T00:00:00.000Z'],
    ['20240310T171500Z', '2024-03-10T17:15:00.000Z'],
    ['2024-03-10T24:00:00Z', '2024-03-11T00:00:00.000Z'],
  ])('%s', (raw, expected) => {
    expect(utc(raw)).toBe(expected);
  });
});

describe('parseFeedDate: other languages and shapes', () => {
  it.each([
    ['2 janvier 2024 à 14h30', '2024-01-02T14:30:00.000Z'],
    ['lundi 5 février 2024 08:00', '2024-02-05T08:00:00.000Z'],
    ['24 de septiembre de 2018 10:05', '2018-09-24T10:05:00.000Z'],
    ['mar, 24 sep 2018 10:00:00 +0200', '2018-09-24T08:00:00.000Z'],
    ['Donnerstag, 14. März 2024 10:00', '2024-03-14T10:00:00.000Z'],
    ['14 maart 2024', '2024-03-14T00:00:00.000Z'],
    ['14 marzo 2024 10:00', '2024-03-14T10:00:00.000Z'],
    ['14 Mart 2024 Perşembe 10:00', '2024-03-14T10:00:00.000Z'],
    ['14 Ağustos 2024', '2024-08-14T00:00:00.000Z'],
    ['12 يناير 2025', '2025-01-12T00:00:00.000Z'],
    ['١٢ يناير ٢٠٢٥', '2025-01-12T00:00:00.000Z'],
    ['الأحد، 12 كانون الثاني 2025 - 14:30', '2025-01-12T14:30:00.000Z'],
    ['12 تشرين الأول 2024', '2024-10-12T00:00:00.000Z'],
    ['3 آذار 2024', '2024-03-03T00:00:00.000Z'],
    ['الخميس 5 أيلول 2024 الساعة 09:15 مساء', '2024-09-05T21:15:00.000Z'],
    ['15 جوان 2024', '2024-06-15T00:00:00.000Z'],
    ['۱۲ ژانویه ۲۰۲۵', '2025-01-12T00:00:00.000Z'],
    ['March 3rd, 2024 3:04 PM', '2024-03-03T15:04:00.000Z'],
    ['Mar 5, 2024 12:15 am', '2024-03-05T00:15:00.000Z'],
    ['24/09/2018 19:22', '2018-09-24T19:22:00.000Z'],
    ['09/24/2018', '2018-09-24T00:00:00.000Z'],
    ['24.09.2018', '2018-09-24T00:00:00.000Z'],
    ['2018/09/24 19:22:00', '2018-09-24T19:22:00.000Z'],
    ['1700000000', '2023-11-14T22:13:20.000Z'],
    ['1700000000123', '2023-11-14T22:13:20.123Z'],
  ])('%s', (raw, expected) => {
    expect(utc(raw)).toBe(expected);
  });
});

describe('parseFeedDate: zones, clamping, rejection', () => {
  it('reads dates without a zone in the feed zone (with DST)', () => {
    expect(inZone('2024-03-10 12:00', 'Asia/Baghdad')).toBe('2024-03-10T09:00:00.000Z');
    expect(inZone('Sun, 10 Mar 2024 12:00:00', 'Asia/Tehran')).toBe('2024-03-10T08:30:00.000Z');
    expect(inZone('2024-07-01T12:00:00', 'Asia/Beirut')).toBe('2024-07-01T09:00:00.000Z');
    expect(inZone('2024-01-01T12:00:00', 'Asia/Beirut')).toBe('2024-01-01T10:00:00.000Z');
    expect(inZone('2024-07-01T12:00:00', 'America/New_York')).toBe('2024-07-01T16:00:00.000Z');
  });

  it('keeps an explicit zone over the feed zone', () => {
    expect(inZone('2024-03-10T12:00:00Z', 'Asia/Baghdad')).toBe('2024-03-10T12:00:00.000Z');
  });

  it('treats an unknown feed zone as UTC', () => {
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('Asia/Baghdad')).toBe(true);
    expect(inZone('2024-03-10 12:00', 'Mars/Olympus')).toBe('2024-03-10T12:00:00.000Z');
  });

  it('clamps dates more than ten minutes in the future to now', () => {
    expect(parseFeedDate('2099-01-01T00:00:00Z', { now })).toEqual({ date: now, source: 'clamped' });
    const justInside = new Date(now.getTime() + FUTURE_SKEW_MS - 1000).toISOString();
    expect(parseFeedDate(justInside, { now })?.source).toBe('feed');
  });

  it.each(['', '   ', 'garbage', 'yesterday', '3 hours ago', 'Mar 5', '0001-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '31 Feb 2024', '2024-13-01', '2024-02-30T10:00:00Z', 'Wed, 17 Oct 2018 25:30:00 GMT', '12 رمضان 1445'])(
    'rejects %j',
    (raw) => {
      expect(parseFeedDate(raw, { now })).toBeNull();
    },
  );

  it('accepts null and undefined', () => {
    expect(parseFeedDate(null, { now })).toBeNull();
    expect(parseFeedDate(undefined, { now })).toBeNull();
  });
});

describe('parseFeedDate on the shared feed corpus', () => {
  const corpus = join(process.cwd(), '..', 'shared', 'feed-corpus');
  const present = existsSync(corpus);
  if (!present) console.warn(`skipping corpus date sweep: ${corpus} is absent`);
  it.skipIf(!present)('reads at least 99% of the dates real feeds carry', () => {
    const dates = new Set<string>();
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(xml|rss|atom|rdf)$/i.test(name)) {
          const text = readFileSync(path, 'latin1');
          for (const m of text.matchAll(/<(pubDate|dc:date|published|updated|lastBuildDate|modified|issued)>([^<]{4,60})</g)) dates.add(m[2]!.trim());
        }
      }
    };
    walk(corpus);
    const failed = [...dates].filter((raw) => parseFeedDate(raw, { now: new Date('2100-01-01T00:00:00Z') }) === null);
    expect(dates.size).toBeGreaterThan(100);
    expect(failed.length / dates.size, `unread: ${failed.slice(0, 20).join(' | ')}`).toBeLessThan(0.01);
  });
});
