/**
 * Feed dates as they are written in the wild, to UTC instants. Feeds mix RFC 822 (with named,
 * numeric and military zones, two-digit years, missing seconds, day names in other languages),
 * ISO 8601/W3CDTF (date only, fractional seconds, offsets), dates without any zone, numeric
 * day/month/year dates, Unix timestamps, and month names in French, Spanish, Portuguese,
 * German, Italian, Dutch, Turkish, Arabic (Egyptian, Levantine and Maghrebi names) and Persian
 * (Gregorian months in Persian). One lenient tokeniser handles all but ISO: it finds the
 * month word, the numbers, the time and the zone wherever they stand, and ignores the words it
 * does not know ("Posted on", "الساعة", "de"), but never guesses a missing year or month.
 *
 * Not supported (returns null): Hijri and Solar Hijri calendar dates, relative dates
 * ("3 hours ago"), dates before 1970 (the zero values of broken generators).
 */
import type { DateSource } from '../../model/article.ts';
import { foldLetters } from '../../model/ids.ts';
import { DAY_NAMES, MERIDIEM, MONTH_BY_NAME, MULTIWORD_MONTHS, ZONE_OFFSETS } from './date-words.ts';

/** The feed's context for reading its dates: its zone, and the fetch time as "now". */
export interface ParseDateOptions {
  /** IANA zone (e.g. `Asia/Baghdad`) for dates that carry none; UTC when absent or invalid. */
  readonly timezone?: string;
  /** The fetch time: dates after `now` + {@link FUTURE_SKEW_MS} are clamped to it. */
  readonly now: Date;
}

/** A date read from a feed, and whether it was taken as written or clamped. */
export interface ParsedDate {
  readonly date: Date;
  /** `feed` for a date taken as written, `clamped` for a future date replaced by `now`. */
  readonly source: Extract<DateSource, 'feed' | 'clamped'>;
}

/** How far in the future a date may be (clock skew, early embargo times) before it is clamped. */
export const FUTURE_SKEW_MS = 10 * 60 * 1000;

/** Earliest year taken as a real date: earlier ones are generator zero values (0001-01-01, 1900). */
const MIN_YEAR = 1970;

/** Date-time fields before the zone is applied. */
interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC, or null when the string gave no zone. */
  offset: number | null;
}

/**
 * Parses one feed date. Returns null when nothing trustworthy can be read (the caller falls
 * back to the fetch time with source `fetched`). A date more than ten minutes after `now` is
 * returned as `now` with source `clamped`: a feed cannot publish from the future, and a future
 * date would pin the article to the top of every list.
 */
export function parseFeedDate(raw: string | null | undefined, options: ParseDateOptions): ParsedDate | null {
  const fields = readFields(raw ?? '');
  if (fields === null) return null;
  const instant = toInstant(fields, options.timezone);
  if (instant === null || instant === 0) return null;
  if (instant > options.now.getTime() + FUTURE_SKEW_MS) return { date: new Date(options.now.getTime()), source: 'clamped' };
  return { date: new Date(instant), source: 'feed' };
}

/** Reads the fields of a date string (zone not yet applied), or null. */
function readFields(raw: string): Fields | null {
  const text = normalizeDigits(raw).replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  return readUnix(text) ?? readIso(text) ?? readNumeric(text) ?? readWords(text);
}

/** Arabic-Indic and Persian digits to ASCII; Arabic comma and date separators to ASCII. */
function normalizeDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[،٬]/g, ',')
    .replace(/٫/g, '.')
    .replace(/[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g, '');
}

/** 10-digit seconds or 13-digit milliseconds since the epoch (some JSON feeds). */
function readUnix(text: string): Fields | null {
  if (!/^\d{10}(?:\d{3})?$/.test(text)) return null;
  const ms = text.length === 10 ? Number(text) * 1000 : Number(text);
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
    offset: 0,
  };
}

