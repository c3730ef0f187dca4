/**
 * How an expected value and an observed one are compared, the same way for every oracle:
 * text after HTML-to-text and whitespace folding (normalize's own plainText), links after
 * canonicalisation (model/url's canonicalUrl, so a dropped `utm_source` is not a miss),
 * dates as instants, lists as sets of cleaned strings.
 */
import { canonicalUrl } from '../../src/model/url.ts';
import { plainText } from '../../src/normalize/clean/text.ts';
import type { Check, ObservedItem, Outcome } from './types.ts';

/** Text as a reader sees it: tags stripped, entities decoded, whitespace folded. */
export function asText(value: unknown): string {
  return typeof value === 'string' ? plainText(value) : '';
}

/**
 * Whether an observed text equals an expected one. An oracle that read latin1 bytes as UTF-8
 * (rss-parser's uolNoticias golden) has U+FFFD where the feed had a character: each one
 * stands for exactly one character of ours, so correct decoding is not counted as a miss.
 */
export function sameText(expected: string, actual: string): boolean {
  if (expected === actual) return true;
  if (!expected.includes('\uFFFD')) return false;
  const pattern = expected.split('\uFFFD').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]');
  return new RegExp(`^${pattern}$`).test(actual);
}

/** A check that two texts read the same. */
export function textCheck(field: string, kind: string, expected: string, actual: string | null | undefined): Check {
  const e = asText(expected);
  const a = asText(actual ?? '');
  return { field, kind, expected: e, actual: a, ok: sameText(e, a) };
}

/** A check that `actual` contains the text of `expected` (bodies: ours may drop page chrome, theirs may not). */
export function containsCheck(field: string, kind: string, expected: string, actual: string | null | undefined): Check {
  const e = asText(expected);
  const a = asText(actual ?? '');
  return { field, kind, expected: e, actual: a.length > 200 ? `${a.slice(0, 200)}…` : a, ok: e !== '' && (a.includes(e) || (a.length > 0 && e.includes(a) && a.length >= e.length * 0.9)) };
}

/** A check that two links are the same page (canonical form when http(s), else exact); a relative expected link is resolved against `base`. */
export function linkCheck(field: string, expected: string, actual: string | null | undefined, base?: string): Check {
  const e = canonicalUrl(expected, base) ?? expected.trim();
  const a = actual === null || actual === undefined ? null : canonicalUrl(actual) ?? actual.trim();
  return { field, kind: 'link', expected: e, actual: a, ok: e === a };
}

/** A check that two dates are the same instant. */
export function dateCheck(field: string, expected: string, actual: string | null | undefined): Check {
  const e = Date.parse(expected);
  const a = actual ? Date.parse(actual) : Number.NaN;
  return { field, kind: 'date', expected, actual: actual ?? null, ok: Number.isFinite(e) && e === a };
}

/** A check that two lists hold the same cleaned strings (order ignored). */
export function listCheck(field: string, kind: string, expected: readonly string[], actual: readonly string[] | null | undefined): Check {
  const e = [...new Set(expected.map(asText).filter((s) => s !== ''))].sort();
  const a = [...new Set((actual ?? []).map(asText).filter((s) => s !== ''))].sort();
  return { field, kind, expected: e, actual: a, ok: e.length === a.length && e.every((v) => a.some((w) => sameText(v, w))) };
}

/** A check on any exact value. */
export function equalCheck(field: string, kind: string, expected: unknown, actual: unknown): Check {
  return { field, kind, expected, actual, ok: JSON.stringify(expected) === JSON.stringify(actual) };
}

/** The one check a file that should have parsed gets when it did not: every expected value is a miss. */
export function failedChecks(outcome: Outcome, fields: readonly [string, string][]): Check[] {
  const actual = outcome.ok ? null : `${outcome.code}: ${outcome.message}`;
  return fields.map(([field, kind]) => ({ field, kind, expected: '(a value)', actual, ok: false }));
}

/** The check for a file that must be rejected. */
export function mustFailCheck(outcome: Outcome, code: string, message?: RegExp): Check {
  const actual = outcome.ok ? `parsed, ${outcome.items.length} items` : `${outcome.code}: ${outcome.message}`;
  const ok = !outcome.ok && outcome.code === code && (message === undefined || message.test(outcome.message));
  return { field: 'error', kind: 'error', expected: `${code}${message ? ` ${message}` : ''}`, actual, ok };
}

/** The article's title, else the raw title (an item normalize could not turn into an article still has its raw values). */
export function itemTitle(item: ObservedItem | undefined): string | null {
  return item?.article?.title ?? item?.raw.title ?? null;
}

/** The item's link: the article URL, else the raw link (a `tag:` link is no article URL but is the item's link). */
export function itemLink(item: ObservedItem | undefined): string | null {
  return item?.article?.url ?? item?.raw.link ?? null;
}

/** The item's published instant, null when normalize fell back to the fetch time. */
export function itemPublished(item: ObservedItem | undefined): string | null {
  const a = item?.article;
  if (!a) return null;
  return a.dateSource === 'fetched' ? null : a.publishedAt;
}
