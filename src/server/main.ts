/**
 * `npm start`: validates the config (a bad feeds.json stops here, with every problem listed),
 * starts the gateway, and shuts down gracefully on SIGTERM/SIGINT (exit 0).
 */
import './production-mode.ts';
import 'reflect-metadata';
import { loadConfig } from '../config/load-config.ts';
import { NewsgateError } from '../model/errors.ts';
import { createLogger } from '../observability/logger.ts';
import { startGateway } from './gateway.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`newsgate: cannot start.\n${err instanceof NewsgateError ? err.message : String(err)}\n`);
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);
  let gateway;
  try {
    gateway = await startGateway(config, { logger });
  } catch (err) {
    const message = err instanceof NewsgateError ? `${err.code}: ${err.message}` : (err as Error).stack ?? String(err);
    logger.fatal({ err: message }, 'start-up failed');
    process.stderr.write(`newsgate: cannot start.\n${message}\n`);
    process.exit(1);
  }
  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    signalled = true;
    logger.info({ signal }, 'signal received');
    gateway.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err: String(err) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

void main();
