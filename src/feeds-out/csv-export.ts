/**
 * The CSV of `GET /export.csv` (RFC 4180): a header row, then one row per article, CRLF line
 * ends, a field quoted (its quotes doubled) when it holds a comma, a quote, CR or LF.
 * Multi-valued fields (actors, regions, topics) are their ids joined by `;`. Every data cell is
 * first neutralised against spreadsheet formula injection (OWASP "CSV Injection"): titles come
 * from feeds anyone can write, and a cell such as `=HYPERLINK(…)` must open as text. Pure.
 */
import type { ArticleMeta } from '../model/article.ts';

/** The columns, in order, as documented in the README. */
export const CSV_COLUMNS = ['id', 'publishedAt', 'source', 'title', 'url', 'language', 'actors', 'regions', 'topics', 'storyId'] as const;

/** One field, quoted when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula
 * (OWASP: = + - @ tab CR), plus LF and the full-width forms some spreadsheet locales accept.
 */
const FORMULA_START = /^[=+\-@\t\r\n＝＋－＠]/u;

/**
 * A cell a spreadsheet shows as text: one that starts like a formula gets a leading `'`
 * (OWASP's neutralisation; spreadsheets hide the quote and keep the rest as typed). A reader
 * that wants the original drops one leading `'` from such cells.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A row of fields, with its CRLF. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** The header row. */
export function csvHeader(): string {
  return csvLine(CSV_COLUMNS);
}

/** One article's row; `source` is the feed id; every cell neutralised (see {@link neutraliseFormula}). */
export function csvRow(article: ArticleMeta): string {
  const ids = (refs: readonly { id: string }[]) => refs.map((r) => r.id).join(';');
  const cells = [
    article.id,
    article.publishedAt,
    article.feedId,
    article.title,
    article.url ?? '',
    article.language ?? '',
    ids(article.actors),
    ids(article.regions),
    ids(article.topics),
    article.storyId,
  ];
  return csvLine(cells.map(neutraliseFormula));
}
