/** Table tests of the pure parts of the GraphQL layer: cursors, matching, feed status, suggestions. */
import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../src/model/article.ts';
import type { FeedState } from '../../src/model/feed.ts';
import type { ArticleFilter } from '../../src/store/article-store.types.ts';
import { articleMatches, matchesSearch } from '../../src/graphql/article-matches.ts';
import { decodeArticleCursor, decodeListCursor, encodeArticleCursor, encodeListCursor } from '../../src/graphql/cursor.ts';
import { feedStatus } from '../../src/graphql/feed-status.ts';
import { editDistance, suggestIds } from '../../src/graphql/suggest.ts';
import { ErrorCode, NewsgateError } from '../../src/model/errors.ts';
import { ARTICLES, FakeCatalog, ACTORS, REGIONS, TOPICS } from './fakes.ts';
import { splitArticle } from '../../src/model/article.ts';

function codeOf(fn: () => unknown): ErrorCode | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof NewsgateError ? error.code : undefined;
  }
}

describe('cursors', () => {
  it.each([
    [{ at: '2024-05-01T08:00:00.000Z', id: 'a1' }],
    [{ at: '1999-12-31T23:59:59Z', id: 'wire:' + 'x'.repeat(64) }],
    [{ at: '2024-05-01T08:00:00+03:00', id: 'id with "quotes" and عربي' }],
  ])('round-trips an article position %#', (position) => {
    const cursor = encodeArticleCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeArticleCursor(cursor)).toEqual(position);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc$%'],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
    ['JSON of the wrong shape', Buffer.from('{"publishedAt":"2024"}').toString('base64url')],
    ['wrong tag', Buffer.from('["l","actors","x"]').toString('base64url')],
    ['bad date', Buffer.from('["a","not a date","x"]').toString('base64url')],
    ['empty id', Buffer.from('["a","2024-05-01T00:00:00Z",""]').toString('base64url')],
    ['too long', 'A'.repeat(5000)],
  ])('refuses %s as an article cursor with BAD_USER_INPUT', (_name, cursor) => {
    expect(codeOf(() => decodeArticleCursor(cursor))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('keeps list cursors to their own list', () => {
    const cursor = encodeListCursor('actors', 'kataib-hizbullah');
    expect(decodeListCursor(cursor, 'actors')).toBe('kataib-hizbullah');
    expect(codeOf(() => decodeListCursor(cursor, 'regions'))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => decodeListCursor(encodeArticleCursor({ at: '2024-01-01T00:00:00Z', id: 'a' }), 'actors'))).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
  });
});

describe('articleMatches', () => {
  const catalog = new FakeCatalog(ACTORS, REGIONS, TOPICS);
  const ancestors = (id: string) => catalog.regionAncestors(id);
  const meta = (id: string): ArticleMeta => splitArticle(ARTICLES.find((a) => a.id === id)!).meta;

  it.each<[string, string, ArticleFilter, boolean]>([
    ['empty filter matches', 'a1', {}, true],
    ['actor OR: one of them', 'a1', { actors: ['houthis', 'kataib-hizbullah'] }, true],
    ['actor: none of them', 'a1', { actors: ['houthis'] }, false],
    ['region: the city itself', 'a1', { regions: ['IQ/baghdad'] }, true],
    ['region: an ancestor country', 'a1', { regions: ['IQ'] }, true],
    ['region: a macro-region via membership', 'a1', { regions: ['GULF'] }, true],
    ['region: a sibling', 'a1', { regions: ['IQ/jurf-al-sakhr'] }, false],
    ['region: descendant does not match ancestor-tagged article', 'a2', { regions: ['IQ/baghdad'] }, false],
    ['AND: actor and region both', 'a1', { actors: ['kataib-hizbullah'], regions: ['IQ'] }, true],
    ['AND: actor yes, region no', 'a1', { actors: ['kataib-hizbullah'], regions: ['SY'] }, false],
    ['topics as widened by the caller', 'a1', { topics: ['security', 'armed-attack', 'drone-strike'] }, true],
    ['topic not widened: parent only', 'a1', { topics: ['security'] }, false],
    ['source', 'a2', { sources: ['shafaq-ar'] }, true],
    ['source, other feed', 'a2', { sources: ['wire'] }, false],
    ['language', 'a2', { languages: ['ar', 'fa'] }, true],
    ['language, other', 'a2', { languages: ['en'] }, false],
    ['from is inclusive', 'a1', { from: '2024-05-01T08:00:00Z' }, true],
    ['from after', 'a1', { from: '2024-05-01T08:00:01Z' }, false],
    ['to is inclusive, other offset', 'a1', { to: '2024-05-01T11:00:00+03:00' }, true],
    ['to before', 'a1', { to: '2024-05-01T07:59:59Z' }, false],
    ['search prefix, any case and diacritics', 'a1', { search: 'KATA*' }, true],
    ['search term missing', 'a1', { search: 'kataib yemen' }, false],
  ])('%s', (_name, id, filter, expected) => {
    expect(articleMatches(meta(id), filter, ancestors)).toBe(expected);
  });

  // The store keeps claims with the metadata, so subscriptions see them: claimedBy matches CLAIMED only.
  it.each<[string, string | null, ArticleFilter, boolean]>([
    ['claimedBy: the claimant', 'CLAIMED', { claimedBy: ['kataib-hizbullah'] }, true],
    ['claimedBy: one of the list', 'CLAIMED', { claimedBy: ['houthis', 'kataib-hizbullah'] }, true],
    ['claimedBy: a denial is not a claim', 'DENIED', { claimedBy: ['kataib-hizbullah'] }, false],
    ['claimedBy: being blamed is not a claim', 'ATTRIBUTED', { claimedBy: ['kataib-hizbullah'] }, false],
    ['claimedBy: no claims', null, { claimedBy: ['kataib-hizbullah'] }, false],
    ['claimedBy: empty list is no constraint', null, { claimedBy: [] }, true],
  ])('%s', (_name, kind, filter, expected) => {
    const claims = kind === null ? [] : [{ kind, actor: 'kataib-hizbullah', by: null, evidence: { field: 'title', start: 0, end: 1, snippet: 'x' } }];
    expect(articleMatches({ ...meta('a1'), claims } as ArticleMeta, filter, ancestors)).toBe(expected);
  });

  it.each([
    ['Hizbullah', "Kata'ib Hizbullah claims", true],
    ['hizb* claims', "Kata'ib Hizbullah claims", true],
    ['ullah*', "Kata'ib Hizbullah claims", false],
    ['Sakhr', 'Jurf al-Sakhr', true],
    ['sakhr jurf', 'Jurf al-Sakhr', true],
    ['Erdoğan', 'Erdogan visits Baghdad', true],
    ['بغداد', 'وصل الوزير إلى بَغْدَاد', true],
    ['   ', 'anything', true],
  ])('search %j in %j → %s', (search, title, expected) => {
    expect(matchesSearch({ title, summary: '', tags: [] }, search)).toBe(expected);
  });
});

describe('feedStatus', () => {
  const config = { enabled: true, intervalMinutes: 15 };
  const state = (extra: Partial<FeedState>): FeedState => ({ feedId: 'f', consecutiveFailures: 0, redirects: [], warnings: [], ...extra });
  it.each<[string, typeof config | undefined, FeedState | undefined, string]>([
    ['not configured any more', undefined, state({ lastFetchAt: '2024-01-01T00:00:00Z' }), 'DISABLED'],
    ['disabled', { enabled: false, intervalMinutes: 15 }, undefined, 'DISABLED'],
    ['never fetched: no state', config, undefined, 'NEW'],
    ['never fetched: state without fetch', config, state({}), 'NEW'],
    ['last fetch fine', config, state({ lastFetchAt: '2024-01-01T00:00:00Z' }), 'OK'],
    ['failing, next fetch on the normal interval', config, state({ lastFetchAt: '2024-01-01T00:00:00Z', nextFetchAt: '2024-01-01T00:15:00Z', consecutiveFailures: 1 }), 'FAILING'],
    ['failing, no next fetch known', config, state({ lastFetchAt: '2024-01-01T00:00:00Z', consecutiveFailures: 2 }), 'FAILING'],
    ['failing and pushed back', config, state({ lastFetchAt: '2024-01-01T00:00:00Z', nextFetchAt: '2024-01-01T02:00:00Z', consecutiveFailures: 3 }), 'BACKING_OFF'],
  ])('%s → %s', (_name, cfg, st, expected) => {
    expect(feedStatus(cfg, st)).toBe(expected);
  });
});

describe('suggestions', () => {
  it.each([
    ['wire', 'wier', 1],
    ['kitten', 'sitting', 3],
    ['IQ', 'iq', 0],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
  ])('editDistance(%j, %j) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('prefers the alias search, then close ids, without duplicates', () => {
    const known = [
      { id: 'kataib-hizbullah', name: "Kata'ib Hizbullah" },
      { id: 'kataib-sayyid-al-shuhada', name: 'Kataib Sayyid al-Shuhada' },
    ];
    const search = (text: string) => (text.includes('hezbollah') ? [known[0]!] : []);
    expect(suggestIds('kataib-hezbollah', known, search)).toEqual(['kataib-hizbullah']);
    expect(suggestIds('kataib-hizbulah', known)).toEqual(['kataib-hizbullah']);
    expect(suggestIds('something-else', known)).toEqual([]);
  });
});
