/**
 * What a CLI command writes to and returns, so commands run in tests without a child process.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Standard input as a stream (`store import -`); absent in tests that give none. */
  readonly stdin?: NodeJS.ReadableStream;
  /** Standard output as a stream, for output too big to buffer (`store export`): written with backpressure. */
  readonly stdoutStream?: NodeJS.WritableStream;
}

/** Exit codes: 0 ok, 1 the command ran and found a problem (bad feed), 2 bad usage or config. */
export const EXIT = Object.freeze({ OK: 0, PROBLEM: 1, USAGE: 2 });

/** The real process streams. */
export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    stdin: process.stdin,
    stdoutStream: process.stdout,
  };
}
