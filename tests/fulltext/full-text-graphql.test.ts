/**
 * `feeds { fullText { … } warnings }` through a real Apollo server: the counters the worker keeps
 * on the feed's state, whether feeds.json turns full text on, and the warning that says which
 * articles kept the feed's text and why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeServices } from '../graphql/fakes.ts';
import { startHarness } from '../graphql/harness.ts';

let harness: Awaited<ReturnType<typeof startHarness>>;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.apollo.stop());

describe('Feed.fullText', () => {
  it('shows enabled, the selector, the counters and the last error; the warning says which and how many', async () => {
    const world = makeServices();
    const [first, second] = world.services.feeds();
    const services = { ...world.services, feeds: () => [{ ...first!, fullText: { selector: 'article .body', remove: ['.share'] } }, second!] };
    await world.store.putFeedState({
      feedId: first!.id, consecutiveFailures: 0, redirects: [], warnings: ['item 2: no usable date; used the fetch time'],
      fullText: {
        fetched: 7, failed: 3, kept: { consent: 2, fetch: 1 }, pending: ['a1'],
        lastError: { code: 'FULL_TEXT_UNUSABLE', message: 'https://wire.example/a: consent wall', at: '2024-05-05T10:00:00Z' },
      },
    });
    const result = await harness.run(services, '{ feeds { id warnings fullText { enabled selector fetched failed pending lastError { code message at } } } }');
    expect(result.errors).toBeUndefined();
    const [a, b] = result.data?.feeds;
    expect(a.fullText).toEqual({
      enabled: true, selector: 'article .body', fetched: 7, failed: 3, pending: 1,
      lastError: { code: 'FULL_TEXT_UNUSABLE', message: 'https://wire.example/a: consent wall', at: '2024-05-05T10:00:00.000Z' },
    });
    expect(a.warnings).toEqual([
      'item 2: no usable date; used the fetch time',
      "Full text: kept the feed's text for 3 of 10 articles: 2 consent walls, 1 page not fetched. Last: https://wire.example/a: consent wall",
    ]);
    expect(b.fullText).toEqual({ enabled: false, selector: null, fetched: 0, failed: 0, pending: 0, lastError: null });
  });
});
