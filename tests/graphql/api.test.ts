/**
 * The GraphQL API end to end through Apollo Server over the fake store and catalog: filters and
 * their AND/OR semantics, widening, pagination, errors and their codes, entity and feed fields,
 * body batching, auth, masking.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArticle, makeServices } from './fakes.ts';
import { startHarness, type Result } from './harness.ts';

let harness: Awaited<ReturnType<typeof startHarness>>;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.apollo.stop();
});

const IDS = `query($filter: ArticleFilter, $first: Int, $after: String) {
  articles(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id } }
  }
}`;

async function ids(filter: Record<string, unknown> | undefined, world = makeServices()): Promise<string[]> {
  const result = await harness.run(world.services, IDS, { filter });
  expect(result.errors).toBeUndefined();
  return result.data?.articles.edges.map((e: { node: { id: string } }) => e.node.id);
}

function firstError(result: Result) {
  expect(result.errors?.length, JSON.stringify(result)).toBeGreaterThan(0);
  return result.errors![0]!;
}

describe('articles filters', () => {
  it.each([
    ['no filter: everything, newest first, ties by id desc', undefined, ['a6', 'a5', 'a4', 'a3', 'a2', 'a1']],
    ['OR within actors', { actors: ['kataib-hizbullah', 'harakat-al-nujaba'] }, ['a3', 'a1']],
    ['AND across actors and regions', { actors: ['kataib-hizbullah'], regions: ['IQ'] }, ['a1']],
    ['AND across with no overlap', { actors: ['kataib-hizbullah'], regions: ['SY'] }, []],
    ['region includes descendants (IQ finds Baghdad and Jurf al-Sakhr)', { regions: ['IQ'] }, ['a5', 'a3', 'a2', 'a1']],
    ['macro-region includes countries', { regions: ['MIDDLE_EAST'] }, ['a6', 'a5', 'a4', 'a3', 'a2', 'a1']],
    ['macro-region membership (GULF has IQ and IR)', { regions: ['GULF'] }, ['a5', 'a3', 'a2', 'a1']],
    ['topic includes sub-topics', { topics: ['security'] }, ['a6', 'a4', 'a3', 'a2', 'a1']],
    ['leaf topic', { topics: ['drone-strike'] }, ['a4', 'a1']],
    ['sources', { sources: ['shafaq-ar', 'yemen-monitor'] }, ['a6', 'a2']],
    ['languages, case-folded', { languages: ['AR'] }, ['a2']],
    ['from/to inclusive', { from: '2024-05-03T12:00:00Z', to: '2024-05-04T09:00:00Z' }, ['a5', 'a4', 'a3']],
    ['from with an offset', { from: '2024-05-04T12:00:00+03:00' }, ['a6', 'a5']],
    ['search by prefix (starred)', { search: 'hizb*' }, ['a1']],
    ['search terms all required', { search: 'drones syria' }, ['a4']],
    ['search in Arabic', { search: 'المقاومة' }, ['a2']],
    ['empty lists mean no constraint', { actors: [], regions: [] }, ['a6', 'a5', 'a4', 'a3', 'a2', 'a1']],
  ])('%s', async (_name, filter, expected) => {
    expect(await ids(filter)).toEqual(expected);
  });

  it('includeAffiliates widens an actor to its affiliates, both ways, two hops', async () => {
    const world = makeServices();
    expect(await ids({ actors: ['kataib-hizbullah'] }, world)).toEqual(['a1']);
    expect(await ids({ actors: ['kataib-hizbullah'], includeAffiliates: true }, world)).toEqual(['a3', 'a2', 'a1']);
    const widened = world.store.queries.at(-1)?.actors ?? [];
    expect([...widened].sort()).toEqual(
      ['axis-of-resistance', 'harakat-al-nujaba', 'irgc-quds-force', 'islamic-resistance-in-iraq', 'kataib-hizbullah'].sort(),
    );
  });

  it('counts every match in totalCount, not just the page', async () => {
    const result = await harness.run(makeServices().services, IDS, { filter: { regions: ['IQ'] }, first: 1 });
    expect(result.data?.articles.totalCount).toBe(4);
    expect(result.data?.articles.edges).toHaveLength(1);
  });
});

describe('articles pagination', () => {
  it('pages with cursors to the end, and a cursor stays valid while articles are added', async () => {
    const world = makeServices();
    const page1 = (await harness.run(world.services, IDS, { first: 2 })).data?.articles;
    expect(page1.edges.map((e: any) => e.node.id)).toEqual(['a6', 'a5']);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page1.pageInfo.endCursor).toBe(page1.edges[1].cursor);
    expect(page1.pageInfo.startCursor).toBe(page1.edges[0].cursor);

    world.store.put(makeArticle({ id: 'a7', feedId: 'wire', title: 'Newer', publishedAt: '2024-06-01T00:00:00Z' }));
    const page2 = (await harness.run(world.services, IDS, { first: 2, after: page1.pageInfo.endCursor })).data?.articles;
    expect(page2.edges.map((e: any) => e.node.id)).toEqual(['a4', 'a3']);
    expect(page2.pageInfo.hasPreviousPage).toBe(true);
    expect(page2.totalCount).toBe(7);

    const page3 = (await harness.run(world.services, IDS, { first: 2, after: page2.pageInfo.endCursor })).data?.articles;
    expect(page3.edges.map((e: any) => e.node.id)).toEqual(['a2', 'a1']);
    expect(page3.pageInfo.hasNextPage).toBe(false);
  });

  it('an empty page has null cursors', async () => {
    const result = await harness.run(makeServices().services, IDS, { filter: { regions: ['YE'], languages: ['fa'] } });
    expect(result.data?.articles).toMatchObject({ totalCount: 0, edges: [], pageInfo: { startCursor: null, endCursor: null, hasNextPage: false } });
  });
});

describe('bad input', () => {
  it.each([
    ['first above the cap', { first: 101 }, /between 1 and 100; got 101.*after: pageInfo.endCursor/],
    ['first zero', { first: 0 }, /between 1 and 100; got 0/],
    ['a cursor that is not ours', { after: 'not-a-cursor' }, /not one that `articles` gave out.*endCursor/],
    ['base64 of something else', { after: Buffer.from('{"x":1}').toString('base64url') }, /not one that `articles` gave out/],
    ['unknown actor, with a suggestion', { filter: { actors: ['kataib-hezbollah'] } }, /actors "kataib-hezbollah" \(did you mean "kataib-hizbullah"/],
    ['region id in the wrong case', { filter: { regions: ['iq'] } }, /regions "iq" \(did you mean "IQ"/],
    ['unknown topic', { filter: { topics: ['drone-strikes'] } }, /topics "drone-strikes" \(did you mean "drone-strike"/],
    ['unknown source', { filter: { sources: ['wires'] } }, /sources "wires" \(did you mean "wire"/],
    ['language name instead of code', { filter: { languages: ['english'] } }, /ISO 639-1 codes of two letters.*"english"/],
    ['from after to', { filter: { from: '2024-05-05T00:00:00Z', to: '2024-05-01T00:00:00Z' } }, /is after `filter.to`.*Swap them/],
    ['a date that is not one', { filter: { from: 'yesterday' } }, /"yesterday" is not a DateTime\. Send an RFC 3339 date-time/],
    ['a date without a time', { filter: { to: '2024-05-01' } }, /"2024-05-01" is not a DateTime/],
    ['a search that is a paragraph', { filter: { search: 'x'.repeat(201) } }, /send at most 200/],
  ])('%s → BAD_USER_INPUT saying what to send', async (_name, variables, message) => {
    const error = firstError(await harness.run(makeServices().services, IDS, variables));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(message);
  });

  it('a bad date written in the query itself is BAD_USER_INPUT too', async () => {
    const query = '{ articles(filter: { from: "last week" }) { totalCount } }';
    const error = firstError(await harness.run(makeServices().services, query));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/"last week" is not a DateTime/);
  });

  it('lists every unknown id at once, with structured details', async () => {
    const error = firstError(
      await harness.run(makeServices().services, IDS, { filter: { actors: ['nope-one'], regions: ['Iraq'] } }),
    );
    expect(error.message).toMatch(/actors "nope-one".*regions "Iraq" \(did you mean "IQ"/);
    expect(error.extensions?.details.unknown).toMatchObject([
      { field: 'actors', id: 'nope-one', suggestions: [] },
      { field: 'regions', id: 'Iraq' },
    ]);
    expect(error.extensions?.details.unknown[1].suggestions[0]).toBe('IQ');
  });

  it('a cursor of another list is refused', async () => {
    const world = makeServices();
    const actors = await harness.run(world.services, '{ actors(first: 1) { pageInfo { endCursor } } }');
    const cursor = actors.data?.actors.pageInfo.endCursor;
    const error = firstError(await harness.run(world.services, IDS, { after: cursor }));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('article', () => {
  const FULL = `query($id: ID!) { article(id: $id) {
    id guid url title summary authors publishedAt updatedAt fetchedAt dateSource language tags imageUrl storyId
    content contentHtml translatorNotes comments
    source { id title url }
    actors { actor { id name } mentions salience evidence { field alias start end snippet } }
    regions { region { id name } mentions evidence { field alias } }
    topics { topic { id label } mentions }
  } }`;

  it('returns every field, the body parts kept apart', async () => {
    const result = await harness.run(makeServices().services, FULL, { id: 'a2' });
    expect(result.errors).toBeUndefined();
    const a = result.data?.article;
    expect(a).toMatchObject({
      id: 'a2',
      guid: 'urn:a2',
      publishedAt: '2024-05-02T10:30:00.000Z',
      dateSource: 'FEED',
      language: 'ar',
      translatorNotes: ['[TN: the statement did not name the base]'],
      comments: ['Reader: God protect Iraq'],
      source: { id: 'shafaq-ar', title: 'shafaq-ar', url: 'https://ar.example/feed' },
      actors: [{ actor: { id: 'islamic-resistance-in-iraq', name: 'Islamic Resistance in Iraq' }, mentions: 1, salience: 0.9 }],
      regions: [{ region: { id: 'IQ', name: 'Iraq' }, mentions: 1 }],
      topics: [{ topic: { id: 'armed-attack', label: 'Armed attack' }, mentions: 1 }],
    });
    expect(a.contentHtml).toMatch(/^<p>/);
  });

  it('gives evidence with offsets into the content', async () => {
    const result = await harness.run(makeServices().services, FULL, { id: 'a1' });
    const [actor] = result.data?.article.actors;
    const [evidence] = actor.evidence;
    expect(evidence).toMatchObject({ field: 'CONTENT', alias: "Kata'ib Hizbullah" });
    expect(result.data?.article.content.slice(evidence.start, evidence.end)).toBe("Kata'ib Hizbullah");
  });

  it('keeps the source of an article whose feed was removed from feeds.json', async () => {
    const world = makeServices();
    world.store.put(makeArticle({ id: 'orphan', feedId: 'closed-outlet', title: 'From a feed no longer configured', publishedAt: '2024-04-01T00:00:00Z' }));
    const result = await harness.run(world.services, '{ article(id: "orphan") { source { id title url status enabled articleCount } } }');
    expect(result.data?.article.source).toEqual({ id: 'closed-outlet', title: 'closed-outlet', url: null, status: 'DISABLED', enabled: false, articleCount: 1 });
    expect(await ids({ sources: ['closed-outlet'] }, world)).toEqual(['orphan']);
  });

  it('answers null, not an error, for an unknown id', async () => {
    const result = await harness.run(makeServices().services, FULL, { id: 'no-such-article' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.article).toBeNull();
  });
});

describe('bodies through the per-request loader', () => {
  it('loads the bodies of a whole page in one batch, evidence included', async () => {
    const world = makeServices();
    const query = '{ articles(first: 6) { edges { node { id content comments actors { evidence { alias } } } } } }';
    const result = await harness.run(world.services, query);
    expect(result.errors).toBeUndefined();
    expect(world.store.bodyCalls).toEqual([['a6', 'a5', 'a4', 'a3', 'a2', 'a1']]);
  });

  it('does not touch the body store when no body field is asked', async () => {
    const world = makeServices();
    await harness.run(world.services, '{ articles { edges { node { id title actors { actor { id } mentions } } } } }');
    expect(world.store.bodyCalls).toEqual([]);
  });

  it('does not share loader caches between requests', async () => {
    const world = makeServices();
    await harness.run(world.services, '{ article(id: "a1") { content } }');
    await harness.run(world.services, '{ article(id: "a1") { content } }');
    expect(world.store.bodyCalls).toHaveLength(2);
  });
});

describe('actors, regions, topics', () => {
  it('actor(id) shows aliases, affiliations both ways, countries, counts and recent articles', async () => {
    const query = `{ actor(id: "islamic-resistance-in-iraq") {
      id name kind aliases
      affiliations { relation direction actor { id } }
      countries { id }
      articleCount
      articles(first: 5) { totalCount edges { node { id } } }
    } }`;
    const result = await harness.run(makeServices().services, query);
    expect(result.errors).toBeUndefined();
    const actor = result.data?.actor;
    expect(actor).toMatchObject({ kind: 'ARMED_GROUP', countries: [{ id: 'IQ' }], articleCount: 1 });
    expect(actor.affiliations).toEqual([
      { relation: 'PART_OF', direction: 'OUTGOING', actor: { id: 'axis-of-resistance' } },
      { relation: 'MEMBER_OF', direction: 'INCOMING', actor: { id: 'kataib-hizbullah' } },
      { relation: 'MEMBER_OF', direction: 'INCOMING', actor: { id: 'harakat-al-nujaba' } },
    ]);
    expect(actor.articles.edges.map((e: any) => e.node.id)).toEqual(['a2']);
    expect((await harness.run(makeServices().services, '{ actor(id: "nobody") { id } }')).data?.actor).toBeNull();
  });

  it('actors(search) finds by any alias, best first, and filters by kind', async () => {
    const world = makeServices();
    const search = async (args: string) =>
      (await harness.run(world.services, `{ actors(${args}) { totalCount edges { node { id } } } }`)).data?.actors;
    expect((await search('search: "Hezbollah"')).edges[0].node.id).toBe('kataib-hizbullah');
    expect((await search('search: "كتائب حزب الله"')).edges.map((e: any) => e.node.id)).toEqual(['kataib-hizbullah']);
    expect((await search('kind: MILITARY')).edges.map((e: any) => e.node.id)).toEqual(['irgc-quds-force', 'us-centcom']);
  });

  it('actors pages by name with cursors', async () => {
    const world = makeServices();
    const q = 'query($after: String) { actors(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }';
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page: any = (await harness.run(world.services, q, { after })).data?.actors;
      seen.push(...page.edges.map((e: any) => e.node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Ansar Allah', 'Axis of Resistance', 'Harakat al-Nujaba', 'IRGC Quds Force', 'Islamic Resistance in Iraq', "Kata'ib Hizbullah", 'US Central Command']);
  });

  it('regions show the tree and count articles under them', async () => {
    const query = `{
      iq: region(id: "IQ") { name kind parent { id } memberOf { id } children { id } articleCount }
      baghdad: region(id: "IQ/baghdad") { lat lon countryCode parent { id parent { id } } articleCount }
      search: regions(search: "بغداد") { edges { node { id } } }
      countries: regions(kind: COUNTRY, first: 2) { totalCount edges { node { id } } }
    }`;
    const result = await harness.run(makeServices().services, query);
    expect(result.errors).toBeUndefined();
    expect(result.data?.iq).toEqual({
      name: 'Iraq',
      kind: 'COUNTRY',
      parent: { id: 'MIDDLE_EAST' },
      memberOf: [{ id: 'GULF' }],
      children: [{ id: 'IQ-BG' }, { id: 'IQ/jurf-al-sakhr' }],
      articleCount: 4,
    });
    expect(result.data?.baghdad).toEqual({ lat: 33.3152, lon: 44.3661, countryCode: 'IQ', parent: { id: 'IQ-BG', parent: { id: 'IQ' } }, articleCount: 2 });
    expect(result.data?.search.edges).toEqual([{ node: { id: 'IQ/baghdad' } }]);
    expect(result.data?.countries).toEqual({ totalCount: 4, edges: [{ node: { id: 'IR' } }, { node: { id: 'IQ' } }] });
  });

  it('topics list the taxonomy with counts and children', async () => {
    const result = await harness.run(makeServices().services, '{ topics { id articleCount parent { id } children { id } } topic(id: "armed-attack") { label } }');
    expect(result.data?.topics).toEqual([
      // Counts include sub-topics, as a filter on the topic does.
      { id: 'security', articleCount: 5, parent: null, children: [{ id: 'armed-attack' }] },
      { id: 'armed-attack', articleCount: 4, parent: { id: 'security' }, children: [{ id: 'drone-strike' }] },
      { id: 'drone-strike', articleCount: 2, parent: { id: 'armed-attack' }, children: [] },
      { id: 'diplomacy', articleCount: 1, parent: null, children: [] },
    ]);
    expect(result.data?.topic).toEqual({ label: 'Armed attack' });
  });
});

describe('feeds', () => {
  const FEEDS = `{ feeds { id title url enabled intervalMinutes language tags regions status lastFetchAt lastSuccessAt lastStatus
    lastError { code message at } consecutiveFailures nextFetchAt redirects { from to status permanent } warnings siteUrl format articleCount } }`;

  it('shows each feed\'s health from its stored state', async () => {
    const world = makeServices();
    await world.store.putFeedState({
      feedId: 'wire', consecutiveFailures: 0, lastFetchAt: '2024-05-05T10:00:00Z', lastSuccessAt: '2024-05-05T10:00:00Z',
      lastStatus: 304, nextFetchAt: '2024-05-05T10:15:00Z', title: 'Wire (own title)', siteUrl: 'https://wire.example/',
      format: 'rss2.0', warnings: ['item 3: unparseable date "Mon, 32 May"'],
      redirects: [{ from: 'http://wire.example/rss', to: 'https://wire.example/rss', status: 301, permanent: true }],
    });
    await world.store.putFeedState({
      feedId: 'shafaq-ar', consecutiveFailures: 4, lastFetchAt: '2024-05-05T10:00:00Z', lastSuccessAt: '2024-05-04T08:00:00Z',
      lastStatus: 503, nextFetchAt: '2024-05-05T12:00:00Z', redirects: [], warnings: [],
      lastError: { code: 'FETCH_HTTP_STATUS', message: 'https://ar.example/feed answered 503 Service Unavailable', at: '2024-05-05T10:00:00Z' },
    });
    const result = await harness.run(world.services, FEEDS);
    expect(result.errors).toBeUndefined();
    const [wire, shafaq, yemen] = result.data?.feeds;
    expect(wire).toMatchObject({
      id: 'wire', title: 'Regional Wire', status: 'OK', lastStatus: 304, consecutiveFailures: 0, language: 'en', tags: ['wire'],
      siteUrl: 'https://wire.example/', format: 'rss2.0', articleCount: 4, nextFetchAt: '2024-05-05T10:15:00.000Z',
      redirects: [{ from: 'http://wire.example/rss', to: 'https://wire.example/rss', status: 301, permanent: true }],
      warnings: ['item 3: unparseable date "Mon, 32 May"'], lastError: null,
    });
    expect(shafaq).toMatchObject({
      status: 'BACKING_OFF', consecutiveFailures: 4, lastStatus: 503, regions: ['IQ'], articleCount: 1,
      lastError: { code: 'FETCH_HTTP_STATUS', message: 'https://ar.example/feed answered 503 Service Unavailable', at: '2024-05-05T10:00:00.000Z' },
    });
    expect(yemen).toMatchObject({ status: 'DISABLED', enabled: false, lastFetchAt: null, consecutiveFailures: 0, articleCount: 1 });
  });

  it('reads the feeds\' states in one batch per request', async () => {
    const world = makeServices();
    const asked: string[][] = [];
    const original = world.store.getFeedStates.bind(world.store);
    world.store.getFeedStates = async (ids) => {
      asked.push([...ids]);
      return original(ids);
    };
    await harness.run(world.services, '{ articles { edges { node { source { title status lastFetchAt } } } } }');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.sort()).toHaveLength(3); // three feeds among six articles, each asked once
  });

  it('feed(id) answers null for an unknown feed', async () => {
    const result = await harness.run(makeServices().services, '{ feed(id: "wire") { id status } none: feed(id: "nope") { id } }');
    expect(result.data).toEqual({ feed: { id: 'wire', status: 'NEW' }, none: null });
  });
});

describe('refreshFeed', () => {
  const REFRESH = 'mutation($id: ID!) { refreshFeed(id: $id) { status added updated error feed { id lastStatus } } }';

  it('is refused when the server has no ADMIN_TOKEN', async () => {
    const world = makeServices();
    const error = firstError(await harness.run(world.services, REFRESH, { id: 'wire' }, 'Bearer anything'));
    expect(error.extensions?.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(/server has no ADMIN_TOKEN/);
    expect(world.refreshed).toEqual([]);
  });

  it.each([
    ['no header', undefined, /had no Authorization header/],
    ['a wrong token', 'Bearer wrong', /not the one configured/],
    ['the token without Bearer', 's3cret-token', /not the one configured/],
  ])('is refused with %s', async (_name, authorization, message) => {
    const world = makeServices({ adminToken: 's3cret-token' });
    const error = firstError(await harness.run(world.services, REFRESH, { id: 'wire' }, authorization));
    expect(error.extensions?.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(message);
    expect(world.refreshed).toEqual([]);
  });

  it('refreshes with the token and shows the state after the refresh', async () => {
    const world = makeServices({
      adminToken: 's3cret-token',
      refresh: async (id) => {
        await world.store.putFeedState({ feedId: id, consecutiveFailures: 0, lastStatus: 200, lastFetchAt: '2024-05-06T00:00:00Z', redirects: [], warnings: [] });
        return { status: 'modified', added: 3, updated: 1 };
      },
    });
    const result = await harness.run(world.services, REFRESH, { id: 'wire' }, 'Bearer s3cret-token');
    expect(result.errors).toBeUndefined();
    expect(result.data?.refreshFeed).toEqual({ status: 'modified', added: 3, updated: 1, error: null, feed: { id: 'wire', lastStatus: 200 } });
    expect(world.refreshed).toEqual(['wire']);
  });

  it('names an unknown feed and suggests one', async () => {
    const world = makeServices({ adminToken: 't' });
    const error = firstError(await harness.run(world.services, REFRESH, { id: 'wier' }, 'Bearer t'));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/No configured feed has the id "wier" \(did you mean "wire"\?\)/);
  });
});

describe('unexpected errors', () => {
  it('are masked as INTERNAL_SERVER_ERROR and logged with the original', async () => {
    const world = makeServices();
    world.store.failBodiesWith = new Error('SQLITE_CORRUPT: database disk image is malformed at /var/lib/newsgate/secret.sqlite');
    const before = harness.logged.length;
    const result = await harness.run(world.services, '{ article(id: "a1") { title content } }');
    const error = firstError(result);
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(error.message).toBe('Internal server error');
    expect(JSON.stringify(result)).not.toMatch(/secret|SQLITE/);
    expect(result.data).toEqual({ article: null }); // content is non-null, so the null goes up to the nullable article
    const logged = harness.logged.slice(before);
    expect(logged).toHaveLength(1);
    expect(String((logged[0]!.obj as { err: Error }).err.message)).toMatch(/SQLITE_CORRUPT/);
  });

  it('leave Apollo\'s own request errors readable', async () => {
    const error = firstError(await harness.run(makeServices().services, '{ articles { nope } }'));
    expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toMatch(/Cannot query field "nope"/);
  });
});

describe('candidates', () => {
  it('answers an empty list when discovery is off', async () => {
    const result = await harness.run(makeServices().services, '{ candidates { name } }');
    expect(result.data?.candidates).toEqual([]);
  });

  it('lists the discovery service\'s names with their articles', async () => {
    const world = makeServices({
      candidates: [
        { name: 'Abu Fadak al-Mohammedawi', kind: 'PERSON', mentions: 5, articleCount: 2, articleIds: ['a2', 'a1'], lastSeenAt: '2024-05-02T10:30:00Z' },
        { name: 'Saraya Awliya al-Dam', kind: 'ORGANIZATION', mentions: 1, articleCount: 1, articleIds: ['gone'] },
      ],
    });
    const result = await harness.run(world.services, '{ candidates(minMentions: 2) { name kind mentions articleCount lastSeenAt articles { id } } }');
    expect(result.data?.candidates).toEqual([
      { name: 'Abu Fadak al-Mohammedawi', kind: 'PERSON', mentions: 5, articleCount: 2, lastSeenAt: '2024-05-02T10:30:00.000Z', articles: [{ id: 'a2' }, { id: 'a1' }] },
    ]);
    const error = firstError(await harness.run(world.services, '{ candidates(first: 1000) { name } }'));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
