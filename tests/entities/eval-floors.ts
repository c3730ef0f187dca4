/**
 * The floors the annotated sets hold, in ONE place (issue 14, item 8): F1 per scored type and
 * set. A type a set does not annotate (claims on a v1 set) is not checked; a set whose folder
 * is missing is skipped with a warning.
 *
 * Measured on 2026-12-03 (entities branch, before the annotator's re-annotation under the
 * issue-14 rule; the lead re-sets the annotated and annotated-heldout floors after merging):
 * - annotated (v1 rule): actors 0.97, regions 0.90, topics 0.99;
 * - annotated-heldout (v1 rule): actors 0.96, regions 0.86, topics 0.90;
 * - annotated-dev-v2 (written with the tagger, for development — not a blind figure): see notes/entities.md.
 * The v1 sets were annotated under the old rule (a country named is a region, a state speaking
 * is only a region), so their region floors are lowered until they are re-annotated.
 */
import type { ScoreType } from '../../src/normalize/gazetteer/evaluate.ts';

export const FLOORS: Readonly<Record<string, Partial<Record<ScoreType, number>>>> = {
  annotated: { actors: 0.9, regions: 0.85, countries: 0.8, topics: 0.85 },
  'annotated-heldout': { actors: 0.9, regions: 0.8, countries: 0.75, topics: 0.8 },
  'annotated-dev-v2': { actors: 0.9, countries: 0.9, places: 0.85, topics: 0.8, claims: 0.7, quotes: 0.7, figures: 0.75, datelines: 0.9 },
  'annotated-heldout-v2': { actors: 0.85, countries: 0.9, topics: 0.7, claims: 0.5, quotes: 0.5, figures: 0.5, datelines: 0.8 },
};
