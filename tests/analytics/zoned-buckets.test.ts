/** Calendar buckets in time zones: local midnights, ISO weeks, months, DST days of 23 and 25 hours. */
import { describe, expect, it } from 'vitest';
import { bucketStart, bucketStarts, nextBucket, MAX_BUCKETS } from '../../src/analytics/zoned-buckets.ts';

const ms = (iso: string) => Date.parse(iso);
const iso = (n: number) => new Date(n).toISOString();

describe('zoned buckets', () => {
  it.each([
    ['UTC day', '2024-05-03T13:20:00Z', 'DAY', 'UTC', '2024-05-03T00:00:00.000Z'],
    ['Baghdad day starts 21:00 UTC the day before', '2024-05-03T22:30:00Z', 'DAY', 'Asia/Baghdad', '2024-05-03T21:00:00.000Z'],
    ['Baghdad, before local midnight', '2024-05-03T20:30:00Z', 'DAY', 'Asia/Baghdad', '2024-05-02T21:00:00.000Z'],
    ['Kathmandu (+05:45) day', '2024-05-03T12:00:00Z', 'DAY', 'Asia/Kathmandu', '2024-05-02T18:15:00.000Z'],
    ['hour', '2024-05-03T13:59:59Z', 'HOUR', 'UTC', '2024-05-03T13:00:00.000Z'],
    ['ISO week starts Monday', '2024-05-05T10:00:00Z', 'WEEK', 'UTC', '2024-04-29T00:00:00.000Z'],
    ['month', '2024-05-31T23:00:00Z', 'MONTH', 'UTC', '2024-05-01T00:00:00.000Z'],
    ['month in Baghdad rolls over early', '2024-05-31T22:00:00Z', 'MONTH', 'Asia/Baghdad', '2024-05-31T21:00:00.000Z'],
  ] as const)('%s', (_name, at, interval, zone, expected) => {
    expect(iso(bucketStart(ms(at), interval, zone))).toBe(expected);
  });

  it('a DST day in London lasts 23 hours in spring and 25 in autumn', () => {
    const spring = bucketStart(ms('2024-03-31T12:00:00Z'), 'DAY', 'Europe/London');
    expect((nextBucket(spring, 'DAY', 'Europe/London') - spring) / 3_600_000).toBe(23);
    const autumn = bucketStart(ms('2024-10-27T12:00:00Z'), 'DAY', 'Europe/London');
    expect((nextBucket(autumn, 'DAY', 'Europe/London') - autumn) / 3_600_000).toBe(25);
  });

  it('covers the range with consecutive buckets and refuses too many', () => {
    const starts = bucketStarts(ms('2024-05-01T05:00:00Z'), ms('2024-05-03T05:00:00Z'), 'DAY', 'UTC');
    expect(starts.map(iso)).toEqual(['2024-05-01T00:00:00.000Z', '2024-05-02T00:00:00.000Z', '2024-05-03T00:00:00.000Z', '2024-05-04T00:00:00.000Z']);
    expect(() => bucketStarts(ms('2000-01-01T00:00:00Z'), ms('2024-01-01T00:00:00Z'), 'DAY', 'UTC')).toThrow(new RegExp(`more than ${MAX_BUCKETS}`));
    expect(() => bucketStart(0, 'DAY', 'Mars/Olympus')).toThrow(/not an IANA time zone/);
  });
});
