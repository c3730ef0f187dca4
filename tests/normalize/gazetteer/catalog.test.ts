import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type GazetteerCatalog } from '../../../src/normalize/gazetteer/catalog.ts';
import { loadDictionaries } from '../../../src/normalize/gazetteer/load-dictionaries.ts';
import { writeDictionaries } from './small-dictionaries.ts';

let catalog: GazetteerCatalog;
beforeAll(async () => {
  catalog = createCatalog(await loadDictionaries({ dataDir: writeDictionaries() }));
});

describe('catalog', () => {
  it('looks up by id', () => {
    expect(catalog.actor('kataib-hizbullah')?.name).toBe("Kata'ib Hizbullah");
    expect(catalog.region('IQ/baghdad')?.kind).toBe('CITY');
    expect(catalog.topic('drone-strike')?.parent).toBe('armed-attack');
    expect(catalog.actor('nope')).toBeUndefined();
  });

  it.each([
    ['kataib hezbollah', 'kataib-hizbullah'],
    ["KATA'IB", 'kataib-hizbullah'],
    ['hezb', 'hezbollah'],
    ['كتائب', 'kataib-hizbullah'],
    ['quds', 'irgc-quds-force'],
    ['ryder', 'pat-ryder'],
  ])('searchActors(%s) finds %s first', (q, id) => {
    expect(catalog.searchActors(q)[0]?.id).toBe(id);
  });

  it('searchActors ranks exact over prefix over substring', () => {
    const found = catalog.searchActors('irgc').map((a) => a.id);
    expect(found.slice(0, 2)).toEqual(['irgc', 'irgc-quds-force']);
    expect(catalog.searchActors('zzzz')).toEqual([]);
  });

  it('searchRegions finds by any alias, id or name', () => {
    expect(catalog.searchRegions('baghdad')[0]?.id).toBe('IQ/baghdad');
    expect(catalog.searchRegions('Irak')[0]?.id).toBe('IQ');
    expect(catalog.searchRegions('iq')[0]?.id).toBe('IQ');
  });

  it('affiliates: umbrellas up to a depth, patrons one step, members and leaders one step, never states', () => {
    expect(catalog.affiliatedFrom('islamic-resistance-in-iraq')).toEqual([{ actor: 'kataib-hizbullah', relation: 'member_of' }]);
    // One level up: its umbrella; its patron in any case.
    expect(catalog.affiliatesOf('kataib-hizbullah', 1).sort()).toEqual(['irgc-quds-force', 'islamic-resistance-in-iraq']);
    // The umbrella's umbrella too, but not the patron's own chain of command (irgc, iran).
    expect(catalog.affiliatesOf('kataib-hizbullah').sort()).toEqual(['axis-of-resistance', 'irgc-quds-force', 'islamic-resistance-in-iraq']);
    // Down one step: the umbrella's members; not the groups a patron backs.
    expect(catalog.affiliatesOf('islamic-resistance-in-iraq')).toContain('kataib-hizbullah');
    expect(catalog.affiliatesOf('irgc-quds-force')).not.toContain('kataib-hizbullah');
    for (const id of ['kataib-hizbullah', 'irgc', 'irgc-quds-force']) {
      expect(catalog.affiliatesOf(id)).not.toContain(id);
      expect(catalog.affiliatesOf(id).map((a) => catalog.actor(a)?.kind)).not.toContain('STATE');
    }
  });

  it('region ancestors: parents, country, macro-regions', () => {
    expect(catalog.regionAncestors('IQ/baghdad')).toEqual(['IQ/baghdad', 'IQ-BG', 'IQ', 'MIDDLE_EAST']);
    expect(catalog.regionAncestors('LB')).toEqual(['LB', 'LEVANT', 'MIDDLE_EAST']);
    expect(catalog.regionAncestors('RED_SEA')).toEqual(['RED_SEA', 'MIDDLE_EAST']);
    expect(catalog.regionAncestors('unknown')).toEqual(['unknown']);
  });

  it('topic ancestors, nearest first, including itself', () => {
    expect(catalog.topicAncestors('drone-strike')).toEqual(['drone-strike', 'armed-attack', 'security']);
    expect(catalog.topicAncestors('diplomacy')).toEqual(['diplomacy']);
  });

  it('finds the state actor of a country', () => {
    expect(catalog.stateOf('IR')?.id).toBe('iran');
    expect(catalog.stateOf('SY')).toBeUndefined();
  });
});
