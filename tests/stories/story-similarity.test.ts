/**
 * Story clustering's score on written pairs (tests/fixtures/stories/pairs.json): every pair of
 * differently worded reports of one event scores at or above STORY_THRESHOLD, every look-alike
 * decoy below it. Prints the measured margins (the numbers in the notes come from here).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STORY_THRESHOLD, storyFeatures, storySimilarity, type StoryInput } from '../../src/stories/story-similarity.ts';
import { makeServices } from '../graphql/fakes.ts';

interface Report {
  title: string;
  summary: string;
  publishedAt: string;
  actors: string[];
  regions: string[];
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/stories/pairs.json', import.meta.url), 'utf8')) as {
  pairs: { same: boolean; note: string; a: Report; b: Report }[];
  crossLanguage: { a: Report; b: Report };
};
const { catalog } = makeServices({ articles: [] });
const ancestors = (id: string) => catalog.regionAncestors(id);
const input = (r: Report): StoryInput => ({ ...r, actors: r.actors.map((id) => ({ id, mentions: 1, salience: 0.5 })), regions: r.regions.map((id) => ({ id, mentions: 1, salience: 0.5 })) });
const score = (a: Report, b: Report) => storySimilarity(storyFeatures(input(a), ancestors), storyFeatures(input(b), ancestors));

describe('story similarity on the written pairs', () => {
  const same = fixture.pairs.filter((p) => p.same).map((p) => ({ note: p.note, s: score(p.a, p.b) }));
  const decoys = fixture.pairs.filter((p) => !p.same).map((p) => ({ note: p.note, s: score(p.a, p.b) }));

  it.each(fixture.pairs.map((p) => [p.same ? 'same' : 'decoy', p.note, p] as const))('%s: %s', (_kind, _note, pair) => {
    const s = score(pair.a, pair.b);
    if (pair.same) expect(s).toBeGreaterThanOrEqual(STORY_THRESHOLD);
    else expect(s).toBeLessThan(STORY_THRESHOLD);
  });

  it('the threshold lies between the best decoy and the worst true pair (measured)', () => {
    const worstSame = Math.min(...same.map((x) => x.s));
    const bestDecoy = Math.max(...decoys.map((x) => x.s));
    console.info(`story scores: true pairs min ${worstSame.toFixed(3)} (${same.map((x) => x.s.toFixed(2)).join(' ')}); decoys max ${bestDecoy.toFixed(3)} (${decoys.map((x) => x.s.toFixed(2)).join(' ')}); threshold ${STORY_THRESHOLD}`);
    expect(bestDecoy).toBeLessThan(worstSame);
  });

  it('an Arabic and an English report of one event stay apart (measured: entities alone)', () => {
    const s = score(fixture.crossLanguage.a, fixture.crossLanguage.b);
    console.info(`story score Arabic vs English of one event: ${s.toFixed(3)}`);
    expect(s).toBeLessThan(STORY_THRESHOLD);
  });
});