/** ISO 8601 / W3CDTF: `2024`, `2024-03`, `2024-03-10`, `20240310`, with `T` or space and a time, `Z`/offset. */
const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|(\d{2})(\d{2}))?(?:(?:t|\s+)(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?$/i;

function readIso(text: string): Fields | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const month = m[2] ?? m[4];
  const day = m[3] ?? m[5];
  // A bare 4-digit year is W3CDTF only when nothing else could have been meant.
  return {
    year: Number(m[1]),
    month: month === undefined ? 1 : Number(month),
    day: day === undefined ? 1 : Number(day),
    hour: m[6] === undefined ? 0 : Number(m[6]),
    minute: m[7] === undefined ? 0 : Number(m[7]),
    second: m[8] === undefined ? 0 : Number(m[8]),
    millisecond: m[9] === undefined ? 0 : Math.round(Number(`0.${m[9]}`) * 1000),
    offset: m[10] === undefined ? null : parseOffset(m[10]),
  };
}

/**
 * Numeric dates: `2024/03/10 …` (year first), `10/03/2024 …`, `10.03.2024`, `10-03-2024`.
 * Day-first unless the first number cannot be a month's day-first reading (13-31 in second
 * place means month-first). Day-first is the default because it is what the region writes;
 * US feeds use RFC 822. The rest of the string (time, zone) is read by the word reader.
 */
function readNumeric(text: string): Fields | null {
  const ymd = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?=$|[\sT,])(.*)$/i.exec(text);
  if (ymd) return readWordsWithMonth(Number(ymd[3]), Number(ymd[2]), ymd[1]!, ymd[4]!.replace(/^t/i, ' '));
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?=$|[\s,])(.*)$/.exec(text);
  if (!dmy) return null;
  let day = Number(dmy[1]);
  let month = Number(dmy[2]);
  if (month > 12 && day <= 12) [day, month] = [month, day];
  return readWordsWithMonth(day, month, dmy[3]!, dmy[4]!);
}

const ENGLISH_MONTHS = 'january february march april may june july august september october november december'.split(' ');

/** Reads a numeric date by spelling its month out and handing the whole to {@link readWords}. */
function readWordsWithMonth(day: number, month: number, year: string, rest: string): Fields | null {
  const name = ENGLISH_MONTHS[month - 1];
  if (name === undefined || day < 1) return null;
  return readWords(`${day} ${name} ${year} ${rest}`);
}

/** Tokens: times, signed offsets, numbers (with ordinal suffixes), words (with inner dots, or no-break spaces joining a multi-word month), other single characters. */
const TOKEN =
  /(?<time>\d{1,2}(?::\d{2}(?::\d{2}(?:[.,]\d+)?)?|h\d{2}(?::\d{2})?|h(?![\p{L}])))|(?<signed>[+-]\d{1,2}(?::?\d{2})?)|(?<number>\d+)(?:st|nd|rd|th|er|eme|º|°)?|(?<word>[\p{L}]+(?:[.\u00A0][\p{L}]+)*\.?)|\S/gu;

/**
 * The lenient reader for RFC 822 and human-written dates. Multi-word month names are joined
 * first; then tokens are read in order: month words (a day name colliding with a month
 * abbreviation, "mar", gives way to a second month word), numbers (4 digits = year, then the
 * first small number = day, the second = two-digit year; a 4-digit number after the year with
 * no time yet = `hhmm`), the time, am/pm right after it, and the zone (named, numeric after the
 * time, `GMT+3`, or a single military letter at the very end — read as UTC, as RFC 2822 advises
 * because RFC 822 defined their signs backwards).
 */
