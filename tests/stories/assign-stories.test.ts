/**
 * Story assignment at ingest over a real SQLite store: for each written pair, the first report
 * is stored, then the second arrives (from another feed, with its own exact key) and joins the
 * first's story exactly when the pair is one event; a refetch keeps an article's story; a batch
 * clusters within itself.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.ts';
import { createStoryAssigner } from '../../src/stories/assign-stories.ts';
import { ArticleStore } from '../../src/store/article-store.ts';
import { makeArticle, makeServices } from '../graphql/fakes.ts';

interface Report {
  title: string;
  summary: string;
  publishedAt: string;
  actors: string[];
  regions: string[];
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/stories/pairs.json', import.meta.url), 'utf8')) as { pairs: { same: boolean; note: string; a: Report; b: Report }[] };
const { catalog } = makeServices({ articles: [] });
const ref = (id: string) => ({ id, mentions: 1, salience: 0.5 });

function article(id: string, feedId: string, r: Report): Article {
  return { ...makeArticle({ id, feedId, title: r.title, summary: r.summary, publishedAt: r.publishedAt, actors: r.actors.map(ref), regions: r.regions.map(ref) }), storyId: `key-${id}` };
}

async function openStore() {
  return ArticleStore.open({ url: 'memory://', regionAncestors: (id) => catalog.regionAncestors(id) });
}

describe('createStoryAssigner', () => {
  it.each(fixture.pairs.map((p) => [p.same ? 'joins' : 'stays apart', p.note, p] as const))('%s: %s', async (_kind, _note, pair) => {
    const store = await openStore();
    const assign = createStoryAssigner(store, (id) => catalog.regionAncestors(id));
    await store.upsert(await assign([article('first', 'wire', pair.a)]));
    const [second] = await assign([article('second', 'other-feed', pair.b)]);
    expect(second?.storyId).toBe(pair.same ? 'key-first' : 'key-second');
    await store.close();
  });

  it('keeps the stored story of an article fetched again, and clusters within one batch', async () => {
    const store = await openStore();
    const assign = createStoryAssigner(store, (id) => catalog.regionAncestors(id));
    const pair = fixture.pairs.find((p) => p.same)!;
    const batch = await assign([article('y', 'f2', pair.b), article('x', 'f1', pair.a)]);
    const byId = Object.fromEntries(batch.map((a) => [a.id, a.storyId]));
    expect(byId['y']).toBe(byId['x']);
    expect(batch.map((a) => a.id)).toEqual(['y', 'x']);
    await store.upsert(batch);
    const [again] = await assign([{ ...article('y', 'f2', pair.b), storyId: 'key-new' }]);
    expect(again?.storyId).toBe(byId['y']);
    await store.close();
  });
});
