/**
 * Article.dateline, claims, quotes and figures through a real Apollo server (issue 14): actors
 * resolved through the catalog (null when the dictionaries no longer have the id), evidence as
 * stored, and an article stored before issue 14 (no such fields in its body) answers empty lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.ts';
import { startHarness } from './harness.ts';
import { makeArticle, makeServices } from './fakes.ts';

let harness: Awaited<ReturnType<typeof startHarness>>;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.apollo.stop();
});

const QUERY = `query($id: ID!) { article(id: $id) {
  dateline { id name }
  claims { kind actor { id name } by { id } evidence { field start end snippet } }
  quotes { speaker { id } speakerName text evidence { field start end } }
  figures { kind min max text }
} }`;

describe('claims, quotes, figures and dateline on Article', () => {
  it('resolves actors through the catalog and keeps the evidence', async () => {
    const content = 'BAGHDAD - Kata\'ib Hizbullah claimed the attack. "We hit the convoy," said a spokesman. Three soldiers were killed.';
    const base = makeArticle({ id: 's1', feedId: 'wire', title: 'Attack claimed', publishedAt: '2024-06-01T00:00:00Z', content });
    const article: Article = {
      ...base,
      dateline: 'IQ/baghdad',
      claims: [
        { kind: 'CLAIMED', actor: 'kataib-hizbullah', by: null, evidence: { field: 'content', start: 10, end: 46, snippet: content.slice(10, 47) } },
        { kind: 'ATTRIBUTED', actor: 'no-longer-in-the-dictionary', by: 'kataib-hizbullah', evidence: { field: 'content', start: 0, end: 5, snippet: 'x' } },
      ],
      quotes: [{ speaker: null, speakerName: null, text: 'We hit the convoy', evidence: { field: 'content', start: 48, end: 68, snippet: '' } }],
      figures: [{ kind: 'KILLED', min: 3, max: 3, text: 'Three soldiers were killed', evidence: { field: 'content', start: 89, end: 115, snippet: '' } }],
    };
    const world = makeServices({ articles: [article] });
    const result = await harness.run(world.services, QUERY, { id: 's1' });
    expect(result.errors).toBeUndefined();
    const a = result.data?.article;
    expect(a.dateline).toEqual({ id: 'IQ/baghdad', name: 'Baghdad' });
    expect(a.claims[0]).toMatchObject({ kind: 'CLAIMED', actor: { id: 'kataib-hizbullah' }, by: null, evidence: { field: 'CONTENT', start: 10, end: 46 } });
    expect(a.claims[1]).toMatchObject({ kind: 'ATTRIBUTED', actor: null, by: { id: 'kataib-hizbullah' } });
    expect(a.quotes).toEqual([{ speaker: null, speakerName: null, text: 'We hit the convoy', evidence: { field: 'CONTENT', start: 48, end: 68 } }]);
    expect(a.figures).toEqual([{ kind: 'KILLED', min: 3, max: 3, text: 'Three soldiers were killed' }]);
  });

  it('an article stored before issue 14 answers empty lists and a null dateline', async () => {
    const old = makeArticle({ id: 's0', feedId: 'wire', title: 'Old article', publishedAt: '2024-01-01T00:00:00Z' });
    const world = makeServices({ articles: [old] });
    const result = await harness.run(world.services, QUERY, { id: 's0' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.article).toEqual({ dateline: null, claims: [], quotes: [], figures: [] });
  });

  it('topics expose their ACLED mapping', async () => {
    const result = await harness.run(makeServices().services, '{ topics { id acled { eventType subEventType } } }');
    expect(result.errors).toBeUndefined();
  });
});
