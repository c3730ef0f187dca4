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
 * Re-measured on 2026-12-03 after entities3 (setting rules, states acting/addressed, coverage to
 * 1,006 actors, claims/quotes/figures; v2 is no longer blind — tuned on — and annotated/029, 045,
 * 050 lost drone-strike as the annotator suggested):
 * - annotated: actors 0.963, countries 0.935, places 0.942, regions 0.939, topics 0.988, datelines 0.957;
 * - annotated-heldout: actors 0.963, countries 0.909, places 0.898, regions 0.902, topics 0.904, datelines 0.957;
 * - annotated-dev-v2: actors 0.965, countries 0.865, places 0.958, regions 0.918, topics 0.778, claims 0.846,
 *   quotes 1.0, figures 0.968, datelines 1.0;
 * - annotated-heldout-v2 (tuned on): actors 0.938, countries 0.964, places 0.886, regions 0.916, topics 0.765,
 *   claims 0.622, quotes 0.778, figures 0.907, datelines 0.961.
 * Floors sit about 0.02 under these. The blind figure of this work is the v3 set's first run.
 *
 * - annotated-heldout-v3 (52, written and annotated blind by a separate annotator before any tagger
 *   run; FIRST RUN on 2026-12-03 21:02 UTC, on the tagger above): actors 0.814 (P 0.871 R 0.764),
 *   countries 0.786 (P 0.655 R 0.983), places 0.656, regions 0.712, topics 0.722, claims 0.364,
 *   quotes 0.479, figures 0.727, datelines 0.909. Far below v2's tuned figures: the v2 tuning did
 *   not generalise as far as hoped. Its floors sit 0.02 under the first run; once the tagger is
 *   tuned on v3 it is no longer held out, and a v4 must be written blind.
 */
import type { ScoreType } from '../../src/normalize/gazetteer/evaluate.ts';

export const FLOORS: Readonly<Record<string, Partial<Record<ScoreType, number>>>> = {
  annotated: { actors: 0.94, countries: 0.91, places: 0.92, regions: 0.92, topics: 0.97, datelines: 0.93 },
  'annotated-heldout': { actors: 0.94, countries: 0.88, places: 0.87, regions: 0.88, topics: 0.88, datelines: 0.93 },
  'annotated-dev-v2': { actors: 0.94, countries: 0.84, places: 0.93, regions: 0.89, topics: 0.75, claims: 0.82, quotes: 0.97, figures: 0.94, datelines: 0.97 },
  'annotated-heldout-v2': { actors: 0.91, countries: 0.94, places: 0.86, regions: 0.89, topics: 0.74, claims: 0.6, quotes: 0.75, figures: 0.88, datelines: 0.94 },
  'annotated-heldout-v3': { actors: 0.79, countries: 0.76, places: 0.63, regions: 0.69, topics: 0.7, claims: 0.34, quotes: 0.45, figures: 0.7, datelines: 0.88 },
};
