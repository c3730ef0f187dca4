/**
 * The filtered query every latency figure uses: one actor, one region, a 30-day window, first
 * 20 (issue 6 items 3 and 4). A rotation of such filters (common and rarer actors, countries
 * and cities, different windows) so that no single posting list or cache line decides the
 * figure. The same rotation at every corpus size keeps the scale ratio honest.
 */
import type { IdMap } from '../corpus/build-articles.ts';
import { DEFAULT_WINDOW } from '../corpus/story.ts';
import { ACTORS, PLACES } from '../corpus/vocabulary.ts';

export interface BenchFilter {
  readonly actors: string[];
  readonly regions: string[];
  readonly from: string;
  readonly to: string;
}

/** Up to `count` filters over ids the catalog knows (through `ids`). */
export function benchFilters(ids: IdMap, count = 24): BenchFilter[] {
  const actors = [...ACTORS].sort((a, b) => b.weight - a.weight).map((a) => ids.actor(a.id)).filter((x): x is string => x !== undefined);
  const countries = [...new Set(PLACES.map((p) => p.country))].map((c) => ids.region(c));
  const cities = [...PLACES].sort((a, b) => b.weight - a.weight).map((p) => ids.region(p.id));
  const regions = [...new Set([...countries, ...cities.slice(0, 6)])].filter((x): x is string => x !== undefined);
  if (actors.length === 0 || regions.length === 0) return [];
  const day = 86_400_000;
  const end = DEFAULT_WINDOW.end.getTime();
  const out: BenchFilter[] = [];
  for (let i = 0; i < count; i++) {
    const windowEnd = end - (i % 3) * 30 * day;
    out.push({
      actors: [actors[i % Math.min(actors.length, 8)] as string],
      regions: [regions[(i * 5) % regions.length] as string],
      from: new Date(windowEnd - 30 * day).toISOString(),
      to: new Date(windowEnd).toISOString(),
    });
  }
  return out;
}
