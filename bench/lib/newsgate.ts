/**
 * The newsgate modules the suites measure, loaded through {@link importSrc} and typed by the
 * contracts in src/model, src/store and src/normalize. One place, so that when an entry point
 * moves only this file changes.
 */
import type { ArticleStoreApi } from '../../src/store/article-store.types.ts';
import type { EntityCatalog } from '../../src/model/catalog.ts';
import type { Tagger } from '../../src/normalize/gazetteer/tagger.types.ts';
import type { FeedConfig } from '../../src/model/feed.ts';
import type { DocumentInput, ProcessedDocument } from '../../src/pipeline/process-document.ts';
import { importSrc } from './load-module.ts';
import type { IdMap } from '../corpus/build-articles.ts';
import { ACTORS, PLACES, COUNTRIES } from '../corpus/vocabulary.ts';

/** The store as the bench uses it: the shared contract plus `open`. */
/** The store contract, plus the wait for the full-text index that is built after open(). */
export type BenchStore = ArticleStoreApi & { whenSearchIndexed?(): Promise<void> };

export interface StoreOpenOptions {
  readonly url: string;
  readonly regionAncestors: (id: string) => string[];
  readonly logger?: unknown;
}

/** Opens an ArticleStore (src/store/article-store.ts) at `url`. */
export async function openStore(options: StoreOpenOptions): Promise<BenchStore> {
  const mod = await importSrc<{ ArticleStore: { open(o: StoreOpenOptions & { logger: unknown }): Promise<BenchStore> } }>('store/article-store.ts');
  const { silentLogger } = await importSrc<{ silentLogger: unknown }>('observability/logger.ts');
  return mod.ArticleStore.open({ logger: silentLogger, ...options });
}

/** The default tagger and catalog, as the gateway builds them. */
export async function loadTagger(): Promise<{ tagger: Tagger; catalog: EntityCatalog }> {
  const mod = await importSrc<{ createDefaultTagger(o?: { extraFiles?: string[] }): Promise<{ tagger: Tagger; catalog: EntityCatalog }> }>(
    'normalize/gazetteer/create-default-tagger.ts',
  );
  return mod.createDefaultTagger({ extraFiles: [] });
}

/** decode → parse → normalize of one document (src/pipeline/process-document.ts). */
export async function loadProcessDocument(): Promise<(input: DocumentInput) => Promise<ProcessedDocument>> {
  const mod = await importSrc<{ processDocument(input: DocumentInput): Promise<ProcessedDocument> }>('pipeline/process-document.ts');
  return mod.processDocument;
}

/** A feed config as feeds.json would give it after defaults. */
export function benchFeedConfig(id: string, url: string): FeedConfig {
  return { id, url, tags: [], regions: [], intervalMinutes: 15, enabled: true, headers: {}, allowFile: false };
}

/**
 * Maps the generator's ids onto the catalog's: the id itself when the catalog has it, else the
 * best alias match of the generator's first spelling. Ids the catalog cannot place are dropped
 * (and counted), so the store never holds an id the API would reject.
 */
export function idMapFromCatalog(catalog: EntityCatalog): { ids: IdMap; unmapped: string[] } {
  const unmapped: string[] = [];
  const actorIds = new Map<string, string | undefined>();
  for (const a of ACTORS) {
    const id = catalog.actor(a.id)?.id ?? a.names.map((n) => catalog.searchActors(n)[0]?.id).find((x) => x !== undefined);
    if (id === undefined) unmapped.push(`actor ${a.id}`);
    actorIds.set(a.id, id);
  }
  const regionIds = new Map<string, string | undefined>();
  for (const r of [...PLACES.map((p) => ({ id: p.id, names: p.names })), ...COUNTRIES.map((c) => ({ id: c.code, names: [c.name] }))]) {
    const id = catalog.region(r.id)?.id ?? r.names.map((n) => catalog.searchRegions(n.replace(/^the /, ''))[0]?.id).find((x) => x !== undefined);
    if (id === undefined) unmapped.push(`region ${r.id}`);
    regionIds.set(r.id, id);
  }
  const topic = (id: string): string | undefined => catalog.topic(id)?.id ?? catalog.topics.find((t) => t.id.includes(id.split('-')[0] ?? id))?.id;
  return { ids: { actor: (id) => actorIds.get(id), region: (id) => regionIds.get(id), topic }, unmapped };
}
