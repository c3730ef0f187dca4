#!/usr/bin/env node
// The `newsgate` command. Runs the compiled JavaScript in dist/ (built by `npm ci` through the
// `prepare` script, or `npm run build`), so a call starts in well under a second. Without dist/,
// or when a file under src/ is newer than the build (a developer editing), it runs the
// TypeScript sources through tsx instead: slower to start, never stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// graphql-js runs extra development checks unless told it is in production.
process.env.NODE_ENV ??= 'production';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = `${root}dist/cli/main.js`;

/** True when dist/ exists and no source file changed after it was built. */
function distIsFresh() {
  if (!existsSync(built)) return false;
  const src = `${root}src`;
  if (!existsSync(src)) return true;
  const builtAt = statSync(built).mtimeMs;
  for (const name of readdirSync(src, { recursive: true })) {
    if (name.endsWith('.ts') && statSync(`${src}/${name}`).mtimeMs > builtAt) return false;
  }
  return true;
}

const fresh = distIsFresh();
if (!fresh) {
  if (existsSync(built)) process.stderr.write('newsgate: src/ is newer than dist/; running the sources through tsx (`npm run build` to refresh dist/).\n');
  const { register } = await import('tsx/esm/api');
  register();
}
const [{ runCli }, { processIo }] = fresh
  ? await Promise.all([import(built), import(`${root}dist/cli/cli-io.js`)])
  : await Promise.all([import('../src/cli/main.ts'), import('../src/cli/cli-io.ts')]);
try {
  process.exitCode = await runCli(process.argv.slice(2), processIo());
} catch (err) {
  process.stderr.write(`newsgate: ${err?.stack ?? String(err)}\n`);
  process.exitCode = 1;
}
