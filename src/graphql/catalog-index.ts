/**
 * Reverse edges of the dictionaries that EntityCatalog does not offer: the children of a topic
 * and of a region. Built once per catalog object (a reloaded catalog is a new object) and kept
 * in a WeakMap, so no request scans the dictionaries.
 */
import type { EntityCatalog } from '../model/catalog.ts';

export interface CatalogIndex {
  /** Direct children by parent id. */
  readonly topicChildren: ReadonlyMap<string, readonly string[]>;
  readonly regionChildren: ReadonlyMap<string, readonly string[]>;
}

const cache = new WeakMap<EntityCatalog, CatalogIndex>();

function group(items: readonly { id: string; parent?: string }[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const item of items) {
    if (item.parent === undefined) continue;
    const list = children.get(item.parent) ?? [];
    list.push(item.id);
    children.set(item.parent, list);
  }
  return children;
}

/** The index of `catalog`, built on first use. */
export function catalogIndex(catalog: EntityCatalog): CatalogIndex {
  let index = cache.get(catalog);
  if (index === undefined) {
    index = { topicChildren: group(catalog.topics), regionChildren: group(catalog.regions) };
    cache.set(catalog, index);
  }
  return index;
}

/** A topic and all topics below it (a filter on `security` finds `drone-strike`). */
export function topicWithDescendants(catalog: EntityCatalog, id: string): string[] {
  const { topicChildren } = catalogIndex(catalog);
  const out: string[] = [];
  const queue = [id];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    if (out.includes(next)) continue; // a cycle in user data must not loop forever
    out.push(next);
    queue.push(...(topicChildren.get(next) ?? []));
  }
  return out;
}
