/**
 * The /health report (pure): "degraded" with its reasons when the store does not answer or
 * when every feed fetched is failing; "ok" while at least one feed works.
 */
import { describe, expect, it } from 'vitest';
import type { FeedConfig, FeedState } from '../../src/model/feed.ts';
import { buildHealthReport } from '../../src/server/health.ts';

const feed = (id: string, enabled = true) => ({ id, url: `https://${id}.example/rss`, enabled }) as FeedConfig;
const ok = { lastFetchAt: '2026-01-01T00:00:00Z', consecutiveFailures: 0 } as FeedState;
const failing = { lastFetchAt: '2026-01-01T00:00:00Z', consecutiveFailures: 3 } as FeedState;

describe('buildHealthReport', () => {
  it.each([
    ['all feeds ok', true, [ok, ok], 'ok', []],
    ['one of two failing', true, [ok, failing], 'ok', []],
    ['every feed failing', true, [failing, failing], 'degraded', ['every feed fetched is failing (2 of 2 enabled)']],
    ['failing, the other never fetched', true, [failing, undefined], 'degraded', ['every feed fetched is failing (1 of 2 enabled)']],
    ['nothing fetched yet', true, [undefined, undefined], 'ok', []],
    ['store down', false, [ok, ok], 'degraded', ['the store does not answer']],
  ] as const)('%s', (_name, reachable, states, status, reasons) => {
    const report = buildHealthReport({ storeUrl: 'sqlite://x.sqlite', reachable, articles: 1, feeds: [feed('a'), feed('b')], states: [...states], startedAt: 0, now: 1000, version: '1' });
    expect(report.status).toBe(status);
    expect(report.reasons).toEqual(reasons);
  });
});
