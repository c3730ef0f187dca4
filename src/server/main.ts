/**
 * `npm start`: validates the config (a bad feeds.json stops here, with every problem listed),
 * starts the gateway, and shuts down gracefully on SIGTERM/SIGINT (exit 0, see shutdown-on-signals.ts).
 */
import './production-mode.ts';
import 'reflect-metadata';
import { loadConfig } from '../config/load-config.ts';
import { NewsgateError } from '../model/errors.ts';
import { createLogger } from '../observability/logger.ts';
import { startGateway } from './gateway.ts';
import { shutdownOnSignals } from './shutdown-on-signals.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`newsgate: cannot start.\n${err instanceof NewsgateError ? err.message : String(err)}\n`);
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);
  const starting = startGateway(config, { logger });
  // Installed before start-up finishes: a SIGTERM while dictionaries load waits for the start,
  // then stops cleanly (exit 0) instead of killing the process mid-restore.
  shutdownOnSignals({ logger, stop: async () => (await starting).stop() });
  try {
    await starting;
  } catch (err) {
    const message = err instanceof NewsgateError ? `${err.code}: ${err.message}` : (err as Error).stack ?? String(err);
    logger.fatal({ err: message }, 'start-up failed');
    process.stderr.write(`newsgate: cannot start.\n${message}\n`);
    process.exit(1);
  }
}

void main();
