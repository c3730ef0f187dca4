/**
 * The playground in a real browser, offline: headless Debian chromium loads /graphql from a
 * server on 127.0.0.1, every request to anywhere else is blocked and recorded (there must be
 * none), the preloaded example query runs, and the result pane shows the fake store's article.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphqlHttpHandler } from '../../src/graphql/http.ts';
import { createApolloServer } from '../../src/graphql/schema.ts';
import { makeArticle, makeServices } from '../graphql/fakes.ts';
import { captureLogger } from '../graphql/harness.ts';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`SKIPPED playground browser test: ${CHROMIUM} is missing (apt-get install chromium)`);

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const TITLE = 'Kataib Hizbullah statement warns US forces at Ain al-Asad';
const world = makeServices({
  articles: [
    makeArticle({
      id: 'recent-kh',
      feedId: 'wire',
      title: TITLE,
      publishedAt: daysAgo(2),
      actors: [{ id: 'kataib-hizbullah', mentions: 3, salience: 0.95 }],
      regions: [{ id: 'IQ', mentions: 2, salience: 0.7 }],
    }),
    makeArticle({ id: 'old-kh', feedId: 'wire', title: 'An old statement', publishedAt: daysAgo(90), actors: [{ id: 'kataib-hizbullah', mentions: 1, salience: 0.5 }], regions: [{ id: 'IQ', mentions: 1, salience: 0.5 }] }),
  ],
});

describe.skipIf(!haveChromium)('playground in headless chromium', () => {
  const apollo = createApolloServer(world.services, { logger: captureLogger().logger });
  let server: Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    await apollo.start();
    const handler = createGraphqlHttpHandler(apollo, world.services);
    server = createServer((req, res) => {
      void handler(req, res).then((handled) => {
        if (!handled) {
          res.writeHead(404);
          res.end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await apollo.stop();
  });

  it('loads offline, runs the preloaded query and shows the result', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const blocked: string[] = [];
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      blocked.push(url.href);
      return route.abort();
    });

    await page.goto(`${base}/graphql`, { waitUntil: 'load' });
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
    // The editor holds the example query.
    await expect.poll(() => page.locator('.graphiql-query-editor').innerText(), { timeout: 10_000 }).toContain('ActorInRegion');

    // The headers editor is on (for `Authorization: Bearer …` on mutations).
    await expect.poll(() => page.locator('.graphiql-editor-tools').innerText()).toContain('Headers');
    // The date range was filled in for the last 30 days.
    await expect.poll(() => page.locator('.graphiql-editor-tool').innerText()).toContain('"from"');

    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await expect.poll(() => result.innerText(), { timeout: 15_000 }).toContain(TITLE);
    const text = await result.innerText();
    expect(text).toContain('"totalCount": 1'); // the 90-day-old article is outside the 30-day range
    expect(text).toContain('kataib-hizbullah');

    expect(blocked, 'requests to anything but newsgate').toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 60_000);
});
