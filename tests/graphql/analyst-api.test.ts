/**
 * The analyst API end to end through Apollo over a real SQLite store: the query language on
 * `articles` (boolean queries, errors with positions, did-you-mean), orders (FETCHED_DESC with
 * fetchedAfter, RELEVANCE), collapse by story, highlights, facets (each count equals the
 * totalCount of the narrowed filter, asked through the API), timelines (buckets add up), the
 * actor network and co-occurrence.
 */
import { describe, expect, it } from 'vitest';
import { ARTICLES, makeArticle } from './fakes.ts';
import type { Result } from './harness.ts';
import { useSqlGateway } from './analyst-services.ts';

const ref = (id: string) => ({ id, mentions: 1, salience: 0.5 });
/** Published a month before the others, ingested after all of them: what "since my last visit" must not miss. */
const LATE = {
  ...makeArticle({
    id: 'late',
    feedId: 'wire',
    title: 'Drone strike on Kataib Hizbullah convoy, report says',
    summary: 'A report published in April reached the wire late.',
    publishedAt: '2024-04-01T10:00:00Z',
    actors: [ref('kataib-hizbullah'), ref('us-centcom')],
    regions: [ref('IQ')],
    topics: [ref('drone-strike')],
  }),
  fetchedAt: '2024-05-06T09:00:00Z',
  storyId: 'story-a1',
};
const CORPUS = [...ARTICLES.map((a, i) => (i === 0 ? { ...a, actors: [...a.actors, ref('us-centcom')] } : a)), LATE];

const gateway = useSqlGateway(CORPUS);

const ARTICLES_Q = `query($filter: ArticleFilter, $query: String, $orderBy: ArticleOrder, $collapse: Collapse, $first: Int, $after: String) {
  articles(filter: $filter, query: $query, orderBy: $orderBy, collapse: $collapse, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id } }
  }
}`;

async function run(query: string, variables: Record<string, unknown> = {}): Promise<Result> {
  return gateway.run(query, variables);
}

