/**
 * Dates in field terms: `published:>now-7d`, `published:>=2024-05-01`, `fetched:<2024-05-01T12:00Z`,
 * `published:2024-05` (within that month). An absolute date without a time is a period (a
 * year, month or day, in UTC); with a time it is an instant. `now-Nu` counts back N hours (h),
 * days (d), weeks (w) or years (y) from the moment the query runs. Pure.
 */
import type { DateOp, DateSpec } from './query-ast.ts';

/** A parsed date value, or a message saying what was wrong with it. */
export type ParsedDate = { readonly op: DateOp; readonly date: DateSpec } | { readonly error: string };

const RELATIVE = /^now(?:-(\d{1,4})([hdwy]))?$/;
const PERIOD = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?$/i;

/** The period `[start, end)` a year, month or day names, in UTC; undefined when not a real date. */
function period(year: number, month: number | undefined, day: number | undefined): { start: Date; end: Date } | undefined {
  const start = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  if (start.getUTCFullYear() !== year || start.getUTCMonth() !== (month ?? 1) - 1 || start.getUTCDate() !== (day ?? 1)) return undefined;
  const end = new Date(start);
  if (day !== undefined) end.setUTCDate(end.getUTCDate() + 1);
  else if (month !== undefined) end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  return { start, end };
}

/** Parses the value of a date field term (operator and date). */
export function parseDateValue(value: string): ParsedDate {
  const opMatch = /^(>=|<=|>|<|=)?/.exec(value) as RegExpExecArray;
  const op = (opMatch[1] ?? '=') as DateOp;
  const text = value.slice(opMatch[0].length).trim();
  const relative = RELATIVE.exec(text);
  if (relative !== null) {
    if (op === '=') return { error: `a comparison before "${text}" (">${text}" for "since", "<${text}" for "before")` };
    return { op, date: { kind: 'relative', amount: Number(relative[1] ?? 0), unit: (relative[2] ?? 'h') as 'h' | 'd' | 'w' | 'y' } };
  }
  const p = PERIOD.exec(text);
  if (p !== null) {
    const range = period(Number(p[1]), p[2] === undefined ? undefined : Number(p[2]), p[3] === undefined ? undefined : Number(p[3]));
    if (range !== undefined) return { op, date: { kind: 'absolute', text, start: range.start.toISOString(), end: range.end.toISOString() } };
  }
  if (INSTANT.test(text)) {
    const withZone = /(?:Z|[+-]\d{2}:\d{2})$/i.test(text) ? text : `${text}Z`;
    const ms = Date.parse(withZone);
    if (!Number.isNaN(ms) && period(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))) !== undefined) {
      if (op === '=') return { error: `a comparison before the instant "${text}" (>, >=, < or <=), or a day such as ${text.slice(0, 10)}` };
      const at = new Date(ms).toISOString();
      return { op, date: { kind: 'absolute', text, start: at, end: at } };
    }
  }
  return { error: 'a date: now-24h, now-7d, now-4w, now-1y, 2024-05, 2024-05-01 or 2024-05-01T12:00Z, optionally after >, >=, < or <=' };
}

/** The instant `now` minus a relative amount (years by the calendar, the rest by the clock). */
export function relativeInstant(now: Date, amount: number, unit: 'h' | 'd' | 'w' | 'y'): Date {
  const at = new Date(now);
  if (unit === 'y') at.setUTCFullYear(at.getUTCFullYear() - amount);
  else at.setTime(at.getTime() - amount * { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 }[unit]);
  return at;
}
