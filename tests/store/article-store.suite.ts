/**
 * The contract every engine of ArticleStore must keep (article-store.types.ts), run against
 * memory://, a temp SQLite file and (when POSTGRES_URL is set) PostgreSQL. `newUrl()` returns a
 * URL to an empty store each call.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleStore, type ArticleChange, type ArticleStoreOptions } from '../../src/store/article-store.ts';
import type { ArticleFilter, ArticlePage, PageRequest } from '../../src/store/article-store.types.ts';
import type { ArticleMeta } from '../../src/model/article.ts';
import { emptyFeedState } from '../../src/model/feed.ts';
import { hoursAfterEpoch, makeArticle, regionAncestors, topicAncestors } from './article-factory.ts';

export function describeArticleStore(backend: string, newUrl: () => string): void {
  describe(`ArticleStore on ${backend}`, () => {
    const opened: ArticleStore[] = [];
    const open = async (url: string, extra: Partial<ArticleStoreOptions> = {}) => {
      const store = await ArticleStore.open({ url, regionAncestors, topicAncestors, ...extra });
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
        title: 'الحشد الشعبي يصدر بياناً بشأن الهجوم', summary: 'أصدرت هيئة الحشد الشعبي بياناً حول استهداف موقع بطائرة مسيرة في جرف الصخر', tags: ['أمن'] }),
      makeArticle({ id: 'a04', publishedAt: hoursAfterEpoch(4), feedId: 'enab-en', regions: ['SY/deir-ez-zor'], actors: ['sdf'], topics: ['clashes'],
        title: 'SDF clashes with tribal fighters east of Deir ez-Zor', summary: 'Fighting continued for a second day in the Euphrates valley.' }),
      makeArticle({ id: 'a05', publishedAt: hoursAfterEpoch(5), feedId: 'enab-en', regions: ['SY'], actors: ['us-centcom'], topics: ['airstrike'],
        title: 'CENTCOM says it struck weapons depot in Syria', summary: 'US Central Command said the strike targeted an IRGC-linked depot.',
        content: 'US Central Command said the strike targeted an IRGC-linked depot. وقال الحوثيون إنهم سيردون.' }),
      makeArticle({ id: 'a06', publishedAt: hoursAfterEpoch(6), feedId: 'naharnet', regions: ['LB/beirut'], actors: ['hezbollah'], topics: ['statement'],
        title: 'Hezbollah statement on southern border', summary: 'The group said it would respond to any attack.',
        content: 'The group said it would respond to any attack. وصل وفد إلى الكويت.' }),
      makeArticle({ id: 'a07', publishedAt: hoursAfterEpoch(7), feedId: 'shafaq-en', regions: ['IQ/baghdad'], actors: ['asaib-ahl-al-haq'], topics: ['statement'],
        title: "Asa'ib Ahl al-Haq denies involvement in Baghdad rocket attack", summary: 'Qais al-Khazali said the group had no role.' }),
      makeArticle({ id: 'a08', publishedAt: hoursAfterEpoch(8), feedId: 'alsumaria-ar', language: 'ar', regions: ['IQ/baghdad'], actors: ['kataib-hizbullah'], topics: ['drone-strike'],
        title: 'طائرة مسيرة تستهدف عجلة في بغداد', summary: 'استهدفت طائرة مسيرة عجلة تابعة لكتائب حزب الله', tags: ['أمن', 'بغداد'] }),
      makeArticle({ id: 'a09', publishedAt: hoursAfterEpoch(9), feedId: 'naharnet', regions: ['LB'], actors: ['lebanese-army'], topics: ['deployment'],
        title: 'Lebanese army deploys south of the Litani', summary: 'Troops moved into positions near the border.',
        content: 'Troops moved into positions near the border. وأعلن الحوثي موقفه.' }),
      makeArticle({ id: 'a10', publishedAt: hoursAfterEpoch(10), feedId: 'enab-en', regions: ['SY/deir-ez-zor', 'IQ'], actors: ['sdf', 'pmf'], topics: ['border'],
        title: 'Border crossing at Al-Qaim reopens', summary: 'Iraqi and Syrian officials met at the crossing.' }),
      makeArticle({ id: 'a11', publishedAt: hoursAfterEpoch(10), feedId: 'shafaq-en', regions: ['IQ-BG'], actors: [], topics: ['protest'],
        title: 'Protesters gather in Tahrir Square', summary: 'Demonstrators demanded jobs and services.' }),
      makeArticle({ id: 'a12', publishedAt: hoursAfterEpoch(12), feedId: 'shafaq-en', language: null, regions: [], actors: ['kataib-hizbullah'], topics: [],
        title: 'Kataib Hezbollah commander killed', summary: 'A senior commander was killed in a strike west of Baghdad.' }),
    ];
    const ids = (items: readonly ArticleMeta[]) => items.map((m) => m.id);
    /** Every match of `filter`, newest first, read page by page through the cursors. */
    const all = async (store: ArticleStore, filter: ArticleFilter, pageSize = 100, order?: PageRequest['order']): Promise<string[]> => {
      const out: string[] = [];
      let page: ArticlePage | undefined;
      let after: PageRequest['after'];
      do {
        page = await store.query(filter, { first: pageSize, ...(after ? { after } : {}), ...(order ? { order } : {}) });
        out.push(...ids(page.items));
        const last = page.items[page.items.length - 1];
        if (last) after = { at: order === 'FETCHED_DESC' ? last.fetchedAt : last.publishedAt, id: last.id };
      } while (page.hasNextPage);
      return out;
    };
    const get = async (store: ArticleStore, id: string) => (await store.getMany([id]))[0];
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
      expect(await store.size()).toBe(12);
      expect((await get(store, 'a07'))?.title).toContain('(updated)');
      expect(await store.countMatches({})).toEqual({ count: 12, exact: true });
    });

    it('keeps the last of two copies of one id in the same batch', async () => {
      const store = await open(newUrl());
      const r = await store.upsert([makeArticle({ id: 'dup', title: 'First version' }), makeArticle({ id: 'dup', title: 'Second version' })]);
      expect(ids(r.added)).toEqual(['dup']);
      expect(await store.size()).toBe(1);
      expect((await get(store, 'dup'))?.title).toBe('Second version');
    });

    it('keeps fields the model adds later without a schema change', async () => {
      const store = await open(newUrl());
      // A field no version of the model has yet stands for the next one added.
      const article = { ...makeArticle({ id: 'x1' }), laterField: [{ text: 'two killed', by: 'pmf' }], laterPlace: 'BAGHDAD' };
      await store.upsert([article]);
      expect(await get(store, 'x1')).toMatchObject({ laterField: [{ text: 'two killed', by: 'pmf' }], laterPlace: 'BAGHDAD' });
      const whole = (await collect(store.iterate({ ids: ['x1'] })))[0]?.[0];
      expect(whole).toMatchObject({ laterField: [{ text: 'two killed', by: 'pmf' }], content: article.content });
    });

    it('does not store an article whose publishedAt is not a date, and stores the rest of the batch', async () => {
      const store = await open(newUrl());
      const r = await store.upsert([makeArticle({ id: 'bad', publishedAt: 'yesterday' }), makeArticle({ id: 'good' })]);
      expect(ids(r.added)).toEqual(['good']);
      expect(await get(store, 'bad')).toBeUndefined();
      expect(await store.getBodies(['bad'])).toEqual([undefined]);
    });

    it('moves an updated article to its new date and entities, removing old postings', async () => {
      const { store } = await seeded();
      const moved = makeArticle({ id: 'a01', publishedAt: hoursAfterEpoch(20), feedId: 'naharnet', regions: ['LB'], actors: ['hezbollah'], topics: ['statement'], title: 'Relocated' });
      await store.upsert([moved]);
      expect(ids((await store.query({}, { first: 1 })).items)).toEqual(['a01']);
      expect(await all(store, { actors: ['kataib-hizbullah'] })).toEqual(['a12', 'a08', 'a02']);
      expect(await all(store, { regions: ['IQ/baghdad'] })).toEqual(['a08', 'a07']);
      expect(await store.countBy('sources', ['shafaq-en', 'naharnet'])).toEqual([4, 3]);
      expect(await store.countBy('topics', ['drone-strike'])).toEqual([2]);
      expect(await all(store, { search: 'Relocated' })).toEqual(['a01']);
    });

    const cases: Array<[string, ArticleFilter, string[]]> = [
      ['no filter: newest first, ties by id desc', {}, ['a12', 'a11', 'a10', 'a09', 'a08', 'a07', 'a06', 'a05', 'a04', 'a03', 'a02', 'a01']],
      ['one topic', { topics: ['drone-strike'] }, ['a08', 'a02', 'a01']],
      ['a parent topic finds its sub-topics (ancestors posted at write time)', { topics: ['armed-attack'] }, ['a08', 'a05', 'a02', 'a01']],
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
      ['ids', { ids: ['a03', 'a09', 'nope'] }, ['a09', 'a03']],
      ['stories', { stories: ['story-a05', 'story-a06'] }, ['a06', 'a05']],
      ['fetchedAfter is strict', { fetchedAfter: '2026-11-24T12:00:00.000Z' }, []],
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
      ['search a word found only in the body', { search: 'Mobilisation' }, ['a12', 'a11', 'a10', 'a08', 'a07', 'a04', 'a03', 'a02', 'a01']],
      ['search words are whole words', { search: 'Dei' }, []],
      ['a starred word is a prefix', { search: 'Dei*' }, ['a04']],
      ['a starred short word is a prefix too', { search: 'Eu*' }, ['a04']],
      ['search words are AND', { search: 'border crossing' }, ['a10']],
      ['search Arabic, with alef and ta marbuta variants folded', { search: 'مسيره' }, ['a08', 'a03']],
      ['search Arabic without the proclitic finds the word with it (بطائرة)', { search: 'طائرة مسيرة' }, ['a08', 'a03']],
      ['search Arabic: حوثي finds الحوثي and الحوثيون', { search: 'حوثي' }, ['a09', 'a05']],
      ['search Persian letters find Arabic ones (ی/ک), and the article is a proclitic', { search: 'کویت' }, ['a06']],
      ['search a form shorter than the indexed word (لكتائب)', { search: 'كتائب', sources: ['alsumaria-ar'] }, ['a08']],
      ['search in tags', { search: 'أمن' }, ['a08', 'a03']],
      ['search AND actor', { search: 'strike', actors: ['kataib-hizbullah'] }, ['a12', 'a02', 'a01']],
      ['a search of no words is no constraint', { search: ' !! ' }, ['a12', 'a11', 'a10', 'a09', 'a08', 'a07', 'a06', 'a05', 'a04', 'a03', 'a02', 'a01']],
    ];
    it.each(cases)('query: %s', async (_name, filter, expected) => {
      const { store } = await seeded();
      const page = await store.query(filter, { first: 100 });
      expect(ids(page.items)).toEqual(expected);
      expect(page.hasNextPage).toBe(false);
      expect(await store.countMatches(filter)).toEqual({ count: expected.length, exact: true });
      expect(await all(store, filter, 2)).toEqual(expected);
    });

    it('a repeated search sees articles added, changed and removed in between', async () => {
      const { store } = await seeded({ retention: { maxArticlesPerFeed: 10 } });
      const search = (text: string) => all(store, { search: text });
      expect(await search('Litani')).toEqual(['a09']);
      await store.upsert([makeArticle({ id: 'l2', feedId: 'naharnet', publishedAt: hoursAfterEpoch(11), title: 'UNIFIL patrol near the Litani' })]);
      expect(await search('Litani')).toEqual(['l2', 'a09']);
      await store.upsert([makeArticle({ id: 'l2', feedId: 'naharnet', publishedAt: hoursAfterEpoch(11), title: 'UNIFIL patrol near Naqoura' })]);
      expect(await search('Litani')).toEqual(['a09']);
      store.setRetention({ maxArticlesPerFeed: 1 });
      await store.prune();
      expect(await search('Litani')).toEqual([]);
    });

    it('counts articles per entity in one call, regions with descendants, in the order asked', async () => {
      const { store } = await seeded();
      expect(await store.countBy('actors', ['kataib-hizbullah', 'nobody', 'pmf'])).toEqual([4, 0, 3]);
      expect(await store.countBy('regions', ['IQ', 'MIDDLE_EAST'])).toEqual([7, 11]);
      expect(await store.countBy('topics', ['statement', 'armed-attack'])).toEqual([3, 4]);
      expect(await store.countBy('sources', ['enab-en'])).toEqual([3]);
      expect(await store.countBy('sources', [])).toEqual([]);
      expect(await store.size()).toBe(12);
    });

    it('rejects a bad date bound with BAD_USER_INPUT', async () => {
      const { store } = await seeded();
      await expect(store.query({ from: 'last tuesday' }, { first: 10 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    it('paginates strictly after the cursor, stable while articles are inserted between pages', async () => {
      const { store } = await seeded();
      const filter: ArticleFilter = { regions: ['MIDDLE_EAST'] };
      const p1 = await store.query(filter, { first: 4 });
      expect(ids(p1.items)).toEqual(['a11', 'a10', 'a09', 'a08']);
      expect(p1.hasNextPage).toBe(true);
      await store.upsert([
        makeArticle({ id: 'n-new', publishedAt: hoursAfterEpoch(30), regions: ['IQ'] }),
        makeArticle({ id: 'n-old', publishedAt: hoursAfterEpoch(6), regions: ['IQ'] }),
      ]);
      const last = p1.items[p1.items.length - 1]!;
      const p2 = await store.query(filter, { first: 4, after: { at: last.publishedAt, id: last.id } });
      expect(ids(p2.items)).toEqual(['a07', 'n-old', 'a06', 'a05']);
      expect((await store.countMatches(filter)).count).toBe(13);
      const l2 = p2.items[p2.items.length - 1]!;
      const p3 = await store.query(filter, { first: 4, after: { at: l2.publishedAt, id: l2.id } });
      expect(ids(p3.items)).toEqual(['a04', 'a03', 'a02', 'a01']);
      expect(p3.hasNextPage).toBe(false);
      // A tie on publishedAt (a10/a11 at hour 10) splits exactly at the cursor id.
      const tie = await store.query({}, { first: 10, after: { at: hoursAfterEpoch(10), id: 'a11' } });
      expect(ids(tie.items).slice(0, 2)).toEqual(['a10', 'a09']);
      // A cursor on an article that no longer exists is still a position.
      const gone = await store.query({}, { first: 2, after: { at: hoursAfterEpoch(9), id: 'zzz' } });
      expect(ids(gone.items)).toEqual(['a09', 'a08']);
    });

    it('pages by fetchedAt for "what is new since"', async () => {
      const store = await open(newUrl());
      await store.upsert([
        { ...makeArticle({ id: 'f1', publishedAt: hoursAfterEpoch(5) }), fetchedAt: hoursAfterEpoch(100) },
        { ...makeArticle({ id: 'f2', publishedAt: hoursAfterEpoch(9) }), fetchedAt: hoursAfterEpoch(50) },
        { ...makeArticle({ id: 'f3', publishedAt: hoursAfterEpoch(1) }), fetchedAt: hoursAfterEpoch(100) },
      ]);
      expect(await all(store, {}, 1, 'FETCHED_DESC')).toEqual(['f3', 'f1', 'f2']);
      expect(await all(store, { fetchedAfter: hoursAfterEpoch(50) }, 1)).toEqual(['f1', 'f3']);
    });

    it('paginates a combined (AND) filter with hasNextPage', async () => {
      const { store } = await seeded();
      const filter: ArticleFilter = { regions: ['IQ'], actors: ['pmf', 'kataib-hizbullah'] };
      const p1 = await store.query(filter, { first: 2 });
      expect(ids(p1.items)).toEqual(['a10', 'a08']);
      expect(p1.hasNextPage).toBe(true);
      const p3 = await store.query(filter, { first: 2, after: { at: hoursAfterEpoch(2), id: 'a02' } });
      expect(ids(p3.items)).toEqual(['a01']);
      expect(p3.hasNextPage).toBe(false);
      expect(await store.query(filter, { first: 0 })).toEqual({ items: [], hasNextPage: false });
      expect(await store.countMatches(filter)).toEqual({ count: 5, exact: true });
    });

    it('says a count is not exact past its threshold', async () => {
      const { store } = await seeded({ countExactLimit: 5 });
      expect(await store.countMatches({ regions: ['MIDDLE_EAST'] })).toEqual({ count: 5, exact: false });
      expect(await store.countMatches({ regions: ['IQ-BG'] })).toEqual({ count: 4, exact: true });
    });

    it('serves identical results after close and reopen (nothing to restore)', async () => {
      const { store, url } = await seeded();
      const filters: ArticleFilter[] = [{}, { regions: ['IQ'] }, { actors: ['pmf'], from: hoursAfterEpoch(3) }, { search: 'مسيرة' }, { languages: ['ar'] }];
      const before = await Promise.all(filters.map((f) => store.query(f, { first: 100 })));
      await store.putFeedState({ ...emptyFeedState('shafaq-en'), etag: '"abc"', lastStatus: 200 });
      await store.close();
      const reopened = await open(url);
      expect(await reopened.size()).toBe(12);
      expect(await Promise.all(filters.map((f) => reopened.query(f, { first: 100 })))).toEqual(before);
      expect(await reopened.countBy('regions', ['MIDDLE_EAST'])).toEqual([11]);
      expect((await reopened.getFeedState('shafaq-en'))?.etag).toBe('"abc"');
      const [body] = await reopened.getBodies(['a03']);
      expect(body?.content).toContain('الحشد الشعبي');
    });

    it('reads metadata, bodies and content hashes of many ids, in the order asked', async () => {
      const { store } = await seeded();
      const metas = await store.getMany(['a03', 'missing', 'a01']);
      expect(metas.map((m) => m?.id)).toEqual(['a03', undefined, 'a01']);
      const bodies = await store.getBodies(['a12', 'a01', 'missing']);
      expect(bodies[0]?.contentHtml).toContain('<p>');
      expect(bodies[2]).toBeUndefined();
      expect(await store.getBodies([])).toEqual([]);
      const hashes = await store.getContentHashes(['a01', 'nope']);
      expect([...hashes.keys()]).toEqual(['a01']);
      expect(hashes.get('a01')).toBe(corpus()[0]!.contentHash);
    });

    it('iterates whole articles matching a filter, newest first, in batches', async () => {
      const { store } = await seeded();
      const batches = await collect(store.iterate({ regions: ['IQ'] }, 3));
      expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
      expect(batches.flat().map((a) => a.id)).toEqual(['a11', 'a10', 'a08', 'a07', 'a03', 'a02', 'a01']);
      expect(batches[0]![0]!.content).toContain('Demonstrators');
    });

    it('enforces max articles per feed on upsert and deletes the pruned ones', async () => {
      const url = newUrl();
      const store = await open(url, { retention: { maxArticlesPerFeed: 2 } });
      await store.upsert(corpus());
      expect(await all(store, { sources: ['shafaq-en'] })).toEqual(['a12', 'a11']);
      expect(await store.countBy('sources', ['enab-en'])).toEqual([2]);
      expect(await store.size()).toBe(8);
      expect(await store.getBodies(['a01'])).toEqual([undefined]);
      expect(await store.countBy('actors', ['kataib-hizbullah'])).toEqual([2]);
    });

    it('prunes many at once and leaves every index consistent', async () => {
      const store = await open(newUrl(), { retention: { maxArticlesPerFeed: 3 } });
      const many = Array.from({ length: 20 }, (_, i) =>
        makeArticle({ id: `m${String(i).padStart(2, '0')}`, publishedAt: hoursAfterEpoch(i), feedId: 'rudaw-en', regions: ['IQ/baghdad'], actors: ['pmf'], topics: ['statement'], title: `Statement number ${i}` }),
      );
      const r = await store.upsert(many);
      expect(ids(r.added)).toEqual(['m17', 'm18', 'm19']);
      expect(await all(store, {})).toEqual(['m19', 'm18', 'm17']);
      for (const f of [{ regions: ['MIDDLE_EAST'] }, { actors: ['pmf'] }, { topics: ['statement'] }, { sources: ['rudaw-en'] }, { languages: ['en'] }, { search: 'statement' }]) {
        expect(await all(store, f)).toEqual(['m19', 'm18', 'm17']);
      }
      expect(await store.countBy('regions', ['IQ-BG'])).toEqual([3]);
      expect(await get(store, 'm00')).toBeUndefined();
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
      expect(await get(store, 'ancient')).toBeUndefined();
      now = Date.parse(hoursAfterEpoch(24 + 8)); // keeps articles from hour 8 on
      expect(await store.prune()).toBe(7);
      expect(await all(store, {})).toEqual(['a12', 'a11', 'a10', 'a09', 'a08']);
      expect([...(changes.at(-1)?.removed ?? [])].sort()).toEqual(['a01', 'a02', 'a03', 'a04', 'a05', 'a06', 'a07']);
      store.setRetention({ maxAgeDays: 1, maxArticlesPerFeed: 1 });
      expect(await store.prune()).toBe(1);
      expect(await all(store, {})).toEqual(['a12', 'a10', 'a09', 'a08']);
      expect(await all(store, { search: 'Protesters' })).toEqual([]);
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
      await store.putFeedState({ ...state, lastStatus: 200 });
      expect(await store.getFeedState('naharnet')).toEqual({ ...state, lastStatus: 200 });
      expect(await store.getFeedStates(['x', 'naharnet'])).toEqual([undefined, { ...state, lastStatus: 200 }]);
    });

    it('tells listeners and the notifier what was written locally; emitRemote hands in other replicas\' changes', async () => {
      const published: ArticleChange[] = [];
      const store = await open(newUrl(), { notifier: { publish: (c) => void published.push(c) } });
      const changes: ArticleChange[] = [];
      const perArticle: string[] = [];
      const stop = store.onChange((c) => changes.push(c));
      store.onArticle((m, kind) => perArticle.push(`${kind}:${m.id}`));
      await store.upsert([makeArticle({ id: 'e1' }), makeArticle({ id: 'e2' })]);
      await store.upsert([makeArticle({ id: 'e1' })]);
      await store.upsert([makeArticle({ id: 'e1', title: 'changed' })]);
      store.emitRemote({ added: [makeArticle({ id: 'r9' })], updated: [], removed: [] });
      stop();
      await store.upsert([makeArticle({ id: 'e3' })]);
      expect(changes.map((c) => [ids(c.added), ids(c.updated), c.origin])).toEqual([
        [['e1', 'e2'], [], 'local'],
        [[], ['e1'], 'local'],
        [['r9'], [], 'remote'],
      ]);
      expect(perArticle).toEqual(['added:e1', 'added:e2', 'updated:e1', 'added:r9', 'added:e3']);
      await new Promise((r) => setTimeout(r, 10));
      expect(published.map((c) => ids(c.added).concat(ids(c.updated)))).toEqual([['e1', 'e2'], ['e1'], ['e3']]);
    });

    it('two stores on one database see each other\'s writes at once', async () => {
      const url = newUrl();
      const writer = await open(url);
      const reader = await open(url);
      await writer.upsert([makeArticle({ id: 'r1', regions: ['IQ'] }), makeArticle({ id: 'r2' })]);
      expect(await reader.size()).toBe(2);
      expect(await all(reader, { regions: ['MIDDLE_EAST'] })).toEqual(['r1']);
    });

    it('pings, closes after pending writes, and refuses calls once closed', async () => {
      const store = await open(newUrl());
      expect(await store.ping()).toBe(true);
      const writing = store.upsert([makeArticle({ id: 'c1' })]);
      await store.close();
      await expect(writing).resolves.toMatchObject({ added: [expect.objectContaining({ id: 'c1' })] });
      expect(await store.ping()).toBe(false);
      await expect(store.upsert([makeArticle({ id: 'c2' })])).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await expect(store.query({}, { first: 1 })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    });
  });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}
