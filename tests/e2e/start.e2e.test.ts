/**
 * `npm start` as an operator runs it: the real entry point in a child process. It answers,
 * logs structured lines, stops cleanly on SIGTERM (exit 0), and refuses a bad feeds.json with
 * the file, the JSON path and an example (exit 2).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'newsgate-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(feeds: unknown, extraEnv: Record<string, string> = {}) {
  const file = path.join(dir, `feeds-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof feeds === 'string' ? feeds : JSON.stringify(feeds));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', FEEDS_FILE: file, STORE_URL: `sqlite://${dir}/s-${Math.random().toString(36).slice(2)}.sqlite`, LOG_LEVEL: 'info', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('npm start (src/server/main.ts)', () => {
  it('listens, logs JSON lines, answers /health and exits 0 on SIGTERM', async () => {
    const proc = start({ feeds: [] });
    const deadline = Date.now() + 30_000;
    let port: number | undefined;
    while (port === undefined && Date.now() < deadline) {
      const line = proc.out().split('\n').find((l) => l.includes('"newsgate listening"'));
      if (line) port = (JSON.parse(line) as { port: number }).port;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(port, proc.err()).toBeTypeOf('number');
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.out()).toContain('"stopped"');
  }, 40_000);

  it('refuses to start on an invalid feeds.json, naming the problem (exit 2)', async () => {
    const proc = start({ feeds: [{ id: 'rudaw', url: 'https://rudaw.example/rss', interval: 10 }] });
    expect(await proc.exited).toBe(2);
    expect(proc.err()).toContain('$.feeds[0].interval');
    expect(proc.err()).toContain('did you mean "intervalMinutes"');
  }, 30_000);
});
