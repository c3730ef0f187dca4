/**
 * An offline first run: every feed's host fails to resolve. The gateway still starts and
 * serves, and says so in ONE line after the first round, naming the likely cause.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { startGateway, type Gateway } from '../../src/server/gateway.ts';
import { waitFor } from '../e2e/feed-server.ts';

let gateway: Gateway | undefined;
const dir = mkdtempSync(path.join(tmpdir(), 'newsgate-first-run-'));
afterAll(async () => {
  await gateway?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('first run with no network', () => {
  it('logs one line: 0 of N feeds reachable, the names do not resolve', async () => {
    // .invalid never resolves (RFC 2606), on any machine.
    const feeds = Array.from({ length: 4 }, (_, i) => ({ id: `f${i}`, url: `http://feed-${i}.newsgate.invalid/rss` }));
    writeFileSync(path.join(dir, 'feeds.json'), JSON.stringify({ fetch: { perHostSpacingSeconds: 0 }, feeds }));
    const lines: { msg: string; event?: string }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const config = loadConfig({ FEEDS_FILE: 'feeds.json', STORE_URL: 'memory://first-run', PORT: '0', HOST: '127.0.0.1' }, dir);
    gateway = await startGateway(config, { logger: pino({ level: 'info' }, sink), tickMs: 50, watchConfig: false });
    await waitFor(() => lines.some((l) => l.event === 'no-feed-reachable'), 30_000, 'the first-round summary');
    const summaries = lines.filter((l) => l.event === 'no-feed-reachable');
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.msg).toMatch(/^0 of 4 feeds reachable: the names do not resolve — no network/);
  }, 60_000);
});
