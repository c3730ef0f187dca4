/**
 * Feed locks and the claim protocol: in-process always; through Redis when REDIS_URL is set
 * (two lock instances = two replicas; keys under a unique prefix).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFeedLock, RedisFeedLock } from '../../../src/store/coordination/feed-lock.ts';
import { claimFeed } from '../../../src/store/coordination/claim-feed.ts';
import { connectRedis } from '../../../src/store/keyv/redis-client.ts';
import { deleteKeys, uniquePrefix } from '../redis-test-helpers.ts';
import { emptyFeedState, type FeedState } from '../../../src/model/feed.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('LocalFeedLock', () => {
  it('lets one holder in until release or expiry', async () => {
    let now = 1_000;
    const lock = new LocalFeedLock(() => now);
    expect(await lock.tryAcquire('rudaw-en', 500)).toBe(true);
    expect(await lock.tryAcquire('rudaw-en', 500)).toBe(false);
    expect(await lock.tryAcquire('kurdistan24', 500)).toBe(true);
    now += 499;
    expect(await lock.tryAcquire('rudaw-en', 500)).toBe(false);
    now += 2;
    expect(await lock.tryAcquire('rudaw-en', 500)).toBe(true);
    await lock.release('rudaw-en');
    expect(await lock.tryAcquire('rudaw-en', 500)).toBe(true);
  });
});

describe('claimFeed', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');
  const states = new Map<string, FeedState>();
  const getFeedState = async (id: string) => states.get(id);

  it.each<[string, string | undefined, boolean | undefined, string]>([
    ['never fetched: claimed', undefined, undefined, 'claimed'],
    ['due (nextFetchAt passed): claimed', '2026-11-24T11:59:00Z', undefined, 'claimed'],
    ['due exactly now: claimed', '2026-11-24T12:00:00Z', undefined, 'claimed'],
    ['fetched by another replica: not due', '2026-11-24T12:10:00Z', undefined, 'notDue'],
    ['not due but forced: claimed', '2026-11-24T12:10:00Z', true, 'claimed'],
  ])('%s', async (_name, nextFetchAt, force, expected) => {
    const lock = new LocalFeedLock(() => now);
    states.set('f', { ...emptyFeedState('f'), ...(nextFetchAt ? { nextFetchAt } : {}) });
    const claim = await claimFeed({ lock, getFeedState, feedId: 'f', ttlMs: 60_000, now, force });
    expect(claim.claimed ? 'claimed' : claim.reason).toBe(expected);
    // A claim holds the lock; a refusal for "not due" gives it back.
    expect(await lock.tryAcquire('f', 1)).toBe(!claim.claimed);
  });

  it('refuses while another holds the lock, and frees it on release', async () => {
    const lock = new LocalFeedLock(() => now);
    states.delete('g');
    const first = await claimFeed({ lock, getFeedState, feedId: 'g', ttlMs: 60_000, now });
    expect(first.claimed).toBe(true);
    expect(await claimFeed({ lock, getFeedState, feedId: 'g', ttlMs: 60_000, now })).toEqual({ claimed: false, reason: 'locked' });
    if (first.claimed) await first.release();
    expect((await claimFeed({ lock, getFeedState, feedId: 'g', ttlMs: 60_000, now })).claimed).toBe(true);
  });

  it('gives the lock back when reading the state fails', async () => {
    const lock = new LocalFeedLock(() => now);
    const failing = async () => {
      throw new Error('redis gone');
    };
    await expect(claimFeed({ lock, getFeedState: failing, feedId: 'h', ttlMs: 60_000, now })).rejects.toThrow('redis gone');
    expect(await lock.tryAcquire('h', 1)).toBe(true);
  });
});

const redisUrl = process.env.REDIS_URL;
describe.skipIf(!redisUrl)('RedisFeedLock (REDIS_URL)', () => {
  const prefix = uniquePrefix('lock');
  const locks: RedisFeedLock[] = [];
  const replica = async () => {
    const lock = new RedisFeedLock(await connectRedis(redisUrl!), prefix);
    locks.push(lock);
    return lock;
  };
  afterAll(async () => {
    await Promise.all(locks.map((l) => l.close()));
    await deleteKeys(redisUrl!, prefix);
  });

  it('two replicas contend: exactly one wins', async () => {
    const [a, b] = [await replica(), await replica()];
    const results = await Promise.all([a.tryAcquire('shafaq-en', 5000), b.tryAcquire('shafaq-en', 5000)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results[0] ? a : b;
    const loser = results[0] ? b : a;
    await loser.release('shafaq-en'); // not the holder: must not free the lock
    expect(await loser.tryAcquire('shafaq-en', 5000)).toBe(false);
    await winner.release('shafaq-en');
    expect(await loser.tryAcquire('shafaq-en', 5000)).toBe(true);
    await loser.release('shafaq-en');
  });

  it('a dead holder blocks the feed only until the TTL', async () => {
    const [a, b] = [await replica(), await replica()];
    expect(await a.tryAcquire('alsumaria-ar', 150)).toBe(true); // a "dies" without releasing
    expect(await b.tryAcquire('alsumaria-ar', 150)).toBe(false);
    await sleep(250);
    expect(await b.tryAcquire('alsumaria-ar', 5000)).toBe(true);
    await a.release('alsumaria-ar'); // a wakes up: its release must not free b's lock
    expect(await a.tryAcquire('alsumaria-ar', 5000)).toBe(false);
    await b.release('alsumaria-ar');
  });
});
if (!redisUrl) console.warn('REDIS_URL is not set: RedisFeedLock tests are SKIPPED.');
