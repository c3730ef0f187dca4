/**
 * `newsgate demo`: a working gateway and playground at once, with no network and no config —
 * the shipped sample corpus (demo/corpus.json) is written as local feeds and served from an
 * in-memory store through the same pipeline and server as `newsgate serve`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT, type CliIo } from '../cli-io.ts';
import { writeDemoFeeds } from '../demo/render-demo-feeds.ts';
import { DEMO_USAGE } from '../usage.ts';


/**
 * Prepares the demo feeds and returns the environment `serve` should run with: FEEDS_FILE and
 * STORE_URL point at the demo (an operator's own STORE_URL is not touched by a demo).
 */
export function demoEnvironment(argv: readonly string[], io: CliIo): { env: Record<string, string>; summary: string } | number {
  let values: { port?: string };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { port: { type: 'string' } } }));
  } catch (err) {
    io.stderr(`${(err as Error).message}\n${DEMO_USAGE}\n`);
    return EXIT.USAGE;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'newsgate-demo-'));
  const demo = writeDemoFeeds(dir);
  const env = {
    FEEDS_FILE: demo.feedsFile,
    STORE_URL: 'memory://demo',
    ...(values.port ? { PORT: values.port } : {}),
  };
  return { env, summary: `newsgate demo: ${demo.articles} sample articles in ${demo.feeds} feeds (written by the newsgate team, not real news), from ${dir}` };
}

/** Runs the demo: the gateway in this process, until SIGTERM/SIGINT. */
export async function runDemo(argv: readonly string[], io: CliIo): Promise<number> {
  const prepared = demoEnvironment(argv, io);
  if (typeof prepared === 'number') return prepared;
  io.stderr(`${prepared.summary}\n`);
  // The server reads its configuration from the environment, like `newsgate serve`.
  Object.assign(process.env, prepared.env);
  await import('../../server/main.ts');
  return new Promise<number>(() => {});
}
