/**
 * Possessive wire-copy forms generated from the dictionaries (issue 14, item 2), so that no
 * alias is written twice: "Turkey's Defence Ministry" for the actor named "Turkish Defence
 * Ministry", "Israel's government" / "Iran's military" for the state.
 */
import type { EntityCatalog } from '../../model/catalog.ts';
import { fold } from './fold.ts';

/** A folded key for the automaton and the actor it names. */
export interface PossessiveForm {
  readonly key: string;
  readonly id: string;
  /** The dictionary alias (or "X's head") the form stands for, shown as evidence. */
  readonly alias: string;
}

/**
 * Possessive wire-copy forms, generated from the dictionaries instead of written per alias:
 * "Turkey's Defence Ministry" is the actor named "Turkish Defence Ministry" (country name +
 * 's + the rest of an alias that starts with the country's demonym), and "Israel's government",
 * "Iran's military" name the state (when no body such as "Iraqi military" is in the dictionary).
 */
export function possessiveForms(catalog: EntityCatalog & { stateOf?: (cc: string) => { id: string } | undefined }): PossessiveForm[] {
  const latin = (s: string) => /^[a-z]/.test(s);
  const countries = catalog.regions.filter((r) => r.kind === 'COUNTRY') as unknown as { id: string; demonyms?: readonly string[]; metonyms?: readonly string[] }[];
  const namesOf = new Map<string, string[]>();
  const byDemonym = new Map<string, string>();
  for (const c of countries) {
    const names = [...new Set((c.metonyms ?? []).map((n) => fold(n)).filter(latin))];
    if (names.length === 0) continue;
    namesOf.set(c.id, names);
    for (const d of c.demonyms ?? []) {
      const key = fold(d);
      if (latin(key) && !key.includes(' ')) byDemonym.set(key, c.id);
    }
  }
  const generated = new Map<string, PossessiveForm>();
  const add = (key: string, id: string, alias: string) => {
    if (!generated.has(key)) generated.set(key, { key, id, alias });
  };
  for (const a of catalog.actors) {
    for (const alias of [a.name, ...a.aliases]) {
      const key = fold(alias);
      const space = key.indexOf(' ');
      if (space < 0) continue;
      const country = byDemonym.get(key.slice(0, space));
      if (country === undefined) continue;
      for (const n of namesOf.get(country) ?? []) add(`${n}s ${key.slice(space + 1)}`, a.id, alias);
    }
  }
  const STATE_HEADS = ['government', 'federal government', 'transitional government', 'interim government', 'military government', 'administration', 'authorities', 'leadership', 'regime', 'military', 'army', 'armed forces'];
  for (const [country, names] of namesOf) {
    const state = catalog.stateOf?.(country);
    if (state === undefined) continue;
    for (const n of names) for (const head of STATE_HEADS) add(`${n}s ${head}`, state.id, `${n}'s ${head}`);
  }
  return [...generated.values()];
}
