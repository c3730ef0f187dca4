/**
 * `newsgate dictionaries check [files…]`: validates the dictionaries as the gateway would load
 * them — data/ plus the given extension files (or, without files, data/ alone) — and prints every
 * problem with its file, JSON path, what is wrong and a did-you-mean, then the warnings that do
 * not stop loading (an alias shared by two actors is reported, not silently dropped). Exit 0 when
 * the dictionaries load, 1 when they do not (issue 14, item 7).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { NewsgateError } from '../../model/errors.ts';
import { DEFAULT_DATA_DIR } from '../../normalize/gazetteer/create-default-tagger.ts';
import { loadDictionaries } from '../../normalize/gazetteer/load-dictionaries.ts';
import { EXIT, type CliIo } from '../cli-io.ts';
import { DICTIONARIES_USAGE } from '../usage.ts';

interface Problem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** Runs a `dictionaries` subcommand; returns the exit code. */
export async function runDictionaries(argv: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'check') {
    io.stderr(`${DICTIONARIES_USAGE}\n`);
    return EXIT.USAGE;
  }
  let values: { 'data-dir'?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, options: { 'data-dir': { type: 'string' } } }));
  } catch (err) {
    io.stderr(`${(err as Error).message}\n${DICTIONARIES_USAGE}\n`);
    return EXIT.USAGE;
  }
  const dataDir = values['data-dir'] === undefined ? DEFAULT_DATA_DIR : path.resolve(io.cwd, values['data-dir']);
  const extraFiles = positionals.map((f) => path.resolve(io.cwd, f));
  try {
    const d = await loadDictionaries({ dataDir, extraFiles });
    io.stdout(`${dataDir}${extraFiles.length > 0 ? ` + ${extraFiles.join(', ')}` : ''}: ok, ${d.actors.length} actors, ${d.regions.length} regions, ${d.topics.length} topics\n`);
    for (const w of d.warnings) io.stdout(`warning: ${w}\n`);
    return EXIT.OK;
  } catch (err) {
    if (!(err instanceof NewsgateError)) throw err;
    const problems = ((err.details as { problems?: Problem[] } | undefined)?.problems ?? []) as Problem[];
    if (problems.length === 0) io.stderr(`${err.message}\n`);
    for (const p of problems) io.stderr(`${p.file}: ${p.path}: ${p.message}\n`);
    io.stderr(`${problems.length || 1} problem${problems.length === 1 ? '' : 's'}; nothing was changed\n`);
    return EXIT.PROBLEM;
  }
}
