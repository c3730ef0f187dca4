/**
 * Adds entries to feeds.json for `newsgate feeds add` and `feeds import`. The file is edited in
 * place (jsonc-parser's edits): every byte outside the inserted entries stays as the operator
 * wrote it — key order, spacing, line endings. The new text is validated with the same rules as
 * start-up before it replaces the file, atomically, so a CLI edit can never leave the running
 * gateway an invalid file.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser';
import { type FeedEntry, parseFeedsFile } from './feeds-file.ts';
import type { FeedsSettings } from './config.types.ts';

export type { FeedEntry } from './feeds-file.ts';

/** Ids not yet taken: `base`, `base-2`, `base-3`… */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The line ending and the indentation unit the file already uses. */
function detectStyle(text: string): { eol: string; unit: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const unit = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return { eol, unit };
}

/** The whitespace between the start of the line holding `offset` and `offset`, if only whitespace. */
function indentAt(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** `value` as JSON in the file's style, every line after the first indented by `indent`. */
function render(value: unknown, indent: string, unit: string, eol: string): string {
  return JSON.stringify(value, null, unit).split('\n').join(`${eol}${indent}`);
}

/**
 * The text of feeds.json with `entries` appended to its `feeds` array, every other byte as it
 * was: the new entries are inserted after the last one, indented like it. Pure (the caller
 * reads and writes the file).
 */
export function appendFeedsText(text: string, entries: readonly FeedEntry[]): string {
  if (entries.length === 0) return text;
  const { eol, unit } = detectStyle(text);
  const root = parseTree(text);
  const array = root ? findNodeAtLocation(root, ['feeds']) : undefined;
  if (!array || array.type !== 'array') {
    // No feeds array yet: let jsonc-parser add the key (only the new key is formatted).
    const edits = modify(text, ['feeds'], entries, { formattingOptions: { insertSpaces: !unit.startsWith('\t'), tabSize: unit.length, eol } });
    return applyEdits(text, edits);
  }
  const last = array.children?.[array.children.length - 1];
  const arrayIndent = indentAt(text, findNodeAtLocation(root!, [])?.children?.find((p) => p.children?.[1] === array)?.offset ?? array.offset) ?? '';
  const itemIndent = (last && indentAt(text, last.offset)) ?? `${arrayIndent}${unit}`;
  const items = entries.map((e) => render(e, itemIndent, unit, eol));
  if (last) {
    const at = last.offset + last.length;
    const sep = indentAt(text, last.offset) === undefined ? ', ' : `,${eol}${itemIndent}`;
    return `${text.slice(0, at)}${sep}${items.join(sep)}${text.slice(at)}`;
  }
  // An empty array: fill the brackets.
  const inner = `${eol}${itemIndent}${items.join(`,${eol}${itemIndent}`)}${eol}${arrayIndent}`;
  return `${text.slice(0, array.offset + 1)}${inner}${text.slice(array.offset + array.length - 1)}`;
}

/**
 * Appends entries to the file's `feeds` array and writes it back. Returns the validated
 * settings; throws NewsgateError(CONFIG_INVALID) and writes nothing when the result would be
 * invalid.
 */
export function appendFeeds(file: string, entries: readonly FeedEntry[]): FeedsSettings {
  const text = appendFeedsText(readFileSync(file, 'utf8'), entries);
  const settings = parseFeedsFile(text, file);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
  return settings;
}
