/**
 * The process's termination signals belong to newsgate alone: SIGTERM (docker stop, systemd,
 * Kubernetes) or SIGINT (Ctrl-C) runs the graceful stop once and exits 0 when it completes.
 * Apollo Server's own `stopOnTerminationSignals` is turned off (see createApolloServer): it
 * stops Apollo and then re-raises the signal, which arrived here as a "second" signal and
 * ended a clean shutdown with exit 1 before the writes finished.
 */
import type { Logger } from '../observability/logger.ts';

export const TERMINATION_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export interface ShutdownOptions {
  readonly logger: Logger;
  /** The graceful stop (stop accepting, drain requests and writes, close the store). */
  readonly stop: () => Promise<void>;
  /** Process exit (injected so the behaviour is testable without exiting). */
  readonly exit?: (code: number) => void;
}

/**
 * Installs the handlers; returns a function that removes them. A second signal while stopping
 * is the operator insisting: exit 1 at once, as most servers do.
 */
export function shutdownOnSignals(options: ShutdownOptions): () => void {
  const { logger, stop } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalled) {
      logger.warn({ signal }, 'second signal while stopping: exiting now');
      exit(1);
      return;
    }
    signalled = true;
    logger.info({ signal }, 'signal received: shutting down');
    stop().then(
      () => exit(0),
      (err: unknown) => {
        logger.error({ err: String(err) }, 'shutdown failed');
        exit(1);
      },
    );
  };
  for (const signal of TERMINATION_SIGNALS) process.on(signal, onSignal);
  return () => {
    for (const signal of TERMINATION_SIGNALS) process.off(signal, onSignal);
  };
}
