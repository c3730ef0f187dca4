/**
 * Builds the frozen Config newsgate runs with: the environment, then the feeds file it names.
 */
import path from 'node:path';
import type { Config } from './config.types.ts';
import { readEnv } from './env.ts';
import { readFeedsFile } from './feeds-file.ts';

/**
 * Reads env and feeds.json once and validates both; throws NewsgateError(CONFIG_INVALID) with
 * every problem listed, so start-up stops with one clear message.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const settings = readEnv(env);
  const feedsFile = path.resolve(cwd, settings.feedsFile);
  return Object.freeze({ ...settings, feedsFile, feeds: readFeedsFile(feedsFile) });
}