function readWords(input: string): Fields | null {
  let text = ` ${foldLetters(input).replace(/[()[\]]/g, ' ')} `;
  for (const name of MULTIWORD_MONTHS) {
    if (text.includes(name)) text = text.split(name).join(` ${name.replace(/ /g, '\u00A0')} `);
  }
  const tokens = [...text.matchAll(TOKEN)];
  const months: { month: number; word: string }[] = [];
  let year: number | null = null;
  let day: number | null = null;
  let time: { hour: number; minute: number; second: number; millisecond: number } | null = null;
  let timeIndex = -1;
  let meridiem: 'am' | 'pm' | null = null;
  let offset: number | null = null;

  tokens.forEach((token, index) => {
    const groups = token.groups ?? {};
    if (groups['time'] !== undefined) {
      if (time !== null) return;
      time = parseTime(groups['time']);
      timeIndex = index;
      return;
    }
    if (groups['signed'] !== undefined) {
      if (time !== null && index > timeIndex) {
        offset = parseOffset(groups['signed']);
        return;
      }
      const digits = groups['signed'].replace(/^[+-]/, '').replace(':', '');
      assignNumber(digits);
      return;
    }
    if (groups['number'] !== undefined) {
      assignNumber(groups['number']);
      return;
    }
    if (groups['word'] !== undefined) {
      const word = groups['word'].replace(/\./g, '').replace(/\u00A0/g, ' ');
      const month = MONTH_BY_NAME.get(word);
      if (month !== undefined) {
        months.push({ month, word });
        return;
      }
      if (time !== null && index === timeIndex + 1 && MERIDIEM.has(word)) {
        meridiem = MERIDIEM.get(word) ?? null;
        return;
      }
      const zone = ZONE_OFFSETS.get(word);
      if (zone !== undefined && (word.length > 1 || index === tokens.length - 1)) {
        if (offset === null) offset = zone;
        return;
      }
      if (word.length === 1 && /[a-ik-y]/.test(word) && time !== null && index === tokens.length - 1) {
        offset = 0;
      }
    }
  });

  function assignNumber(digits: string): void {
    const value = Number(digits);
    if (digits.length === 4) {
      if (year === null) year = value;
      else if (time === null) {
        time = parseTime(`${digits.slice(0, 2)}:${digits.slice(2)}`);
      }
      return;
    }
    if (digits.length > 2) return;
    if (day === null && value >= 1 && value <= 31) day = value;
    else if (year === null) year = value < 50 ? 2000 + value : 1900 + value;
  }

  const month = pickMonth(months);
  if (month === null || day === null || year === null) return null;
  const t = (time as { hour: number; minute: number; second: number; millisecond: number } | null) ?? {
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
  };
  let hour = t.hour;
  if (meridiem === 'am' && hour === 12) hour = 0;
  if (meridiem === 'pm' && hour < 12) hour += 12;
  return { year, month, day, hour, minute: t.minute, second: t.second, millisecond: t.millisecond, offset };
}

/** One month word, or the one that is not also a day name when there are two ("mar, 24 sep 2018"). */
function pickMonth(months: readonly { month: number; word: string }[]): number | null {
  if (months.length === 0) return null;
  if (months.length === 1) return months[0]!.month;
  const notDay = months.filter((candidate) => !DAY_NAMES.has(candidate.word));
  return (notDay[0] ?? months[0]!).month;
}

/** `19:22`, `19:22:05.123`, `14h30`, `14h`. */
function parseTime(text: string): { hour: number; minute: number; second: number; millisecond: number } {
  const [clock, fraction] = text.replace('h', ':').split(/[.,]/);
  const [hour = 0, minute = 0, second = 0] = (clock ?? '').split(':').map((part) => (part === '' ? 0 : Number(part)));
  return { hour, minute, second, millisecond: fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0 };
}

/** `Z`, `UTC`, `+03`, `+0300`, `-03:30` → minutes east of UTC. */
function parseOffset(text: string): number {
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(text.trim());
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** The UTC instant of the fields, validated; the zone is the string's, else `timezone`, else UTC. */
function toInstant(fields: Fields, timezone: string | undefined): number | null {
  const { year, month, day, hour, minute, millisecond } = fields;
  const second = Math.min(fields.second, 59);
  if (year < MIN_YEAR || year > 9999) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hour > 24 || minute > 59 || second > 59 || (hour === 24 && (minute > 0 || second > 0))) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return null;
  if (fields.offset !== null) return wall - fields.offset * 60_000;
  if (!timezone) return wall;
  return zonedWallToUtc(wall, timezone);
}

/**
 * The UTC instant at which the clocks of `timeZone` show `wall` (a wall time encoded as if it
 * were UTC). Two rounds of offset look-up settle DST transitions; an invalid zone means UTC.
 */
export function zonedWallToUtc(wall: number, timeZone: string): number {
  const first = zoneOffsetMs(wall, timeZone);
  if (first === null) return wall;
  const guess = wall - first;
  const second = zoneOffsetMs(guess, timeZone);
  return second === null || second === first ? guess : wall - second;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** Offset of `timeZone` from UTC at `instant`, in ms (east positive), or null for an unknown zone. */
function zoneOffsetMs(instant: number, timeZone: string): number | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    formatters.set(timeZone, formatter);
  }
  if (formatter === null) return null;
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts['year'] ?? 1970,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    (parts['hour'] ?? 0) % 24,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  );
  const wholeSeconds = instant - (((instant % 1000) + 1000) % 1000);
  return asUtc - wholeSeconds;
}

/** True when `timeZone` is an IANA zone this runtime knows (for config validation and tests). */
export function isValidTimeZone(timeZone: string): boolean {
  return zoneOffsetMs(0, timeZone) !== null;
}
