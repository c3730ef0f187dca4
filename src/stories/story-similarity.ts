/**
 * How alike two reports are, for clustering them into one story across outlets (Feedly's
 * dedup): word overlap of the title and lead, entity overlap, and time. Pure.
 *
 * - Words: the folded, stop-worded title tokens (ids.ts `titleFingerprintTokens`, which also
 *   drops wire slugs like "UPDATE 1-" and a trailing "- Reuters") plus those of the lead (the
 *   first LEAD_WORDS words of the summary), compared by their light stems (search-terms.ts),
 *   so "claims"/"claimed" stay apart but Arabic proclitics do not. Similarity is their Jaccard
 *   index, computed exactly: candidates are few (see assign-stories.ts), so MinHash's
 *   estimate would only add error.
 * - Entities: actors and regions in common add ENTITY_WEIGHT × their Jaccard index; two
 *   reports whose places are both known and share none (a strike in Hodeidah, another in
 *   Marib) are different events whatever their words.
 * - Time: reports more than WINDOW_HOURS apart are never one story.
 *
 * STORY_THRESHOLD was measured on tests/fixtures/stories/pairs.json (see the test and the
 * notes): it sits between the best-scoring decoy and the worst-scoring true pair.
 */
import type { ArticleMeta } from '../model/article.ts';
import { titleFingerprintTokens } from '../model/ids.ts';
import { stemWord } from '../normalize/gazetteer/search-terms.ts';

/** Words of the summary that count as the lead. */
export const LEAD_WORDS = 40;
/** Weight of the entity overlap in the score. */
export const ENTITY_WEIGHT = 0.25;
/** Reports further apart than this are never one story. */
export const WINDOW_HOURS = 48;
/** Score from which two reports are one story (measured; see the file comment). */
export const STORY_THRESHOLD = 0.4;

export type StoryInput = Pick<ArticleMeta, 'title' | 'summary' | 'publishedAt' | 'actors' | 'regions'>;

/** What the score compares, computed once per article. */
export interface StoryFeatures {
  readonly words: ReadonlySet<string>;
  readonly actors: ReadonlySet<string>;
  readonly regions: ReadonlySet<string>;
  /** Each tagged region with its ancestors (a report on Baghdad is compatible with one on Iraq). */
  readonly regionLines: readonly ReadonlySet<string>[];
  readonly publishedMs: number;
}

/** `regionAncestors`: a region, its parents and macro-regions (EntityCatalog.regionAncestors). */
export function storyFeatures(article: StoryInput, regionAncestors: (id: string) => readonly string[] = (id) => [id]): StoryFeatures {
  const lead = article.summary.split(/\s+/u).slice(0, LEAD_WORDS).join(' ');
  const words = new Set([...titleFingerprintTokens(article.title), ...titleFingerprintTokens(lead)].map(stemWord));
  return {
    words,
    actors: new Set(article.actors.map((r) => r.id)),
    regions: new Set(article.regions.map((r) => r.id)),
    regionLines: article.regions.map((r) => new Set([r.id, ...regionAncestors(r.id)])),
    publishedMs: Date.parse(article.publishedAt),
  };
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

/** False when both reports name places and no place of one lies in, or contains, a place of the other. */
function placesCompatible(a: StoryFeatures, b: StoryFeatures): boolean {
  if (a.regionLines.length === 0 || b.regionLines.length === 0) return true;
  for (const lineA of a.regionLines) {
    for (const lineB of b.regionLines) {
      for (const r of b.regions) if (lineA.has(r)) return true;
      for (const r of a.regions) if (lineB.has(r)) return true;
    }
  }
  return false;
}

/** The similarity of two reports, 0..1+ENTITY_WEIGHT; 0 outside the time window or for places that differ. */
export function storySimilarity(a: StoryFeatures, b: StoryFeatures): number {
  if (Math.abs(a.publishedMs - b.publishedMs) > WINDOW_HOURS * 3_600_000) return 0;
  if (!placesCompatible(a, b)) return 0;
  const entities = jaccard(new Set([...a.actors, ...[...a.regions].map((r) => `r:${r}`)]), new Set([...b.actors, ...[...b.regions].map((r) => `r:${r}`)]));
  return jaccard(a.words, b.words) + ENTITY_WEIGHT * entities;
}