async function ids(variables: Record<string, unknown>): Promise<string[]> {
  const result = await run(ARTICLES_Q, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data?.articles.edges.map((e: { node: { id: string } }) => e.node.id);
}

describe('articles(query)', () => {
  it.each([
    ['OR finds either', 'drone OR drones', ['late', 'a4', 'a1'].sort()],
    ['-word excludes', 'drone* -hizbullah', ['a4']],
    ['a phrase', '"drone strike"', ['late', 'a1'].sort()],
    ['an Arabic phrase through its proclitic', '"طائرة مسيرة"', ['a2']],
    ['field terms', 'affiliates:islamic-resistance-in-iraq region:IQ', ['late', 'a3', 'a2', 'a1'].sort()],
    ['a boolean question', '(topic:drone-strike OR actor:houthis) -region:SY published:>2024-04-30', ['a6', 'a1'].sort()],
  ])('%s: %s', async (_name, query, expected) => {
    expect((await ids({ query, first: 50 })).sort()).toEqual(expected);
  });

  it('is AND-ed with filter and counts every match', async () => {
    const result = await run(ARTICLES_Q, { query: 'drone*', filter: { sources: ['wire'] }, first: 1 });
    expect(result.data?.articles.totalCount).toBe(3);
    expect(result.data?.articles.pageInfo.hasNextPage).toBe(true);
  });

  it('refuses a broken query with its position and what was expected', async () => {
    const result = await run(ARTICLES_Q, { query: 'drone AND (rocket OR' });
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.details).toMatchObject({ position: 21, argument: 'query' });
    expect(error?.message).toMatch(/position 21: expected a word/);
    expect(result.data).toBeNull();
  });

  it('names unknown ids in a query with did-you-mean', async () => {
    const result = await run(ARTICLES_Q, { query: 'actor:kataib-hezbollah' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/did you mean "kataib-hizbullah"/);
  });
});

describe('orders, fetchedAfter, stories', () => {
  it('fetchedAfter with FETCHED_DESC finds an old article ingested late, first', async () => {
    expect(await ids({ filter: { fetchedAfter: '2024-05-05T20:00:00Z' }, orderBy: 'FETCHED_DESC' })).toEqual(['late']);
    const all = await ids({ orderBy: 'FETCHED_DESC', first: 3 });
    expect(all[0]).toBe('late');
  });

  it('pages FETCHED_DESC with its own cursors, and refuses them in another order', async () => {
    const first = await run(ARTICLES_Q, { orderBy: 'FETCHED_DESC', first: 4 });
    const cursor = first.data?.articles.pageInfo.endCursor;
    const rest = await ids({ orderBy: 'FETCHED_DESC', first: 50, after: cursor });
    expect([...first.data?.articles.edges.map((e: { node: { id: string } }) => e.node.id), ...rest].sort()).toEqual(CORPUS.map((a) => a.id).sort());
    const wrong = await run(ARTICLES_Q, { orderBy: 'PUBLISHED_DESC', after: cursor });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('RELEVANCE needs words, and pages by offset', async () => {
    const refused = await run(ARTICLES_Q, { orderBy: 'RELEVANCE', query: 'actor:houthis' });
    expect(refused.errors?.[0]?.message).toMatch(/RELEVANCE.*words/);
    const page1 = await run(ARTICLES_Q, { orderBy: 'RELEVANCE', query: 'drone OR strike OR convoy', first: 1 });
    const top = page1.data?.articles.edges[0].node.id;
    expect(top).toBe('late'); // the only one with all three words
    const rest = await ids({ orderBy: 'RELEVANCE', query: 'drone OR strike OR convoy', first: 10, after: page1.data?.articles.pageInfo.endCursor });
    expect(rest).not.toContain('late');
    expect(rest.length).toBe(page1.data?.articles.totalCount - 1);
  });

  it('collapse: STORY gives one article per story, and filter.stories lists a story', async () => {
    const collapsed = await run(ARTICLES_Q, { query: 'drone*', collapse: 'STORY' });
    expect(collapsed.data?.articles.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['a4', 'a1']);
    expect(collapsed.data?.articles.totalCount).toBe(2);
    expect((await ids({ filter: { stories: ['story-a1'] } })).sort()).toEqual(['a1', 'late']);
  });
});

describe('highlights', () => {
  it('returns the matching snippets with offsets into each field', async () => {
    const result = await run(`{ article(id: "a1") { title highlights(query: "\\"drone strike\\" OR baghdad") { field start end snippet } } }`);
    expect(result.errors).toBeUndefined();
    const { title, highlights } = result.data?.article;
    const inTitle = highlights.filter((h: { field: string }) => h.field === 'title');
    expect(inTitle.map((h: { start: number; end: number }) => title.slice(h.start, h.end))).toEqual(['drone strike', 'Baghdad']);
    expect(highlights.some((h: { field: string }) => h.field === 'content')).toBe(true);
  });
});

describe('facets, timeline, network', () => {
  const FACETS = `query($filter: ArticleFilter, $query: String) {
    facets(filter: $filter, query: $query, first: 20) {
      actors { actor { id } count }
      regions { region { id } count }
      topics { topic { id } count }
      sources { source { id } count }
      languages { language count }
    }
  }`;

  it('each facet count equals the totalCount of the filter narrowed by that value', async () => {
    const base = { from: '2024-04-01T00:00:00Z' };
    const query = 'drone* OR attack OR topic:security';
    const result = await run(FACETS, { filter: base, query });
    expect(result.errors).toBeUndefined();
    const f = result.data?.facets;
    const checks: [string, { count: number }[], (x: any) => Record<string, unknown>][] = [
      ['actors', f.actors, (x) => ({ actors: [x.actor.id] })],
      ['regions', f.regions, (x) => ({ regions: [x.region.id] })],
      ['topics', f.topics, (x) => ({ topics: [x.topic.id] })],
      ['sources', f.sources, (x) => ({ sources: [x.source.id] })],
      ['languages', f.languages, (x) => ({ languages: [x.language] })],
    ];
    for (const [name, values, narrow] of checks) {
      expect(values.length, name).toBeGreaterThan(0);
      for (const value of values) {
        const narrowed = await run(ARTICLES_Q, { filter: { ...base, ...narrow(value) }, query, first: 1 });
        expect(narrowed.data?.articles.totalCount, `${name} ${JSON.stringify(value)}`).toBe(value.count);
      }
    }
    expect(f.regions[0]).toEqual({ region: { id: 'MIDDLE_EAST' }, count: 6 });
  });

  it('timeline buckets cover the range, include empty days, and add up to totalCount', async () => {
    const result = await run(`{ timeline(filter: { from: "2024-04-30T00:00:00Z", to: "2024-05-06T23:59:59Z" }, query: "-lang:ar", interval: DAY, timezone: "Asia/Baghdad") { totalCount buckets { start count share } } }`);
    expect(result.errors).toBeUndefined();
    const { buckets, totalCount } = result.data?.timeline;
    expect(buckets[0].start).toBe('2024-04-29T21:00:00.000Z');
    expect(buckets).toHaveLength(8);
    expect(buckets.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(totalCount);
    expect(totalCount).toBe(5);
    expect(buckets.some((b: { count: number; share: number }) => b.count === 0 && b.share === 0)).toBe(true);
    // 2024-05-02 (Baghdad): only the Arabic article, excluded → count 0 over 1 article.
    expect(buckets.find((b: { start: string }) => b.start === '2024-05-01T21:00:00.000Z')).toEqual({ start: '2024-05-01T21:00:00.000Z', count: 0, share: 0 });
  });

  it('a bad time zone is refused', async () => {
    const result = await run(`{ timeline(timezone: "Mars/Olympus") { totalCount } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('actorNetwork pairs co-occurring actors with counts and scores; cooccurring lists partners', async () => {
    const result = await run(`{ actorNetwork(minCount: 1) { a { id } b { id } count score }
      actor(id: "kataib-hizbullah") { cooccurring { actor { id } count score } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.actorNetwork).toEqual([{ a: { id: 'kataib-hizbullah' }, b: { id: 'us-centcom' }, count: 2, score: expect.any(Number) }]);
    expect(result.data?.actor.cooccurring).toEqual([{ actor: { id: 'us-centcom' }, count: 2, score: expect.any(Number) }]);
    // Past the field's own bound (200) but cheap enough for the cost limit: the resolver says so.
    const tooMany = await run(`{ actorNetwork(first: 300) { count } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Far past it: the cost limit refuses the query before it runs.
    const bomb = await run(`{ actorNetwork(first: 100000) { a { id } b { id } count } }`);
    expect(bomb.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('stories', () => {
  it('story(id) summarises a story and lists its articles; Article.story points at it', async () => {
    const result = await run(`{ story(id: "story-a1") { id title firstSeenAt lastSeenAt articleCount sourceCount sources { id } articles(first: 10) { totalCount edges { node { id } } } }
      article(id: "late") { story { id articleCount } } missing: story(id: "nope") { id } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.story).toMatchObject({
      id: 'story-a1',
      title: LATE.title,
      firstSeenAt: '2024-04-01T10:00:00.000Z',
      lastSeenAt: '2024-05-01T08:00:00.000Z',
      articleCount: 2,
      sourceCount: 1,
      sources: [{ id: 'wire' }],
      articles: { totalCount: 2, edges: [{ node: { id: 'a1' } }, { node: { id: 'late' } }] },
    });
    expect(result.data?.article.story).toEqual({ id: 'story-a1', articleCount: 2 });
    expect(result.data?.missing).toBeNull();
  });
});
