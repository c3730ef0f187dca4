/**
 * Full text as a user meets it: a feeds.json with `"fullText": true` on a summary-only feed of
 * the local news site; the running gateway serves each article's page text over GraphQL once
 * the pages arrive, tags the actor named only in the body, and shows on `feeds` how many pages
 * were used and which articles kept the summary and why.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { startGateway, type Gateway } from '../../src/server/gateway.ts';
import { graphql, waitFor } from '../e2e/feed-server.ts';
import { ARABIC_STORY, CONSENT_PATH, DRONE_STORY, startNewsSite, type NewsSite } from './news-site.ts';

let site: NewsSite;
let dir: string;
let gateway: Gateway | undefined;

beforeAll(async () => {
  site = await startNewsSite();
  dir = mkdtempSync(path.join(tmpdir(), 'newsgate-fulltext-e2e-'));
  writeFileSync(
    path.join(dir, 'feeds.json'),
    JSON.stringify({ fetch: { perHostSpacingSeconds: 0, perHostConcurrency: 2 }, feeds: [{ id: 'levant-wire', url: site.feedUrl, fullText: true }] }),
  );
  const config = loadConfig({ FEEDS_FILE: 'feeds.json', STORE_URL: `sqlite://${dir}/store.sqlite`, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }, dir);
  gateway = await startGateway(config, { logger: silentLogger, tickMs: 50, watchConfig: false });
  await waitFor(async () => {
    const counters = (await gateway!.store.getFeedState('levant-wire'))?.fullText;
    return counters !== undefined && counters.fetched + counters.failed === 6;
  }, 20_000, 'the six pages fetched');
}, 30_000);
afterAll(async () => {
  await gateway?.stop();
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('gateway with fullText', () => {
  it('serves the page text over GraphQL, tagged on the body', async () => {
    const res = await graphql(gateway!.url, `{ articles(filter: { actors: ["kataib-hizbullah"] }) { edges { node { url summary content actors { actor { id } } } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.articles.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(1);
    expect(nodes[0].url).toContain(DRONE_STORY.path);
    expect(nodes[0].summary).toBe(DRONE_STORY.summary);
    expect(nodes[0].content).toContain(DRONE_STORY.bodyParagraphs[2]);
    expect(nodes[0].content).not.toMatch(/Reader comments|Related stories|Most read/);
    const arabic = await graphql(gateway!.url, `{ articles(filter: { actors: ["asaib-ahl-al-haq"] }) { edges { node { content } } } }`);
    expect(arabic.data.articles.edges[0].node.content).toContain(ARABIC_STORY.body[0]);
  });

  it('shows on feeds how full text goes and why articles kept the summary', async () => {
    const res = await graphql(gateway!.url, `{ feeds { id warnings fullText { enabled fetched failed pending lastError { code } } } }`);
    expect(res.errors).toBeUndefined();
    const [feed] = res.data.feeds;
    expect(feed.fullText).toMatchObject({ enabled: true, fetched: 2, failed: 4, pending: 0 });
    expect(feed.warnings.join('\n')).toContain("Full text: kept the feed's text for 4 of 6 articles: 1 consent wall");
    expect(site.hits(CONSENT_PATH)).toBe(1);
  });
});
