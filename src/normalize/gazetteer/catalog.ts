/**
 * The EntityCatalog over loaded dictionaries: id look-ups, alias search for the API
 * (`actors(search:)`), the affiliation graph in both directions and the region/topic trees.
 * Everything is indexed once at construction, so queries never scan the dictionaries.
 */
import type { EntityCatalog } from '../../model/catalog.ts';
import type { Actor, Region, Topic } from '../../model/entities.ts';
import type { ActorEntry, Dictionaries, RegionEntry, TopicEntry } from './dictionary.types.ts';
import { fold } from './fold.ts';

/** The catalog plus the matching rules the tagger needs (not part of the public contract). */
export interface GazetteerCatalog extends EntityCatalog {
  readonly actors: readonly ActorEntry[];
  readonly regions: readonly RegionEntry[];
  readonly topics: readonly TopicEntry[];
  /** Load warnings (alias collisions, …). */
  readonly warnings: readonly string[];
  /** The STATE actor of a country code, if the dictionary has one. */
  stateOf(countryCode: string): ActorEntry | undefined;
}

interface SearchKey<T> {
  readonly key: string;
  readonly item: T;
  /** 0 for the name, 1 for an alias: the name ranks first on equal match quality. */
  readonly rank: number;
}

function buildKeys<T>(items: readonly T[], names: (item: T) => readonly string[]): SearchKey<T>[] {
  const out: SearchKey<T>[] = [];
  for (const item of items) {
    names(item).forEach((n, i) => {
      const key = fold(n);
      if (key !== '') out.push({ key, item, rank: i === 0 ? 0 : 1 });
    });
  }
  return out;
}

/**
 * Folded search, best first: exact name/alias, then prefix of an alias, then word prefix
 * ("hezb" finds "Kataib Hezbollah"), then substring; ties by name before alias, then shorter key.
 */
function search<T extends { id: string }>(keys: readonly SearchKey<T>[], text: string): T[] {
  const q = fold(text);
  if (q === '') return [];
  const best = new Map<string, { item: T; score: number }>();
  for (const k of keys) {
    let quality: number;
    if (k.key === q) quality = 0;
    else if (k.key.startsWith(q)) quality = 1;
    else if (k.key.includes(` ${q}`)) quality = 2;
    else if (k.key.includes(q)) quality = 3;
    else continue;
    const score = quality * 10_000 + k.rank * 1_000 + Math.min(k.key.length, 999);
    const prev = best.get(k.item.id);
    if (prev === undefined || score < prev.score) best.set(k.item.id, { item: k.item, score });
  }
  return [...best.values()].sort((a, b) => a.score - b.score || a.item.id.localeCompare(b.item.id)).map((e) => e.item);
}

/** Builds the catalog; `dictionaries` must come from loadDictionaries (already validated). */
export function createCatalog(dictionaries: Dictionaries): GazetteerCatalog {
  const actors = new Map(dictionaries.actors.map((a) => [a.id, a]));
  const regions = new Map(dictionaries.regions.map((r) => [r.id, r]));
  const topics = new Map(dictionaries.topics.map((t) => [t.id, t]));
  const reverse = new Map<string, { actor: string; relation: string }[]>();
  for (const a of dictionaries.actors) {
    for (const link of a.affiliations) {
      const list = reverse.get(link.actor) ?? [];
      list.push({ actor: a.id, relation: link.relation });
      reverse.set(link.actor, list);
    }
  }
  const states = new Map<string, ActorEntry>();
  for (const a of dictionaries.actors) {
    if (a.kind !== 'STATE') continue;
    for (const c of a.countries) if (!states.has(c)) states.set(c, a);
  }
  const actorKeys = buildKeys<ActorEntry>(dictionaries.actors, (a) => [a.name, ...a.aliases]);
  const regionKeys = buildKeys<RegionEntry>(dictionaries.regions, (r) => [r.name, r.id, ...r.aliases]);

  const catalog: GazetteerCatalog = {
    actors: dictionaries.actors,
    regions: dictionaries.regions,
    topics: dictionaries.topics,
    warnings: dictionaries.warnings,
    actor: (id: string): Actor | undefined => actors.get(id),
    region: (id: string): Region | undefined => regions.get(id),
    topic: (id: string): Topic | undefined => topics.get(id),
    searchActors: (text: string): Actor[] => search(actorKeys, text),
    searchRegions: (text: string): Region[] => search(regionKeys, text),
    affiliatedFrom: (id: string) => [...(reverse.get(id) ?? [])],
    affiliatesOf(id: string, depth = 3): string[] {
      // States are never pulled in: every militia is part_of some state's forces on paper, and
      // "Kata'ib Hizbullah and affiliates" must not mean "everything Iraqi".
      const isState = (other: string) => actors.get(other)?.kind === 'STATE';
      const out = new Set<string>();
      const add = (other: string) => {
        if (other !== id && !isState(other)) out.add(other);
      };
      // Up: the umbrellas and parent bodies it belongs to, and theirs, `depth` levels.
      let frontier = [id];
      for (let level = 0; level < depth && frontier.length > 0; level++) {
        const next: string[] = [];
        for (const cur of frontier) {
          for (const link of actors.get(cur)?.affiliations ?? []) {
            if ((link.relation === 'member_of' || link.relation === 'part_of') && !isState(link.actor) && !out.has(link.actor)) {
              add(link.actor);
              next.push(link.actor);
            }
          }
        }
        frontier = next;
      }
      // Its patrons, one step (not the patrons' own chain of command).
      for (const link of actors.get(id)?.affiliations ?? []) if (link.relation === 'backed_by') add(link.actor);
      // Down, one step: its members, units and leaders (not the groups it backs: a patron's
      // clients are separate actors, reached from them, not from it).
      for (const link of reverse.get(id) ?? []) if (link.relation !== 'backed_by') add(link.actor);
      return [...out];
    },
    regionAncestors(id: string): string[] {
      const out: string[] = [];
      const queue = [id];
      while (queue.length > 0) {
        const cur = queue.shift() as string;
        if (out.includes(cur)) continue; // cycles in user data must not loop
        const region = regions.get(cur);
        if (region === undefined && cur !== id) continue;
        out.push(cur);
        if (region === undefined) continue;
        if (region.parent !== undefined) queue.push(region.parent);
        queue.push(...region.memberOf);
        if (region.countryCode !== undefined && region.countryCode !== cur) queue.push(region.countryCode);
      }
      return out;
    },
    topicAncestors(id: string): string[] {
      const out: string[] = [];
      let cur: string | undefined = id;
      while (cur !== undefined && !out.includes(cur)) {
        out.push(cur);
        cur = topics.get(cur)?.parent;
      }
      return out;
    },
    stateOf: (countryCode: string) => states.get(countryCode),
  };
  return catalog;
}
