/**
 * Calendar buckets (hours, days, ISO weeks from Monday, months) in an IANA time zone, as UTC
 * instants: a day in Asia/Baghdad starts at 21:00 UTC the day before, and a day across a DST
 * change lasts 23 or 25 hours. Uses only Intl (no time-zone database of our own). Pure.
 */
import { badUserInput } from '../graphql/errors.ts';

export type Interval = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH';

/** Most buckets one timeline may have: a year of days, or ten years of weeks. */
export const MAX_BUCKETS = 1000;

interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter of `timeZone`; BAD_USER_INPUT when it is not an IANA zone. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    } catch {
      throw badUserInput(`\`timezone\` "${timeZone}" is not an IANA time zone; send a name such as "UTC", "Asia/Baghdad" or "Europe/London".`, { argument: 'timezone' });
    }
    if (formatters.size < 200) formatters.set(timeZone, f);
  }
  return f;
}

/** Checks `timeZone` (BAD_USER_INPUT when unknown). */
export function checkTimeZone(timeZone: string): void {
  formatter(timeZone);
}

function localParts(ms: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts['year'] as number, month: parts['month'] as number, day: parts['day'] as number, hour: parts['hour'] as number, minute: parts['minute'] as number };
}

/** The UTC instant of a local wall time in `timeZone` (the earlier one in a DST overlap, the next valid one in a gap). */
function zonedToUtc(year: number, month: number, day: number, hour: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const p = localParts(guess, timeZone);
    const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - guess;
    const next = wall - offset;
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

/** The start of the bucket holding `ms`. */
export function bucketStart(ms: number, interval: Interval, timeZone: string): number {
  const p = localParts(ms, timeZone);
  switch (interval) {
    case 'HOUR':
      return zonedToUtc(p.year, p.month, p.day, p.hour, timeZone);
    case 'DAY':
      return zonedToUtc(p.year, p.month, p.day, 0, timeZone);
    case 'WEEK': {
      const weekday = (new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7; // Monday = 0
      const monday = new Date(Date.UTC(p.year, p.month - 1, p.day - weekday));
      return zonedToUtc(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate(), 0, timeZone);
    }
    case 'MONTH':
      return zonedToUtc(p.year, p.month, 1, 0, timeZone);
  }
}

/** The start of the bucket after the one starting at `start`. */
export function nextBucket(start: number, interval: Interval, timeZone: string): number {
  if (interval === 'HOUR') return start + 3_600_000;
  const p = localParts(start, timeZone);
  const date = new Date(Date.UTC(p.year, p.month - 1, p.day));
  if (interval === 'DAY') date.setUTCDate(date.getUTCDate() + 1);
  else if (interval === 'WEEK') date.setUTCDate(date.getUTCDate() + 7);
  else date.setUTCMonth(date.getUTCMonth() + 1, 1);
  return zonedToUtc(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), 0, timeZone);
}

/** Bucket starts covering [fromMs, toMs], plus the end of the last; BAD_USER_INPUT past MAX_BUCKETS. */
export function bucketStarts(fromMs: number, toMs: number, interval: Interval, timeZone: string): number[] {
  const starts: number[] = [];
  for (let s = bucketStart(fromMs, interval, timeZone); s <= toMs; s = nextBucket(s, interval, timeZone)) {
    starts.push(s);
    if (starts.length > MAX_BUCKETS) {
      throw badUserInput(`This timeline would have more than ${MAX_BUCKETS} ${interval.toLowerCase()} buckets; narrow \`filter.from\`/\`filter.to\` or use a longer \`interval\`.`, { argument: 'interval', max: MAX_BUCKETS });
    }
  }
  starts.push(nextBucket(starts.at(-1) ?? bucketStart(fromMs, interval, timeZone), interval, timeZone));
  return starts;
}
