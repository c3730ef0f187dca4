/** Feed URLs with credentials or keys are redacted for anonymous clients and whole for ADMIN_TOKEN holders; /health names no path. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayServices } from '../../src/graphql/context.ts';
import type { FeedConfig } from '../../src/model/feed.ts';
import { buildHealthReport } from '../../src/server/health.ts';
import { makeServices } from './fakes.ts';
import { startHarness } from './harness.ts';

const SECRET_URL = 'https://reader:hunter2@feeds.example/rss?api_key=abc123&lang=en';
const feed: FeedConfig = { id: 'keyed', url: SECRET_URL, tags: [], regions: [], intervalMinutes: 15, enabled: true, headers: {}, allowFile: false };
const services: GatewayServices = { ...makeServices({ adminToken: 'let-me-in' }).services, feeds: () => [feed] };
let harness: Awaited<ReturnType<typeof startHarness>>;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.apollo.stop());

describe('feeds { url }', () => {
  it('hides the password and key from an anonymous client', async () => {
    const result = await harness.run(services, '{ feeds { url } }');
    expect(result.data?.feeds).toEqual([{ url: 'https://reader:***@feeds.example/rss?api_key=***&lang=en' }]);
  });

  it('hides them from a wrong token too', async () => {
    const result = await harness.run(services, '{ feeds { url } }', undefined, 'Bearer guess');
    expect(JSON.stringify(result.data)).not.toContain('hunter2');
  });

  it('shows the URL as written to an ADMIN_TOKEN holder', async () => {
    const result = await harness.run(services, '{ feeds { url } }', undefined, 'Bearer let-me-in');
    expect(result.data?.feeds).toEqual([{ url: SECRET_URL }]);
  });
});

describe('/health', () => {
  it('names the store engine, never its path or host', () => {
    for (const storeUrl of ['sqlite:///var/lib/newsgate/secret-name.sqlite', 'redis://:pw@10.0.0.7:6379']) {
      const report = buildHealthReport({ storeUrl, reachable: true, articles: 0, feeds: [], states: [], startedAt: 0, now: 0, version: 'x' });
      expect(JSON.stringify(report)).not.toMatch(/secret-name|var\/lib|10\.0\.0\.7|pw/);
      expect(report.store.engine).toBe(storeUrl.split(':')[0]);
    }
  });
});
