/**
 * Author names as feeds give them: `jdoe@example.com (John Doe)` (RSS `<author>`), `John Doe
 * <jdoe@example.com>`, "By John Doe", HTML-escaped names, the same person twice from `dc:creator`
 * and `author`. Returns names only: no e-mail address is ever published as an author.
 */
import { foldText } from '../../model/ids.ts';
import { plainText } from './text.ts';

const EMAIL = /[^\s<>()"',;]+@[^\s<>()"',;]+\.[^\s<>()"',;]+/g;
const HAS_EMAIL = new RegExp(EMAIL.source);
/** CMS placeholders that name an account, not a person. */
const PLACEHOLDERS: ReadonlySet<string> = new Set(['admin', 'administrator', 'webmaster', 'root', 'user', 'unknown', 'null', 'undefined']);
const BY_PREFIX = /^(?:by|from|written by|بقلم|كتب|كتبت)\s*[:：]?\s+/i;

/** Cleans one author string to a name, or '' when nothing but an address or a placeholder is left. */
export function cleanAuthor(raw: string): string {
  const text = plainText(raw);
  const inParens = /\(([^()]+)\)\s*$/.exec(text);
  let name = inParens && HAS_EMAIL.test(text.slice(0, inParens.index)) ? inParens[1]! : text;
  name = name
    .replace(EMAIL, ' ')
    .replace(/[<>()[\]"]/g, ' ')
    .replace(/^\s*mailto:\s*/i, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s|,;:–—-]+|[\s|,;:–—-]+$/g, '')
    .replace(BY_PREFIX, '')
    .trim();
  if (PLACEHOLDERS.has(name.toLowerCase())) return '';
  return name;
}

/** Cleans and de-duplicates (case, diacritics and punctuation folded) a list of authors, keeping the first spelling. */
export function cleanAuthors(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const entry of raw) {
    const name = cleanAuthor(entry);
    const key = foldText(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}
