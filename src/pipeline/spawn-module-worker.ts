/**
 * Starts a worker thread on one of newsgate's own modules, however newsgate itself runs: from
 * the compiled dist/ (the module is `.js`: started directly) or from the TypeScript sources
 * (`npm run dev`, bin/newsgate.js with a stale dist/, vitest: the module is `.ts`). A worker
 * does not inherit the loader hooks tsx registered on the main thread, so a `.ts` module is
 * started through a two-line bootstrap that registers tsx in the worker first.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * `sibling` is the module's file name without extension, next to `from` (pass import.meta.url);
 * it is loaded with the extension `from` has.
 */
export function spawnModuleWorker(from: string, sibling: string, options: WorkerOptions = {}): Worker {
  const settings: WorkerOptions = { execArgv: workerExecArgv(process.execArgv), ...options };
  if (!from.endsWith('.ts')) return new Worker(new URL(`./${sibling}.js`, from), settings);
  const entry = new URL(`./${sibling}.ts`, from).href;
  const bootstrap = `import(${JSON.stringify(tsxApiUrl(from))}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(entry)}))`;
  return new Worker(bootstrap, { ...settings, eval: true });
}

/** Node flags that describe the main script, not the runtime: a worker given them fails to start. */
const MAIN_SCRIPT_FLAGS = new Set(['-e', '--eval', '-p', '--print', '--input-type']);

/**
 * The main thread's Node flags for a worker, without those that only make sense for the main
 * script (`--input-type`, and `-e`/`--eval`/`-p`/`--print` with their code). Pure.
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const flag = execArgv[i] as string;
    if (MAIN_SCRIPT_FLAGS.has(flag)) {
      i++;
      continue;
    }
    if (/^--(eval|print|input-type)=/.test(flag)) continue;
    out.push(flag);
  }
  return out;
}

/** The ES module build of tsx's API (its `require` build cannot register the ESM hooks). */
function tsxApiUrl(from: string): string {
  const require = createRequire(from);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = require(manifestPath) as { exports: Record<string, { import?: { default?: string } }> };
  const api = manifest.exports['./esm/api']?.import?.default;
  if (!api) throw new Error(`tsx at ${manifestPath} has no ESM API entry (./esm/api); cannot run TypeScript in a worker`);
  return pathToFileURL(path.join(path.dirname(manifestPath), api)).href;
}
