/**
 * The floors the annotated sets hold, in ONE place (issue 14, item 8): F1 per scored type and
 * set, a little under what was measured, so a regression fails and an improvement raises them.
 * A type a set does not annotate (claims on a v1 set) is not checked; a set whose folder is
 * missing is skipped with a warning.
 *
 * Measured on 2026-12-03 after the merge of the tagger v2 and the re-annotation of the v1 sets
 * under the issue-14 rule (states that act are actors; mentions are not settings; datelines are
 * not regions):
 * - annotated (66): actors 0.947, countries 0.785, places 0.916, regions 0.860, topics 0.989, datelines 0.957;
 * - annotated-heldout (30): actors 0.943, countries 0.667, places 0.862, regions 0.779, topics 0.904, datelines 0.857;
 * - annotated-heldout-v2 (49, blind; FIRST RUN): actors 0.849, countries 0.697, places 0.830, regions 0.770,
 *   topics 0.761, claims 0.452, quotes 0.569, figures 0.767, datelines 0.961;
 * - annotated-dev-v2 (14 articles written by the entities engineer and tuned on — NOT a blind
 *   figure): actors 0.937, countries 0.842, places 0.958, topics 0.778, claims 0.917, quotes 1.0,
 *   figures 0.968, datelines 1.0.
 * Countries score low on the re-annotated sets because the tagger still makes a region of a
 * country that is only mentioned: the next work on the tagger, measured on a new blind set.
 */
import type { ScoreType } from '../../src/normalize/gazetteer/evaluate.ts';

export const FLOORS: Readonly<Record<string, Partial<Record<ScoreType, number>>>> = {
  annotated: { actors: 0.93, countries: 0.76, places: 0.9, regions: 0.84, topics: 0.97, datelines: 0.93 },
  'annotated-heldout': { actors: 0.92, countries: 0.64, places: 0.84, regions: 0.76, topics: 0.88, datelines: 0.83 },
  'annotated-dev-v2': { actors: 0.9, countries: 0.8, places: 0.9, regions: 0.85, topics: 0.75, claims: 0.8, quotes: 0.9, figures: 0.9, datelines: 0.95 },
  'annotated-heldout-v2': { actors: 0.83, countries: 0.67, places: 0.81, regions: 0.75, topics: 0.74, claims: 0.43, quotes: 0.55, figures: 0.74, datelines: 0.94 },
};
