/**
 * `filter.claimedBy` through Apollo over a real SQLite store: an article where a group claims
 * an act is found; one where the same group denies it, or where others blame it, is not; the
 * filter is AND-ed with the others and counted; an unknown actor id is refused by name.
 */
import { describe, expect, it } from 'vitest';
import type { Claim, ClaimKind } from '../../src/model/article.ts';
import { makeArticle } from './fakes.ts';
import { useSqlGateway } from './analyst-services.ts';

const ref = (id: string) => ({ id, mentions: 1, salience: 0.5 });
const claim = (kind: ClaimKind, actor: string | null, by: string | null = null): Claim => ({
  kind,
  actor,
  by,
  evidence: { field: 'summary', start: 0, end: 10, snippet: 'statement' },
});
const article = (id: string, publishedAt: string, claims: Claim[], regions = ['IQ']) => ({
  ...makeArticle({ id, feedId: 'wire', title: `Attack on a convoy ${id}`, summary: 'A statement followed.', publishedAt, actors: [ref('kataib-hizbullah'), ref('houthis')], regions: regions.map(ref) }),
  claims,
});
const CORPUS = [
  article('claims', '2024-05-03T10:00:00Z', [claim('CLAIMED', 'kataib-hizbullah')]),
  article('denies', '2024-05-04T10:00:00Z', [claim('DENIED', 'kataib-hizbullah')]),
  article('blamed', '2024-05-05T10:00:00Z', [claim('ATTRIBUTED', 'kataib-hizbullah', 'us-centcom'), claim('CLAIMED', 'houthis')]),
  article('claims-in-syria', '2024-05-06T10:00:00Z', [claim('CLAIMED', 'kataib-hizbullah'), claim('CLAIMED', null)], ['SY']),
  article('no-claims', '2024-05-07T10:00:00Z', []),
];

const gateway = useSqlGateway(CORPUS);

const Q = `query($filter: ArticleFilter) { articles(filter: $filter, first: 20) { totalCount edges { node { id } } } }`;

describe('filter.claimedBy', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['a group that claims: found; where it denies or is blamed: not', { claimedBy: ['kataib-hizbullah'] }, ['claims-in-syria', 'claims']],
    ['another claimant', { claimedBy: ['houthis'] }, ['blamed']],
    ['OR within the list', { claimedBy: ['houthis', 'kataib-hizbullah'] }, ['claims-in-syria', 'blamed', 'claims']],
    ['AND with a region', { claimedBy: ['kataib-hizbullah'], regions: ['SY'] }, ['claims-in-syria']],
    ['the one blaming is not a claimant', { claimedBy: ['us-centcom'] }, []],
    ['an empty list is no constraint', { claimedBy: [] }, ['no-claims', 'claims-in-syria', 'blamed', 'denies', 'claims']],
  ])('%s', async (_name, filter, expected) => {
    const result = await gateway.run(Q, { filter });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data?.articles.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(expected);
    expect(result.data?.articles.totalCount).toBe(expected.length);
  });

  it('an update that turns a claim into a denial takes the article out', async () => {
    const [claims] = CORPUS;
    await gateway.store.upsert([{ ...claims!, claims: [claim('DENIED', 'kataib-hizbullah')], contentHash: 'changed' }]);
    const result = await gateway.run(Q, { filter: { claimedBy: ['kataib-hizbullah'] } });
    expect(result.data?.articles.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['claims-in-syria']);
    await gateway.store.upsert([{ ...claims!, contentHash: 'again' }]);
  });

  it('refuses an unknown actor id by name, with a suggestion', async () => {
    const result = await gateway.run(Q, { filter: { claimedBy: ['kataib-hizbulah'] } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/claimedBy "kataib-hizbulah" \(did you mean "kataib-hizbullah"/);
  });
});
