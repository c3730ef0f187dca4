/**
 * The floors the annotated sets hold (issue 3 item 6, issue 14 item 8; the numbers are in
 * eval-floors.ts, one place), and nothing taken from translator notes, page chrome or comments.
 * `npm run eval -- --verbose [--dir …]` shows the misses.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import { ENTITY_TYPES, evaluate, formatReport, isScored, loadAnnotatedFixtures, type EvaluationReport, type ScoreType } from '../../src/normalize/gazetteer/evaluate.ts';
import { FLOORS } from './eval-floors.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

const reports = new Map<string, EvaluationReport>();
beforeAll(async () => {
  const { tagger, catalog } = await createDefaultTagger(); // as the gateway builds it (discovery on: it vetoes names like "Chad Smith")
  for (const set of Object.keys(FLOORS)) {
    const dir = path.join(FIXTURES, set);
    const fixtures = existsSync(dir) ? await loadAnnotatedFixtures(dir) : [];
    if (fixtures.length === 0) console.warn(`eval-floor: no annotated fixtures in ${dir}; floors not checked`);
    else reports.set(set, evaluate(fixtures, tagger, catalog));
  }
}, 120_000);

const rows = Object.entries(FLOORS).flatMap(([set, floors]) => Object.entries(floors).map(([type, floor]) => [set, type as ScoreType, floor] as const));

describe('entity evaluation floors (tests/entities/eval-floors.ts)', () => {
  it.each(rows)('%s: %s F1 is at or above %s', (set, type, floor) => {
    const report = reports.get(set);
    if (!report || !isScored(report.scores[type])) return;
    const f1 = report.scores[type].f1;
    if (f1 < floor) console.warn(formatReport(report, true));
    expect(f1).toBeGreaterThanOrEqual(floor);
  });
});

describe.each(Object.keys(FLOORS))('nothing from notes, chrome or comments: %s', (set) => {
  it('no entity, quote or figure comes from translator notes, page chrome or comments', () => {
    const report = reports.get(set);
    if (!report) return;
    const leaks = report.outcomes
      .filter((o) => ENTITY_TYPES.some((t) => o.leaked[t].length > 0) || o.leakedStatements.length > 0)
      .map((o) => ({ id: o.id, leaked: o.leaked, statements: o.leakedStatements }));
    expect(leaks).toEqual([]);
  });

  it('articles whose entities are only in notes or comments get none of them', () => {
    const report = reports.get(set);
    if (!report) return;
    for (const o of report.outcomes.filter((x) => /comments|translated|chrome/.test(x.style))) {
      const extra = new Set(ENTITY_TYPES.flatMap((t) => o.extra[t].map((id) => `${t}:${id}`)));
      const fromAside = ENTITY_TYPES.flatMap((t) => o.leaked[t].map((id) => `${t}:${id}`)).filter((k) => extra.has(k));
      expect({ id: o.id, fromAside }).toEqual({ id: o.id, fromAside: [] });
    }
  });
});
