/**
 * Runs a real gateway process (the `npm start` entry point) for multi-replica tests, and waits
 * for its "listening" log line to learn its port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface GatewayProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  output(): string;
}

export async function spawnGateway(env: Record<string, string>, timeoutMs = 40_000): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = out.split('\n').find((l) => l.includes('"newsgate listening"'));
    if (line) {
      const { port } = JSON.parse(line) as { port: number };
      return { url: `http://127.0.0.1:${port}`, child, exited, output: () => out };
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`gateway did not start:\n${out}`);
}

/** SIGTERM, then wait for the exit code. */
export async function stopGateway(g: GatewayProcess): Promise<number | null> {
  if (g.child.exitCode !== null) return g.child.exitCode;
  g.child.kill('SIGTERM');
  return g.exited;
}
