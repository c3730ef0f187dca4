/**
 * Every saved search, wherever it was declared: those of feeds.json (replaced on each reload,
 * read-only through the API) and those saved with `saveSearch` (rows of `saved_searches` in the
 * store, so every replica sees them and they survive restarts). A config search shadows a
 * stored one of the same id, and the API refuses to save or delete over a config one.
 */
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import type { SavedSearch, SavedSearchFilter, SavedSearchSpec } from '../model/saved-search.ts';
import type { SavedSearchesTable, SearchDatabase } from './search-tables.ts';

function fromRow(row: SavedSearchesTable): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    filter: JSON.parse(row.filter) as SavedSearchFilter,
    webhook: row.webhook,
    origin: 'api',
    createdAt: new Date(Number(row.created_ms)).toISOString(),
    updatedAt: new Date(Number(row.updated_ms)).toISOString(),
  };
}

export class SavedSearchRegistry {
  private config: readonly SavedSearch[] = [];

  constructor(
    private readonly db: SearchDatabase,
    configSpecs: readonly SavedSearchSpec[],
    private readonly now: () => number = Date.now,
  ) {
    this.setConfig(configSpecs);
  }

  /** Replaces the feeds.json searches (on start and on each valid reload). */
  setConfig(specs: readonly SavedSearchSpec[]): void {
    const at = new Date(this.now()).toISOString();
    const before = new Map(this.config.map((s) => [s.id, s]));
    this.config = specs.map((spec) => {
      const old = before.get(spec.id);
      const same = old !== undefined && JSON.stringify({ ...old, origin: 0, createdAt: 0, updatedAt: 0 }) === JSON.stringify({ ...spec, origin: 0, createdAt: 0, updatedAt: 0 });
      return { ...spec, origin: 'config' as const, createdAt: old?.createdAt ?? at, updatedAt: same ? (old as SavedSearch).updatedAt : at };
    });
  }

  /** All searches: feeds.json's first, in file order, then the saved ones by id. */
  async list(): Promise<SavedSearch[]> {
    const rows = await this.db.selectFrom('saved_searches').selectAll().orderBy('id').execute();
    const configIds = new Set(this.config.map((s) => s.id));
    return [...this.config, ...rows.filter((r) => !configIds.has(r.id)).map(fromRow)];
  }

  async get(id: string): Promise<SavedSearch | undefined> {
    const fromConfig = this.config.find((s) => s.id === id);
    if (fromConfig !== undefined) return fromConfig;
    const row = await this.db.selectFrom('saved_searches').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  }

  /** Creates or replaces a search saved through the API; refuses the id of a feeds.json one. */
  async save(spec: SavedSearchSpec): Promise<SavedSearch> {
    this.refuseConfig(spec.id, 'saveSearch');
    const ms = this.now();
    const values = { id: spec.id, name: spec.name, query: spec.query, filter: JSON.stringify(spec.filter), webhook: spec.webhook, created_ms: ms, updated_ms: ms };
    await this.db
      .insertInto('saved_searches')
      .values(values)
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: values.name, query: values.query, filter: values.filter, webhook: values.webhook, updated_ms: ms }))
      .execute();
    return (await this.get(spec.id)) as SavedSearch;
  }

  /** Deletes a search saved through the API (and its webhook state); NOT_FOUND when there is none. */
  async delete(id: string): Promise<void> {
    this.refuseConfig(id, 'deleteSearch');
    const done = await this.db.transaction().execute(async (trx) => {
      const result = await trx.deleteFrom('saved_searches').where('id', '=', id).executeTakeFirst();
      await trx.deleteFrom('search_webhook_state').where('search_id', '=', id).execute();
      await trx.deleteFrom('search_queued').where('search_id', '=', id).execute();
      await trx.deleteFrom('search_deliveries').where('search_id', '=', id).where('status', '=', 'pending').execute();
      return Number(result.numDeletedRows);
    });
    if (done === 0) {
      throw new NewsgateError(ErrorCode.NOT_FOUND, `No saved search has the id "${id}"; the \`searches\` query lists them.`, { details: { id } });
    }
  }

  private refuseConfig(id: string, operation: string): void {
    if (this.config.some((s) => s.id === id)) {
      throw new NewsgateError(
        ErrorCode.BAD_USER_INPUT,
        `The saved search "${id}" is declared in feeds.json and is read-only through the API; edit its entry under "searches" in feeds.json instead (it reloads while running), or use another id.`,
        { details: { id, operation } },
      );
    }
  }
}
