/**
 * Opaque cursors. Clients must not build them, so they are base64url of a small JSON array
 * tagged with what they point into: an article cursor is a position (publishedAt, id) in the
 * newest-first order, which stays valid while articles are added or removed; a list cursor is
 * the id of the last entity seen in a named list (actors, regions).
 */
import type { ArticleCursor } from '../store/article-store.types.ts';
import { badUserInput } from './errors.ts';

const ARTICLE_TAG = 'a';
const LIST_TAG = 'l';

function encode(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** Decodes to the array of strings, or undefined when `cursor` is not one of ours. */
function decode(cursor: string): string[] | undefined {
  if (cursor.length === 0 || cursor.length > 2048 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || !value.every((part) => typeof part === 'string')) return undefined;
    return value as string[];
  } catch {
    return undefined;
  }
}

function badCursor(cursor: string, field: string): Error {
  return badUserInput(
    `The cursor ${JSON.stringify(cursor.slice(0, 80))} in \`after\` is not one that \`${field}\` gave out. ` +
      `Send the \`pageInfo.endCursor\` (or an edge's \`cursor\`) of a previous page of \`${field}\`, or omit \`after\` to start from the first page.`,
    { argument: 'after', field },
  );
}

/** The cursor of an article in the newest-first order. */
export function encodeArticleCursor(position: ArticleCursor): string {
  return encode([ARTICLE_TAG, position.at, position.id]);
}

/** Reads an article cursor; BAD_USER_INPUT naming `field` when it is not one. */
export function decodeArticleCursor(cursor: string, field = 'articles'): ArticleCursor {
  const parts = decode(cursor);
  if (parts === undefined || parts.length !== 3 || parts[0] !== ARTICLE_TAG) throw badCursor(cursor, field);
  const [, at = '', id = ''] = parts;
  if (id === '' || Number.isNaN(Date.parse(at))) throw badCursor(cursor, field);
  return { at, id };
}

/** The cursor after entity `id` in the list called `list` (e.g. `actors`). */
export function encodeListCursor(list: string, id: string): string {
  return encode([LIST_TAG, list, id]);
}

/** Reads a list cursor of `list`; BAD_USER_INPUT when it is not one (or is another list's). */
export function decodeListCursor(cursor: string, list: string): string {
  const parts = decode(cursor);
  if (parts === undefined || parts.length !== 3 || parts[0] !== LIST_TAG || parts[1] !== list || parts[2] === '') {
    throw badCursor(cursor, list);
  }
  return parts[2] as string;
}

const FETCHED_TAG = 'f';
const RELEVANCE_TAG = 'r';

/** The cursor of an article in the latest-ingested-first order (FETCHED_DESC). */
export function encodeFetchedCursor(position: ArticleCursor): string {
  return encode([FETCHED_TAG, position.at, position.id]);
}

/** Reads a FETCHED_DESC cursor; BAD_USER_INPUT when it is not one (e.g. one of another order). */
export function decodeFetchedCursor(cursor: string, field = 'articles'): ArticleCursor {
  const parts = decode(cursor);
  if (parts === undefined || parts.length !== 3 || parts[0] !== FETCHED_TAG) throw badCursor(cursor, field);
  const [, at = '', id = ''] = parts;
  if (id === '' || Number.isNaN(Date.parse(at))) throw badCursor(cursor, field);
  return { at, id };
}

/** The cursor after `offset` results in the RELEVANCE order (ranks are not stable keys). */
export function encodeRelevanceCursor(offset: number): string {
  return encode([RELEVANCE_TAG, String(offset)]);
}

/** Reads a RELEVANCE cursor to its offset; BAD_USER_INPUT when it is not one. */
export function decodeRelevanceCursor(cursor: string, field = 'articles'): number {
  const parts = decode(cursor);
  const offset = parts !== undefined && parts.length === 2 && parts[0] === RELEVANCE_TAG ? Number(parts[1]) : NaN;
  if (!Number.isInteger(offset) || offset < 0) throw badCursor(cursor, field);
  return offset;
}
