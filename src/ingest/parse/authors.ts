/**
 * Author names from the shapes feeds use: RSS `<author>` is formally an e-mail address
 * ("jdoe@example.com (John Doe)"), dc:creator a name, Atom `<author><name>`, JSON Feed
 * `{name}`. newsgate stores names only: an e-mail address is personal data an analyst does
 * not need and must not be indexed as a name.
 */

const EMAIL = /[^\s<>()"']+@[^\s<>()"']+\.[^\s<>()"']+/;

/**
 * The name in one author string, or null when it holds only an e-mail address.
 * "jdoe@example.com (John Doe)" → "John Doe"; "John Doe <jdoe@example.com>" → "John Doe";
 * "mailto:jdoe@example.com" → null.
 */
export function authorName(raw: string | null | undefined): string | null {
  let text = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  const paren = /\(([^()]+)\)\s*$/.exec(text);
  if (paren && EMAIL.test(text.slice(0, paren.index))) text = (paren[1] as string).trim();
  text = text.replace(/<\s*(?:mailto:)?[^<>\s]+@[^<>\s]+\s*>/g, ' ');
  text = text.replace(/\(\s*(?:mailto:)?[^()\s]+@[^()\s]+\s*\)/g, ' ');
  text = text.replace(/(?:mailto:)?[^\s<>()"',;]+@[^\s<>()"',;]+\.[^\s<>()"',;]+/g, ' ');
  text = text.replace(/\s+/g, ' ').replace(/^[\s,;:|\-–—]+|[\s,;:|\-–—]+$/g, '').trim();
  return text === '' ? null : text;
}

/** Names from many author strings, e-mail addresses removed, duplicates (case-insensitive) dropped, order kept. */
export function authorNames(raws: Iterable<string | null | undefined>): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const raw of raws) {
    const name = authorName(raw);
    if (name === null) continue;
    const key = name.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}
