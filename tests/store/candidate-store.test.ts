/** CandidateStore: aggregation, ranking, folded search, batched persistence and restore. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CandidateStore } from '../../src/store/candidate-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsgate-cand-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ['memory', () => `memory://cand-${randomUUID()}`],
  ['sqlite', () => `sqlite://${join(dir, `${randomUUID()}.sqlite`)}`],
])('CandidateStore on %s', (_name, newUrl) => {
  it('aggregates mentions and distinct articles across spellings, ranks them, and searches folded', async () => {
    const store = await CandidateStore.open({ url: newUrl(), flushDelayMs: 60_000 });
    store.record('art-1', [{ name: 'Abu Fadak al-Mohammedawi', kind: 'PERSON', mentions: 3 }, { name: 'Saraya Awliya al-Dam', kind: 'ORGANIZATION', mentions: 1 }], '2026-11-20T08:00:00.000Z');
    store.record('art-2', [{ name: 'abu fadak  al-Mohammedawi', kind: 'PERSON', mentions: 1 }], '2026-11-22T08:00:00.000Z');
    store.record('art-2', [{ name: 'Abu Fadak al-Mohammedawi', kind: 'PERSON', mentions: 1 }], '2026-11-22T08:00:00.000Z'); // same article again: ignored
    store.record('art-3', [{ name: 'سرايا أولياء الدم', kind: 'ORGANIZATION', mentions: 2 }, { name: 'Saraya Awliya al-Dam', kind: 'ORGANIZATION', mentions: 1 }], '2026-11-21T08:00:00.000Z');
    store.record('art-4', [{ name: 'Jurf al-Nasr', kind: 'PLACE', mentions: 1 }, { name: '   ', kind: 'PLACE', mentions: 4 }], '2026-11-23T08:00:00.000Z');

    const top = store.top(10);
    expect(top.map((c) => [c.name, c.mentions, c.articles])).toEqual([
      ['Abu Fadak al-Mohammedawi', 4, 2],
      ['Saraya Awliya al-Dam', 2, 2],
      ['سرايا أولياء الدم', 2, 1],
      ['Jurf al-Nasr', 1, 1],
    ]);
    expect(top[0]).toMatchObject({ firstSeen: '2026-11-20T08:00:00.000Z', lastSeen: '2026-11-22T08:00:00.000Z', sampleArticleIds: ['art-2', 'art-1'] });
    expect(store.top(10, 2).map((c) => c.name)).toEqual(['Abu Fadak al-Mohammedawi', 'Saraya Awliya al-Dam', 'سرايا أولياء الدم']);
    expect(store.top(1).map((c) => c.name)).toEqual(['Abu Fadak al-Mohammedawi']);
    expect(store.search('MOHAMMEDAWI').map((c) => c.name)).toEqual(['Abu Fadak al-Mohammedawi']);
    expect(store.search('اولياء').map((c) => c.name)).toEqual(['سرايا أولياء الدم']);
    expect(store.search('  ')).toEqual([]);
    await store.close();
  });

  it('persists in one batch per flush and restores after reopen', async () => {
    const url = newUrl();
    const store = await CandidateStore.open({ url, flushDelayMs: 60_000 });
    const kv = (store as unknown as { kv: { setMany: (e: unknown[]) => Promise<unknown> } }).kv;
    const spy = vi.spyOn(kv, 'setMany');
    for (let i = 0; i < 30; i++) store.record(`art-${i}`, [{ name: `Commander ${i % 5}`, kind: 'PERSON', mentions: 1 }]);
    await store.flush();
    expect(spy).toHaveBeenCalledTimes(1);
    expect((spy.mock.calls[0]?.[0] as unknown[]).length).toBe(5);
    await store.flush();
    expect(spy).toHaveBeenCalledTimes(1); // nothing dirty, nothing written
    store.record('art-x', [{ name: 'Commander 0', kind: 'PERSON', mentions: 2 }]);
    await store.close(); // flushes
    const again = await CandidateStore.open({ url });
    expect(again.size).toBe(5);
    expect(again.top(1)[0]).toMatchObject({ name: 'Commander 0', mentions: 8, articles: 7 });
    await again.close();
  });

  it('flushes on its own after the delay', async () => {
    const url = newUrl();
    const store = await CandidateStore.open({ url, flushDelayMs: 20 });
    store.record('a', [{ name: 'Hamid al-Jazaeri', kind: 'PERSON', mentions: 1 }]);
    await new Promise((r) => setTimeout(r, 80));
    const other = await CandidateStore.open({ url });
    expect(other.top(5).map((c) => c.name)).toEqual(['Hamid al-Jazaeri']);
    await other.close();
    await store.close();
  });
});
