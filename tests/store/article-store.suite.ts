/**
 * The behaviour every backend of ArticleStore must have, run against memory://, a temp SQLite
 * file and (when REDIS_URL is set) Redis. `newUrl()` returns a URL to an empty store each call.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArticleStore, type ArticleChange, type ArticleStoreOptions } from '../../src/store/article-store.ts';
import type { ArticleFilter } from '../../src/store/article-store.types.ts';
import type { ArticleMeta } from '../../src/model/article.ts';
import { emptyFeedState } from '../../src/model/feed.ts';
import { hoursAfterEpoch, makeArticle, regionAncestors } from './article-factory.ts';

export function describeArticleStore(backend: string, newUrl: () => string): void {
  describe(`ArticleStore on ${backend}`, () => {
    const opened: ArticleStore[] = [];
    const open = async (url: string, extra: Partial<ArticleStoreOptions> = {}) => {
      const store = await ArticleStore.open({ url, regionAncestors, ...extra });
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    /** Twelve articles over three feeds, two languages, a region tree and entities. */
    const corpus = () => [
      makeArticle({ id: 'a01', publishedAt: hoursAfterEpoch(1), feedId: 'shafaq-en', regions: ['IQ/baghdad'], actors: ['kataib-hizbullah'], topics: ['drone-strike'] }),
      makeArticle({ id: 'a02', publishedAt: hoursAfterEpoch(2), feedId: 'shafaq-en', regions: ['IQ/jurf-al-sakhr'], actors: ['kataib-hizbullah', 'pmf'], topics: ['drone-strike', 'casualties'] }),
      makeArticle({ id: 'a03', publishedAt: hoursAfterEpoch(3), feedId: 'alsumaria-ar', language: 'ar', regions: ['IQ'], actors: ['pmf'], topics: ['statement'],
        title: 'الحشد الشعبي يصدر بياناً بشأن الهجوم', summary: 'أصدرت هيئة الحشد الشعبي بياناً حول استهداف موقع في جرف الصخر', tags: ['أمن'] }),
      makeArticle({ id: 'a04', publishedAt: hoursAfterEpoch(4), feedId: 'enab-en', regions: ['SY/deir-ez-zor'], actors: ['sdf'], topics: ['clashes'],
        title: 'SDF clashes with tribal fighters east of Deir ez-Zor', summary: 'Fighting continued for a second day in the Euphrates valley.' }),
      makeArticle({ id: 'a05', publishedAt: hoursAfterEpoch(5), feedId: 'enab-en', regions: ['SY'], actors: ['us-centcom'], topics: ['airstrike'],
        title: 'CENTCOM says it struck weapons depot in Syria', summary: 'US Central Command said the strike targeted an IRGC-linked depot.' }),
      makeArticle({ id: 'a06', publishedAt: hoursAfterEpoch(6), feedId: 'naharnet', regions: ['LB/beirut'], actors: ['hezbollah'], topics: ['statement'],
        title: 'Hezbollah statement on southern border', summary: 'The group said it would respond to any attack.' }),
      makeArticle({ id: 'a07', publishedAt: hoursAfterEpoch(7), feedId: 'shafaq-en', regions: ['IQ/baghdad'], actors: ['asaib-ahl-al-haq'], topics: ['statement'],
        title: "Asa'ib Ahl al-Haq denies involvement in Baghdad rocket attack", summary: 'Qais al-Khazali said the group had no role.' }),
      makeArticle({ id: 'a08', publishedAt: hoursAfterEpoch(8), feedId: 'alsumaria-ar', language: 'ar', regions: ['IQ/baghdad'], actors: ['kataib-hizbullah'], topics: ['drone-strike'],
        title: 'طائرة مسيرة تستهدف عجلة في بغداد', summary: 'استهدفت طائرة مسيرة عجلة تابعة لكتائب حزب الله', tags: ['أمن', 'بغداد'] }),
      makeArticle({ id: 'a09', publishedAt: hoursAfterEpoch(9), feedId: 'naharnet', regions: ['LB'], actors: ['lebanese-army'], topics: ['deployment'],
        title: 'Lebanese army deploys south of the Litani', summary: 'Troops moved into positions near the border.' }),
      makeArticle({ id: 'a10', publishedAt: hoursAfterEpoch(10), feedId: 'enab-en', regions: ['SY/deir-ez-zor', 'IQ'], actors: ['sdf', 'pmf'], topics: ['border'],
        title: 'Border crossing at Al-Qaim reopens', summary: 'Iraqi and Syrian officials met at the crossing.' }),
      makeArticle({ id: 'a11', publishedAt: hoursAfterEpoch(10), feedId: 'shafaq-en', regions: ['IQ-BG'], actors: [], topics: ['protest'],
        title: 'Protesters gather in Tahrir Square', summary: 'Demonstrators demanded jobs and services.' }),
      makeArticle({ id: 'a12', publishedAt: hoursAfterEpoch(12), feedId: 'shafaq-en', language: null, regions: [], actors: ['kataib-hizbullah'], topics: [],
        title: 'Kataib Hezbollah commander killed', summary: 'A senior commander was killed in a strike west of Baghdad.' }),
    ];
    const ids = (items: readonly ArticleMeta[]) => items.map((m) => m.id);
    const seeded = async (extra: Partial<ArticleStoreOptions> = {}) => {
      const url = newUrl();
      const store = await open(url, extra);
      await store.upsert(corpus());
      return { store, url };
    };

    it('adds new articles, leaves unchanged ones alone and updates changed ones, never duplicating', async () => {
      const store = await open(newUrl());
      const first = await store.upsert(corpus());
      expect(first.added).toHaveLength(12);
      expect(first.unchanged).toBe(0);
      const again = await store.upsert(corpus());
      expect(again).toEqual({ added: [], updated: [], unchanged: 12 });
      const edited = makeArticle({ id: 'a07', publishedAt: hoursAfterEpoch(7), feedId: 'shafaq-en', regions: ['IQ/baghdad'], actors: ['asaib-ahl-al-haq'], topics: ['statement'],
        title: "Asa'ib Ahl al-Haq denies involvement in Baghdad rocket attack (updated)", summary: 'Qais al-Khazali said the group had no role.' });
      const third = await store.upsert([edited]);
      expect(ids(third.updated)).toEqual(['a07']);
      expect(third.added).toEqual([]);
      expect(store.size()).toBe(12);
      expect(store.get('a07')?.title).toContain('(updated)');
      expect(store.query({}, 100).totalCount).toBe(12);
    });

    it('keeps the last of two copies of one id in the same batch', async () => {
      const store = await open(newUrl());
      const r = await store.upsert([
        makeArticle({ id: 'dup', title: 'First version' }),
        makeArticle({ id: 'dup', title: 'Second version' }),
      ]);
      expect(ids(r.added)).toEqual(['dup']);
      expect(store.size()).toBe(1);
      expect(store.get('dup')?.title).toBe('Second version');
    });

    it('does not store an article whose publishedAt is not a date, and stores the rest of the batch', async () => {
      const store = await open(newUrl());
      const r = await store.upsert([makeArticle({ id: 'bad', publishedAt: 'yesterday' }), makeArticle({ id: 'good' })]);
      expect(ids(r.added)).toEqual(['good']);
      expect(store.get('bad')).toBeUndefined();
      expect(await store.getBodies(['bad'])).toEqual([undefined]);
    });

    it('moves an updated article to its new date in every index, removing old postings', async () => {
      const { store } = await seeded();
      const moved = makeArticle({ id: 'a01', publishedAt: hoursAfterEpoch(20), feedId: 'naharnet', regions: ['LB'], actors: ['hezbollah'], topics: ['statement'], title: 'Moved' });
      await store.upsert([moved]);
      expect(ids(store.query({}, 1).items)).toEqual(['a01']);
      expect(ids(store.query({ actors: ['kataib-hizbullah'] }, 100).items)).toEqual(['a12', 'a08', 'a02']);
      expect(ids(store.query({ regions: ['IQ/baghdad'] }, 100).items)).toEqual(['a08', 'a07']);
      expect(store.count('sources', 'shafaq-en')).toBe(4);
      expect(store.count('sources', 'naharnet')).toBe(3);
      expect(store.count('topics', 'drone-strike')).toBe(2);
    });

    const cases: Array<[string, ArticleFilter, string[]]> = [
      ['no filter: newest first, ties by id desc', {}, ['a12', 'a11', 'a10', 'a09', 'a08', 'a07', 'a06', 'a05', 'a04', 'a03', 'a02', 'a01']],
      ['one topic', { topics: ['drone-strike'] }, ['a08', 'a02', 'a01']],
      ['two topics are OR', { topics: ['drone-strike', 'statement'] }, ['a08', 'a07', 'a06', 'a03', 'a02', 'a01']],
      ['one actor', { actors: ['pmf'] }, ['a10', 'a03', 'a02']],
      ['two actors are OR, an article with both once', { actors: ['pmf', 'kataib-hizbullah'] }, ['a12', 'a10', 'a08', 'a03', 'a02', 'a01']],
      ['region IQ finds cities, subdivisions and the country', { regions: ['IQ'] }, ['a11', 'a10', 'a08', 'a07', 'a03', 'a02', 'a01']],
      ['region subdivision finds its city', { regions: ['IQ-BG'] }, ['a11', 'a08', 'a07', 'a01']],
      ['macro-region finds members and their cities', { regions: ['LEVANT'] }, ['a10', 'a09', 'a06', 'a05', 'a04']],
      ['MIDDLE_EAST finds every article with a region', { regions: ['MIDDLE_EAST'] }, ['a11', 'a10', 'a09', 'a08', 'a07', 'a06', 'a05', 'a04', 'a03', 'a02', 'a01']],
      ['a city does not find its country-level articles', { regions: ['IQ/baghdad'] }, ['a08', 'a07', 'a01']],
      ['source', { sources: ['naharnet'] }, ['a09', 'a06']],
      ['two sources', { sources: ['naharnet', 'alsumaria-ar'] }, ['a09', 'a08', 'a06', 'a03']],
      ['language', { languages: ['ar'] }, ['a08', 'a03']],
      ['from and to are inclusive', { from: hoursAfterEpoch(4), to: hoursAfterEpoch(7) }, ['a07', 'a06', 'a05', 'a04']],
      ['from only', { from: hoursAfterEpoch(10) }, ['a12', 'a11', 'a10']],
      ['to only', { to: hoursAfterEpoch(2) }, ['a02', 'a01']],
      ['from after to is empty', { from: hoursAfterEpoch(8), to: hoursAfterEpoch(4) }, []],
      ['AND across fields: actor and region', { actors: ['kataib-hizbullah'], regions: ['IQ-BG'] }, ['a08', 'a01']],
      ['AND across fields: topic, source and dates', { topics: ['drone-strike', 'statement'], sources: ['shafaq-en'], from: hoursAfterEpoch(2) }, ['a07', 'a02']],
      ['AND with OR inside: regions and languages', { regions: ['IQ', 'LB'], languages: ['ar'] }, ['a08', 'a03']],
      ['unknown id matches nothing', { actors: ['no-such-actor'] }, []],
      ['unknown id AND known field matches nothing', { actors: ['no-such-actor'], regions: ['IQ'] }, []],
      ['empty lists are no constraint', { actors: [], topics: [] }, ['a12', 'a11', 'a10', 'a09', 'a08', 'a07', 'a06', 'a05', 'a04', 'a03', 'a02', 'a01']],
      ['search a word in titles and summaries', { search: 'Hezbollah' }, ['a12', 'a06', 'a02', 'a01']],
      ['search by prefix', { search: 'Deir' }, ['a04']],
      ['search tolerates a typo in a long word', { search: 'Khazaly' }, ['a07']],
      ['search words are AND', { search: 'border crossing' }, ['a10']],
      ['search Arabic, with alef and ta marbuta variants folded', { search: 'مسيره' }, ['a08']],
      ['search in tags', { search: 'بغداد' }, ['a08']],
      ['search AND actor', { search: 'strike', actors: ['kataib-hizbullah'] }, ['a12', 'a02', 'a01']],
    ];
    it.each(cases)('query: %s', async (_name, filter, expected) => {
      const { store } = await seeded();
      const page = store.query(filter, 100);
      expect(ids(page.items)).toEqual(expected);
      expect(page.totalCount).toBe(expected.length);
      expect(page.hasNextPage).toBe(false);
    });

    it('a repeated search sees articles added, changed and removed in between', async () => {
      const { store } = await seeded({ retention: { maxArticlesPerFeed: 10 } });
      const search = (text: string) => ids(store.query({ search: text }, 100).items);
      expect(search('Litani')).toEqual(['a09']);
      expect(search('Litani')).toEqual(['a09']); // served again (cached)
      await store.upsert([makeArticle({ id: 'l2', feedId: 'naharnet', publishedAt: hoursAfterEpoch(11), title: 'UNIFIL patrol near the Litani' })]);
      expect(search('Litani')).toEqual(['l2', 'a09']);
      await store.upsert([makeArticle({ id: 'l2', feedId: 'naharnet', publishedAt: hoursAfterEpoch(11), title: 'UNIFIL patrol near Naqoura' })]);
      expect(search('Litani')).toEqual(['a09']);
      store.setRetention({ maxArticlesPerFeed: 1 });
      await store.prune();
      expect(search('Litani')).toEqual([]);
    });

    it('counts articles per entity from the indexes, regions with descendants', async () => {
      const { store } = await seeded();
      expect(store.count('actors', 'kataib-hizbullah')).toBe(4);
      expect(store.count('regions', 'IQ')).toBe(7);
      expect(store.count('regions', 'MIDDLE_EAST')).toBe(11);
      expect(store.count('topics', 'statement')).toBe(3);
      expect(store.count('sources', 'enab-en')).toBe(3);
      expect(store.count('actors', 'nobody')).toBe(0);
      expect(store.size()).toBe(12);
    });

    it('rejects a bad date bound with BAD_USER_INPUT', async () => {
      const { store } = await seeded();
      expect(() => store.query({ from: 'last tuesday' }, 10)).toThrowError(/not a date/);
    });

    it('paginates strictly after the cursor, stable while articles are inserted between pages', async () => {
      const { store } = await seeded();
      const filter: ArticleFilter = { regions: ['MIDDLE_EAST'] };
      const p1 = store.query(filter, 4);
      expect(ids(p1.items)).toEqual(['a11', 'a10', 'a09', 'a08']);
      expect(p1.hasNextPage).toBe(true);
      expect(p1.totalCount).toBe(11);
      // Between pages: one newer article (before the cursor) and one older (after it) arrive.
      await store.upsert([
        makeArticle({ id: 'n-new', publishedAt: hoursAfterEpoch(30), regions: ['IQ'] }),
        makeArticle({ id: 'n-old', publishedAt: hoursAfterEpoch(6), regions: ['IQ'] }),
      ]);
      const last = p1.items[p1.items.length - 1]!;
      const p2 = store.query(filter, 4, { publishedAt: last.publishedAt, id: last.id });
      expect(ids(p2.items)).toEqual(['a07', 'n-old', 'a06', 'a05']);
      expect(p2.totalCount).toBe(13);
      const l2 = p2.items[p2.items.length - 1]!;
      const p3 = store.query(filter, 4, { publishedAt: l2.publishedAt, id: l2.id });
      expect(ids(p3.items)).toEqual(['a04', 'a03', 'a02', 'a01']);
      expect(p3.hasNextPage).toBe(false);
      // A tie on publishedAt (a10/a11 at hour 10) splits exactly at the cursor id.
      const tie = store.query({}, 10, { publishedAt: hoursAfterEpoch(10), id: 'a11' });
      expect(ids(tie.items).slice(0, 2)).toEqual(['a10', 'a09']);
      // A cursor on an article that no longer exists is still a position.
      const gone = store.query({}, 2, { publishedAt: hoursAfterEpoch(9), id: 'zzz' });
      expect(ids(gone.items)).toEqual(['a09', 'a08']);
    });

    it('paginates a combined (AND) filter with the right totals and hasNextPage', async () => {
      const { store } = await seeded();
      const filter: ArticleFilter = { regions: ['IQ'], actors: ['pmf', 'kataib-hizbullah'] };
      const p1 = store.query(filter, 2);
      expect(ids(p1.items)).toEqual(['a10', 'a08']);
      expect(p1).toMatchObject({ totalCount: 5, hasNextPage: true });
      const p2 = store.query(filter, 2, { publishedAt: hoursAfterEpoch(8), id: 'a08' });
      expect(ids(p2.items)).toEqual(['a03', 'a02']);
      expect(p2).toMatchObject({ totalCount: 5, hasNextPage: true });
      const p3 = store.query(filter, 2, { publishedAt: hoursAfterEpoch(2), id: 'a02' });
      expect(ids(p3.items)).toEqual(['a01']);
      expect(p3).toMatchObject({ totalCount: 5, hasNextPage: false });
      expect(store.query(filter, 0)).toMatchObject({ items: [], totalCount: 5, hasNextPage: true });
    });

    it('restores identical query results after close and reopen', async () => {
      const { store, url } = await seeded();
      const filters: ArticleFilter[] = [{}, { regions: ['IQ'] }, { actors: ['pmf'], from: hoursAfterEpoch(3) }, { search: 'مسيرة' }, { languages: ['ar'] }];
      const before = filters.map((f) => store.query(f, 100));
      await store.putFeedState({ ...emptyFeedState('shafaq-en'), etag: '"abc"', lastStatus: 200 });
      await store.close();
      const reopened = await open(url);
      expect(reopened.size()).toBe(12);
      expect(filters.map((f) => reopened.query(f, 100))).toEqual(before);
      expect(reopened.count('regions', 'MIDDLE_EAST')).toBe(11);
      expect((await reopened.getFeedState('shafaq-en'))?.etag).toBe('"abc"');
      const [body] = await reopened.getBodies(['a03']);
      expect(body?.content).toContain('الحشد الشعبي');
    });

    it('serves searches at once after a restore while the full-text index is built, and close() stops the build', async () => {
      const { store, url } = await seeded();
      const filters: ArticleFilter[] = [{ search: 'Baghdad' }, { search: 'مسيرة' }, { search: 'hezb' }, { search: 'Hizbollah commander' }, { search: 'strike', regions: ['IQ'] }];
      const before = filters.map((f) => store.query(f, 100));
      expect(before.map((p) => p.totalCount)).toEqual([4, 1, 4, 1, 2]);
      await store.close();
      const reopened = await open(url);
      expect(reopened.searchIndexPending()).toBe(12); // open() resolved before the build started
      expect(filters.map((f) => reopened.query(f, 100))).toEqual(before);
      await reopened.whenSearchIndexed();
      expect(reopened.searchIndexPending()).toBe(0);
      expect(filters.map((f) => reopened.query(f, 100))).toEqual(before);
      await reopened.close();
      const stopped = await open(url);
      await stopped.close();
      await stopped.whenSearchIndexed();
      await new Promise((resolve) => setImmediate(resolve));
      expect(stopped.searchIndexPending()).toBe(12);
    });

    it('reads the bodies of a page in one getMany, in the order asked', async () => {
      const { store } = await seeded();
      const bodiesKv = (store as unknown as { bodies: { getMany: (k: string[]) => Promise<unknown[]> } }).bodies;
      const spy = vi.spyOn(bodiesKv, 'getMany');
      const page = store.query({ actors: ['kataib-hizbullah'] }, 10);
      const bodies = await store.getBodies([...ids(page.items), 'missing']);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(bodies).toHaveLength(5);
      expect(bodies[0]?.contentHtml).toContain('<p>');
      expect(bodies[4]).toBeUndefined();
      expect(await store.getBodies([])).toEqual([]);
      expect(spy).toHaveBeenCalledTimes(1);
    });

    it('enforces max articles per feed on upsert and deletes the pruned ones from the store', async () => {
      const url = newUrl();
      const store = await open(url, { retention: { maxArticlesPerFeed: 2 } });
      await store.upsert(corpus());
      expect(ids(store.query({ sources: ['shafaq-en'] }, 10).items)).toEqual(['a12', 'a11']);
      expect(store.count('sources', 'enab-en')).toBe(2);
      expect(store.size()).toBe(8);
      expect(await store.getBodies(['a01'])).toEqual([undefined]);
      await store.close();
      const reopened = await open(url);
      expect(reopened.size()).toBe(8);
    });

    it('prunes many at once and leaves every index consistent', async () => {
      const store = await open(newUrl(), { retention: { maxArticlesPerFeed: 3 } });
      const many = Array.from({ length: 20 }, (_, i) =>
        makeArticle({ id: `m${String(i).padStart(2, '0')}`, publishedAt: hoursAfterEpoch(i), feedId: 'rudaw-en', regions: ['IQ/baghdad'], actors: ['pmf'], topics: ['statement'], title: `Statement number ${i}` }),
      );
      const r = await store.upsert(many);
      expect(ids(r.added)).toEqual(['m17', 'm18', 'm19']);
      expect(ids(store.query({}, 100).items)).toEqual(['m19', 'm18', 'm17']);
      for (const f of [{ regions: ['MIDDLE_EAST'] }, { actors: ['pmf'] }, { topics: ['statement'] }, { sources: ['rudaw-en'] }, { languages: ['en'] }, { search: 'statement' }]) {
        expect(ids(store.query(f, 100).items)).toEqual(['m19', 'm18', 'm17']);
      }
      expect(store.count('regions', 'IQ-BG')).toBe(3);
      expect(store.count('topics', 'statement')).toBe(3);
      expect(store.get('m00')).toBeUndefined();
    });

    it('enforces max age on upsert (too old is not stored) and on prune()', async () => {
      let now = Date.parse(hoursAfterEpoch(20));
      const store = await open(newUrl(), { retention: { maxAgeDays: 1 }, now: () => now });
      const r = await store.upsert(corpus());
      expect(r.added).toHaveLength(12);
      const changes: ArticleChange[] = [];
      store.onChange((c) => changes.push(c));
      const stale = await store.upsert([makeArticle({ id: 'ancient', publishedAt: '2026-01-01T00:00:00Z' })]);
      expect(stale.added).toEqual([]);
      expect(store.get('ancient')).toBeUndefined();
      now = Date.parse(hoursAfterEpoch(24 + 8)); // keeps articles from hour 8 on
      const removed = await store.prune();
      expect(removed.sort()).toEqual(['a01', 'a02', 'a03', 'a04', 'a05', 'a06', 'a07']);
      expect(ids(store.query({}, 100).items)).toEqual(['a12', 'a11', 'a10', 'a09', 'a08']);
      expect(changes.at(-1)?.removed).toHaveLength(7);
      store.setRetention({ maxAgeDays: 1, maxArticlesPerFeed: 1 });
      expect(await store.prune()).toEqual(['a11']);
      expect(ids(store.query({}, 100).items)).toEqual(['a12', 'a10', 'a09', 'a08']);
    });

    it('round-trips feed state, one and many', async () => {
      const store = await open(newUrl());
      expect(await store.getFeedState('naharnet')).toBeUndefined();
      const state = {
        ...emptyFeedState('naharnet'),
        etag: 'W/"5f-1a2b"',
        lastModified: 'Tue, 24 Nov 2026 10:00:00 GMT',
        lastStatus: 304,
        nextFetchAt: '2026-11-24T10:15:00.000Z',
        lastError: { code: 'FETCH_TIMEOUT', message: 'timed out after 15 s', at: '2026-11-24T09:00:00.000Z' },
      };
      await store.putFeedState(state);
      expect(await store.getFeedState('naharnet')).toEqual(state);
      expect(await store.getFeedStates(['x', 'naharnet'])).toEqual([undefined, state]);
    });

    it('tells listeners what was added and updated, locally', async () => {
      const store = await open(newUrl());
      const changes: ArticleChange[] = [];
      const perArticle: string[] = [];
      const stop = store.onChange((c) => changes.push(c));
      store.onArticle((m, kind) => perArticle.push(`${kind}:${m.id}`));
      await store.upsert([makeArticle({ id: 'e1' }), makeArticle({ id: 'e2' })]);
      await store.upsert([makeArticle({ id: 'e1' })]);
      await store.upsert([makeArticle({ id: 'e1', title: 'changed' })]);
      stop();
      await store.upsert([makeArticle({ id: 'e3' })]);
      expect(changes.map((c) => [ids(c.added), ids(c.updated), c.origin])).toEqual([
        [['e1', 'e2'], [], 'local'],
        [[], ['e1'], 'local'],
      ]);
      expect(perArticle).toEqual(['added:e1', 'added:e2', 'updated:e1', 'added:e3']);
    });

    it('refresh(ids) loads what another process wrote, and drops what it deleted', async () => {
      const url = newUrl();
      const writer = await open(url);
      const reader = await open(url);
      await writer.upsert([makeArticle({ id: 'r1', regions: ['IQ'] }), makeArticle({ id: 'r2' })]);
      expect(reader.size()).toBe(0);
      const seen: ArticleChange[] = [];
      reader.onChange((c) => seen.push(c));
      const change = await reader.refresh(['r1', 'r2', 'r1']);
      expect(ids(change.added).sort()).toEqual(['r1', 'r2']);
      expect(change.origin).toBe('remote');
      expect(reader.count('regions', 'MIDDLE_EAST')).toBe(1);
      expect(await writer.refresh(['r1'])).toMatchObject({ added: [], updated: [], removed: [] });
      await writer.upsert([makeArticle({ id: 'r1', title: 'r1 v2', regions: ['IQ'] })]);
      expect(ids((await reader.refresh(['r1'])).updated)).toEqual(['r1']);
      const pruner = await open(url, { retention: { maxArticlesPerFeed: 1 } });
      await pruner.prune();
      const after = await reader.refresh(['r1', 'r2']);
      expect(after.removed.length).toBe(1);
      expect(reader.size()).toBe(1);
      expect(seen.map((c) => c.origin)).toEqual(['remote', 'remote', 'remote']);
    });

    it('resync() catches up with everything another process wrote or pruned', async () => {
      const url = newUrl();
      const writer = await open(url);
      const reader = await open(url);
      await writer.upsert([makeArticle({ id: 's1', publishedAt: hoursAfterEpoch(1) }), makeArticle({ id: 's2', publishedAt: hoursAfterEpoch(2) })]);
      const first = await reader.resync();
      expect(ids(first.added).sort()).toEqual(['s1', 's2']);
      expect(await reader.resync()).toMatchObject({ added: [], updated: [], removed: [] });
      await writer.upsert([makeArticle({ id: 's2', publishedAt: hoursAfterEpoch(2), title: 's2 v2' }), makeArticle({ id: 's3', publishedAt: hoursAfterEpoch(3) })]);
      const pruner = await open(url, { retention: { maxArticlesPerFeed: 2 } }); // prunes s1 on open
      expect(pruner.size()).toBe(2);
      const second = await reader.resync();
      expect([ids(second.added), ids(second.updated), second.removed]).toEqual([['s3'], ['s2'], ['s1']]);
      expect(ids(reader.query({}, 10).items)).toEqual(['s3', 's2']);
    });

    it('pings, closes after pending writes, and refuses writes once closed', async () => {
      const store = await open(newUrl());
      expect(await store.ping()).toBe(true);
      const writing = store.upsert([makeArticle({ id: 'c1' })]);
      await store.close();
      await expect(writing).resolves.toMatchObject({ added: [expect.objectContaining({ id: 'c1' })] });
      expect(await store.ping()).toBe(false);
      await expect(store.upsert([makeArticle({ id: 'c2' })])).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    });
  });
}
