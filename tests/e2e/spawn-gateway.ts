/**
 * Starts the real gateway process as an operator would (NODE_ENV=production by default, not the
 * `test` vitest sets), on 127.0.0.1:0 with a fresh SQLite store, and reads its port from the
 * "newsgate listening" log line.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** Start-up loads every dictionary: seconds on a quiet machine, much longer on a busy CI box. */
export const STARTUP_TIMEOUT_MS = 90_000;

export interface SpawnedGateway {
  readonly child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<number | null>;
  readonly dir: string;
  out(): string;
  err(): string;
  /** Resolves with the base URL once the gateway listens (rejects if it exits first). */
  ready(timeoutMs?: number): Promise<string>;
}

export interface SpawnOptions {
  readonly feeds?: unknown;
  readonly env?: Record<string, string>;
  /** Arguments after `node` (default: the TypeScript entry point through tsx). */
  readonly args?: readonly string[];
  readonly dir?: string;
}

export function spawnGateway(options: SpawnOptions = {}): SpawnedGateway {
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'newsgate-prod-'));
  const feedsFile = path.join(dir, 'feeds.json');
  writeFileSync(feedsFile, JSON.stringify(options.feeds ?? { feeds: [] }));
  const child = spawn(process.execPath, [...(options.args ?? ['--import', 'tsx', 'src/server/main.ts'])], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      FEEDS_FILE: feedsFile,
      STORE_URL: `sqlite://${dir}/store.sqlite`,
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    dir,
    out: () => stdout,
    err: () => stderr,
    async ready(timeoutMs = STARTUP_TIMEOUT_MS) {
      const deadline = Date.now() + timeoutMs;
      let gone = false;
      void exited.then(() => (gone = true));
      while (Date.now() < deadline && !gone) {
        const line = stdout.split('\n').find((l) => l.includes('"newsgate listening"'));
        if (line) return `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`gateway did not start:\n${stdout}\n${stderr}`);
    },
  };
}
