/**
 * The ids the synthetic articles carry and the region ancestry the store indexes them under:
 * from the real catalog when the gazetteer loads (so the API accepts the ids), else the
 * generator's own ids and parents (so store-only suites still run), said in a note.
 */
import type { IdMap } from '../corpus/build-articles.ts';
import { IDENTITY_IDS } from '../corpus/build-articles.ts';
import { PLACE_PARENTS } from '../corpus/vocabulary.ts';
import { idMapFromCatalog, loadTagger } from './newsgate.ts';
import type { SuiteContext } from './context.ts';

export interface CorpusIds {
  readonly ids: IdMap;
  readonly regionAncestors: (id: string) => string[];
  /** Why the fallback was used, or which generator ids the catalog lacks. */
  readonly note?: string;
}

/** Resolves once per run (cached in `ctx.shared`). */
export async function corpusIds(ctx: SuiteContext): Promise<CorpusIds> {
  const cached = ctx.shared.get('corpusIds') as CorpusIds | undefined;
  if (cached) return cached;
  const result = await resolveCorpusIds(ctx.log);
  ctx.shared.set('corpusIds', result);
  return result;
}

/** Uncached: for child processes, which have no suite context. */
export async function resolveCorpusIds(log: (message: string) => void): Promise<CorpusIds> {
  let result: CorpusIds;
  try {
    const { catalog } = await loadTagger();
    const { ids, unmapped } = idMapFromCatalog(catalog);
    result = {
      ids,
      regionAncestors: (id) => catalog.regionAncestors(id),
      ...(unmapped.length > 0 ? { note: `catalog lacks ${unmapped.length} generator ids (${unmapped.slice(0, 4).join(', ')}${unmapped.length > 4 ? ', …' : ''}); those mentions are dropped` } : {}),
    };
    if (unmapped.length > 0) log(`  ${result.note}`);
  } catch (err) {
    result = {
      ids: IDENTITY_IDS,
      regionAncestors: (id) => [...(PLACE_PARENTS[id] ?? [id])],
      note: `gazetteer unavailable (${(err as Error).message}); generator ids and parents used`,
    };
    log(`  ${result.note}`);
  }
  return result;
}
