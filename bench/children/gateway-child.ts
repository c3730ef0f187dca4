/**
 * Child process of the HTTP suite: a real newsgate (startGateway, as `npm start` runs it) on
 * 127.0.0.1 with an ephemeral port, serving a store the parent filled, without polling. Prints
 * `{"url": …}` once listening; stops gracefully on SIGTERM.
 *
 * argv: <storeUrl> <tmpDir> <feedCount> <responseCache: on|off>
 * env: NEWSGATE_BENCH_PROFILE=<file>: V8's CPU profiler runs from "ready" to SIGTERM (serving
 *      only, start-up left out) and writes the `.cpuprofile` there.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import type { Config } from '../../src/config/config.types.ts';
import { benchFeedConfig } from '../lib/newsgate.ts';
import { importSrc } from '../lib/load-module.ts';

const [storeUrl, tmpDir, feedCountArg, cacheArg] = process.argv.slice(2);
if (!storeUrl || !tmpDir) {
  process.stderr.write('usage: gateway-child.ts <storeUrl> <tmpDir> <feedCount> <on|off>\n');
  process.exit(2);
}
const feedsFile = join(tmpDir, 'feeds.json');
// The articles' sources, so `source` resolves; never fetched (poll: false). Port 9 is discard.
const feeds = Array.from({ length: Number(feedCountArg ?? 40) }, (_, i) => benchFeedConfig(`feed-${i}`, `http://127.0.0.1:9/feed-${i}.xml`));
writeFileSync(feedsFile, JSON.stringify({ feeds: feeds.map((f) => ({ id: f.id, url: f.url })) }));
const config: Config = {
  port: 0,
  host: '127.0.0.1',
  feedsFile,
  storeUrl,
  logLevel: 'silent',
  poll: false,
  responseCache: cacheArg !== 'off',
  cacheUrl: 'memory://',
  feeds: {
    file: feedsFile,
    feeds,
    fetch: {
      totalTimeoutMs: 60_000,
      connectTimeoutMs: 10_000,
      headersTimeoutMs: 20_000,
      maxBodyBytes: 10 * 2 ** 20,
      maxRedirects: 5,
      allowPrivateAddresses: false,
      concurrency: 4,
      perHostConcurrency: 1,
      perHostSpacingMs: 0,
      minIntervalMinutes: 1,
      maxIntervalMinutes: 60,
    },
    retention: {},
    dictionaries: [],
  },
};
const { startGateway } = await importSrc<typeof import('../../src/server/gateway.ts')>('server/gateway.ts');
const { silentLogger } = await importSrc<typeof import('../../src/observability/logger.ts')>('observability/logger.ts');
const gateway = await startGateway(config, { logger: silentLogger, watchConfig: false });
const profileFile = process.env.NEWSGATE_BENCH_PROFILE;
const profiler = profileFile ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
  await profiler.post('Profiler.start');
}
process.stdout.write(`${JSON.stringify({ url: gateway.url, articles: await gateway.store.size() })}\n`);
process.on('SIGTERM', () => {
  const written = profiler
    ? profiler.post('Profiler.stop').then(({ profile }) => writeFileSync(profileFile as string, JSON.stringify(profile)))
    : Promise.resolve();
  void written.then(() => gateway.stop()).then(() => process.exit(0), () => process.exit(1));
});
