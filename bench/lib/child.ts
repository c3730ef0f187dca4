/**
 * Runs a bench child script in a fresh Node process (with tsx and --expose-gc) and returns
 * its last stdout line parsed as JSON. Fresh processes give honest restore times and memory
 * figures; separate processes keep a load generator off the server's event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { REPO_ROOT } from './load-module.ts';

/** Node arguments every child gets. */
export const CHILD_NODE_ARGS = ['--import', 'tsx', '--expose-gc', '--max-old-space-size=8192'];

/** Spawns `bench/<script>` with `args` (and extra Node flags such as --cpu-prof); the child's stderr goes to ours. */
export function spawnChild(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, nodeArgs: readonly string[] = []): ChildProcess {
  return spawn(process.execPath, [...CHILD_NODE_ARGS, ...nodeArgs, resolve(REPO_ROOT, 'bench', script), ...args], {
    cwd: REPO_ROOT,
    // As `npm start` runs newsgate: graphql-js skips its development-mode checks.
    env: { NODE_ENV: 'production', ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Runs a child to completion; rejects with its exit code when it fails or prints no JSON. */
export function runChildJson<T>(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, nodeArgs: readonly string[] = []): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const child = spawnChild(script, args, env, nodeArgs);
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`bench/${script} exited with ${code}; last output: ${last.slice(0, 300)}`));
      try {
        resolvePromise(JSON.parse(last) as T);
      } catch {
        reject(new Error(`bench/${script} printed no JSON result; last output: ${last.slice(0, 300)}`));
      }
    });
  });
}

/** Starts a long-running child and resolves with the first JSON line it prints (its address). */
export function startChildServer<T>(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, nodeArgs: readonly string[] = []): Promise<{ child: ChildProcess; info: T }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawnChild(script, args, env, nodeArgs);
    let out = '';
    const onData = (chunk: string) => {
      out += chunk;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      try {
        resolvePromise({ child, info: JSON.parse(out.slice(0, nl)) as T });
      } catch {
        child.kill();
        reject(new Error(`bench/${script} printed "${out.slice(0, nl)}" instead of its JSON address`));
      }
    };
    child.stdout?.setEncoding('utf8').on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`bench/${script} exited with ${code} before it was ready`)));
  });
}

/** Stops a child server and waits for it to exit. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}
