import { beforeAll, describe, expect, it } from 'vitest';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import { evaluate, formatReport, type AnnotatedFixture } from '../../src/normalize/gazetteer/evaluate.ts';
import type { Tagger } from '../../src/normalize/gazetteer/tagger.types.ts';
import { writeDictionaries } from '../normalize/gazetteer/small-dictionaries.ts';

let tagger: Tagger;
beforeAll(async () => {
  ({ tagger } = await createDefaultTagger({ dataDir: writeDictionaries(), discovery: false }));
});

const fixtures: AnnotatedFixture[] = [
  {
    id: 'wire',
    style: 'wire',
    title: "Kata'ib Hizbullah drone attack on Erbil",
    contentHtml: '<p>ERBIL (Wire) - A drone attack hit a base near Erbil, officials said.</p>',
    expected: { actors: ['kataib-hizbullah'], regions: ['IQ', 'IQ/erbil'], topics: ['drone-strike'] },
  },
  {
    id: 'translated',
    style: 'translated',
    title: 'Statement on the situation',
    contentHtml: '<p>The group said its fighters were ready. [TN: The group is Hezbollah; the statement was issued in Tehran.]</p>',
    expected: { actors: [], regions: [], topics: [] },
  },
  {
    id: 'wrong',
    title: 'Talks in Baghdad',
    contentHtml: '<p>Talks were held in Baghdad.</p>',
    // Deliberately wrong annotation: one miss (IR) and one extra (IQ/baghdad is found, not expected).
    expected: { actors: [], regions: ['IQ', 'IR'], topics: ['diplomacy'] },
  },
];

describe('evaluate', () => {
  it('scores id sets per type, micro-averaged, and names misses and extras', () => {
    const report = evaluate(fixtures, tagger);
    expect(report.fixtures).toBe(3);
    expect(report.scores.actors).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    // regions: wire IQ, IQ/erbil (2 tp); wrong: IQ tp, IQ/baghdad fp, IR fn.
    expect(report.scores.regions).toMatchObject({ tp: 3, fp: 1, fn: 1 });
    expect(report.scores.regions.precision).toBeCloseTo(0.75);
    const wrong = report.outcomes.find((o) => o.id === 'wrong');
    expect(wrong?.missing.regions).toEqual(['IR']);
    expect(wrong?.extra.regions).toEqual(['IQ/baghdad']);
    expect(formatReport(report, true)).toMatch(/- wrong\n {4}missing regions: IR\n {4}extra regions: IQ\/baghdad/);
  });

  it('runs the real normalize stage: a translator note never tags the article', () => {
    const report = evaluate(fixtures, tagger);
    const translated = report.outcomes.find((o) => o.id === 'translated');
    expect(translated?.article.translatorNotes.join(' ')).toContain('Hezbollah');
    expect(translated?.article.actors).toEqual([]);
    expect(translated?.article.regions).toEqual([]);
    expect(translated?.leaked).toEqual({ actors: [], regions: [], topics: [] });
  });
});
