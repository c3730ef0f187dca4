/** Splitting id lists for IN lists and batches. Pure. */

/** Ids per IN list: far below either engine's parameter limit. */
export const ID_CHUNK = 500;

/** Each id once, in first-seen order. */
export function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** `items` in slices of `size`. */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
