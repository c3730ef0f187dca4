#!/usr/bin/env node
// The `newsgate` command. Runs the TypeScript sources through tsx (a dependency), so the
// command works straight after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

// graphql-js runs extra development checks unless told it is in production.
process.env.NODE_ENV ??= 'production';
register();
const { runCli } = await import('../src/cli/main.ts');
const { processIo } = await import('../src/cli/cli-io.ts');
try {
  process.exitCode = await runCli(process.argv.slice(2), processIo());
} catch (err) {
  process.stderr.write(`newsgate: ${err?.stack ?? String(err)}\n`);
  process.exitCode = 1;
}
