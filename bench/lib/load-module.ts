/**
 * Imports a newsgate module by its path under src/. The bench measures modules other people
 * write; when one is missing or broken, the suite that needs it reports SKIPPED with the reason
 * instead of the whole run failing.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

/** Repository root (bench/lib/ is two levels down). */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

/** Imports `src/<relative>` (e.g. `pipeline/process-document.ts`); throws an Error saying which module failed and why. */
export async function importSrc<T>(relative: string): Promise<T> {
  const url = pathToFileURL(resolve(REPO_ROOT, 'src', relative)).href;
  try {
    return (await import(url)) as T;
  } catch (err) {
    throw new Error(`cannot load src/${relative}: ${(err as Error).message.split('\n')[0]}`, { cause: err });
  }
}
