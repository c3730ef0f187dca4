/**
 * Structured logging: one JSON line per event (pino), so operators can grep and ship them.
 */
import { pino, type Logger } from 'pino';
import type { LogLevel } from '../config/config.types.ts';
import { requestLogFields } from './request-context.ts';

export type { Logger };

/**
 * The process logger. `name` tags every line (e.g. "newsgate", "newsgate-cli"); a line written
 * while a request is handled carries its `reqId` (see request-context.ts).
 */
export function createLogger(level: LogLevel, name = 'newsgate'): Logger {
  return pino({ name, level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime, mixin: requestLogFields });
}

/** A logger that writes nothing, for tests and the CLI's quiet paths. */
export const silentLogger: Logger = pino({ level: 'silent' });
