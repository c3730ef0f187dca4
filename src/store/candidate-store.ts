/**
 * Discovery candidates: names that look like actors (people, organisations, places) but are in
 * no dictionary, aggregated across articles so an analyst can see which unknown names keep
 * coming up and add them to `data/`. Kept in the store's `candidates` table: `record()` only
 * queues (the pipeline calls it synchronously), a debounced `flush()` merges the queue into the
 * table in one transaction, and reads (`top`, `search`) flush first, so they see every record.
 *
 * The pipeline should `record()` the candidates of articles that were ADDED (not of unchanged
 * refetches), so that `articles` counts distinct articles; a repeat of one of the last few
 * article ids of a candidate is ignored as a second line of defence.
 */
import { sql, type Kysely } from 'kysely';
import { fold } from '../normalize/gazetteer/fold.ts';
import type { StoreLogger } from './article-store.ts';
import type { CandidatesTable, Database } from './sql/schema.ts';
import { databaseError } from './sql/store-errors.ts';

/**
 * A name found in one article: the shape of normalize's `Candidate` (repeated here so that the
 * store depends on the model only, as DESIGN.md's dependency direction says).
 */
export interface CandidateInput {
  readonly name: string;
  readonly kind: string;
  readonly mentions: number;
}

/** One aggregated candidate, as the GraphQL `candidates` field shows it. */
export interface CandidateView {
  readonly name: string;
  /** 'PERSON' | 'ORGANIZATION' | 'PLACE' as guessed by the NLP pass. */
  readonly kind: string;
  /** Mentions summed over all articles. */
  readonly mentions: number;
  /** Distinct articles that mention it. */
  readonly articles: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** The most recent articles mentioning it (newest first, at most {@link SAMPLE_SIZE}). */
  readonly sampleArticleIds: readonly string[];
}

/** How many article ids a candidate keeps, to show examples and to ignore repeats. */
export const SAMPLE_SIZE = 10;

export interface CandidateStoreOptions {
  /** The article store's database (ArticleStore.db): candidates live in the same one. */
  readonly db: Kysely<Database>;
  /** The URL with its password hidden, for messages (ArticleStore.database.where). */
  readonly where?: string;
  readonly logger?: StoreLogger;
  /** Delay between a change and its write (default 2 s): many articles, one batched write. */
  readonly flushDelayMs?: number;
}

interface Sighting {
  readonly articleId: string;
  readonly name: string;
  readonly kind: string;
  readonly mentions: number;
  readonly seenAt: string;
}

const KEY_CHUNK = 500;

export class CandidateStore {
  /** Sightings not yet written, by candidate key, in the order recorded. */
  private pending = new Map<string, Sighting[]>();
  private readonly db: Kysely<Database>;
  private readonly where: string;
  private readonly logger?: StoreLogger;
  private readonly flushDelayMs: number;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(options: CandidateStoreOptions) {
    this.db = options.db;
    this.where = options.where ?? 'the article store';
    this.logger = options.logger;
    this.flushDelayMs = options.flushDelayMs ?? 2000;
  }

  /** Uses the `candidates` table of an open article store (created by its migrations). */
  static async open(options: CandidateStoreOptions): Promise<CandidateStore> {
    return new CandidateStore(options);
  }

  /** Queues the candidates found in one article, seen at `seenAt` (ISO; default now). */
  record(articleId: string, candidates: readonly CandidateInput[], seenAt: string = new Date().toISOString()): void {
    if (this.closed) return;
    for (const c of candidates) {
      const name = c.name.trim().replace(/\s+/g, ' ');
      if (name === '' || c.mentions <= 0) continue;
      const key = candidateKey(name, c.kind);
      const list = this.pending.get(key) ?? [];
      list.push({ articleId, name, kind: c.kind, mentions: c.mentions, seenAt });
      this.pending.set(key, list);
    }
    if (this.pending.size > 0 && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, this.flushDelayMs);
      this.timer.unref();
    }
  }

  /** The `n` most mentioned candidates with at least `minMentions` mentions. */
  async top(n: number, minMentions = 1): Promise<CandidateView[]> {
    await this.flush();
    const rows = await this.read('list discovery candidates', () =>
      this.db
        .selectFrom('candidates')
        .selectAll()
        .where('mentions', '>=', minMentions)
        .orderBy('mentions', 'desc')
        .orderBy('articles', 'desc')
        .orderBy('last_seen', 'desc')
        .orderBy('name', 'asc')
        .limit(Math.max(0, n))
        .execute(),
    );
    return rows.map(toView);
  }

  /** Candidates whose name contains `text` (folded: case, diacritics, Arabic letter variants). */
  async search(text: string, n = 50): Promise<CandidateView[]> {
    const needle = fold(text.trim());
    if (needle === '') return [];
    await this.flush();
    const pattern = `%|%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await this.read('search discovery candidates', () =>
      this.db
        .selectFrom('candidates')
        .selectAll()
        .where(sql<boolean>`key LIKE ${pattern} ESCAPE '\\'`)
        .orderBy('mentions', 'desc')
        .orderBy('articles', 'desc')
        .orderBy('last_seen', 'desc')
        .orderBy('name', 'asc')
        .limit(Math.max(0, n))
        .execute(),
    );
    return rows.map(toView);
  }

  /** Candidates held (written ones; flushes first). */
  async size(): Promise<number> {
    await this.flush();
    const row = await this.read('count discovery candidates', () =>
      this.db.selectFrom('candidates').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    );
    return Number(row.n);
  }

  /** Merges the queued sightings into the table in one transaction. Failures are logged and retried on the next flush. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.pending.size === 0) return;
      const batch = this.pending;
      this.pending = new Map();
      try {
        await this.db.transaction().execute(async (trx) => {
          const keys = [...batch.keys()];
          const old = new Map<string, CandidateView>();
          for (let i = 0; i < keys.length; i += KEY_CHUNK) {
            const rows = await trx.selectFrom('candidates').selectAll().where('key', 'in', keys.slice(i, i + KEY_CHUNK)).execute();
            for (const r of rows) old.set(r.key, toView(r));
          }
          const rows: CandidatesTable[] = [];
          for (const [key, sightings] of batch) {
            let view = old.get(key);
            for (const s of sightings) view = mergeSighting(view, s);
            if (view) rows.push(toRow(key, view));
          }
          for (let i = 0; i < rows.length; i += 100) {
            await trx
              .insertInto('candidates')
              .values(rows.slice(i, i + 100))
              .onConflict((oc) =>
                oc.column('key').doUpdateSet((eb) => ({
                  kind: eb.ref('excluded.kind'),
                  mentions: eb.ref('excluded.mentions'),
                  articles: eb.ref('excluded.articles'),
                  first_seen: eb.ref('excluded.first_seen'),
                  last_seen: eb.ref('excluded.last_seen'),
                  sample_ids: eb.ref('excluded.sample_ids'),
                })),
              )
              .execute();
          }
        });
      } catch (err) {
        // Put them back in front of anything recorded meanwhile.
        for (const [key, sightings] of batch) this.pending.set(key, [...sightings, ...(this.pending.get(key) ?? [])]);
        this.logger?.warn({ err: String(err), count: batch.size }, 'could not store discovery candidates; will retry');
      }
    });
    return this.flushing;
  }

  /** Flushes; the database itself belongs to the article store. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private async read<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (cause) {
      throw databaseError(this.where, what, cause);
    }
  }
}

/** One more sighting of a candidate (pure): a repeat of a recent article id changes nothing. */
export function mergeSighting(old: CandidateView | undefined, s: Sighting): CandidateView {
  if (old?.sampleArticleIds.includes(s.articleId)) return old;
  return {
    name: old?.name ?? s.name,
    kind: s.kind,
    mentions: (old?.mentions ?? 0) + s.mentions,
    articles: (old?.articles ?? 0) + 1,
    firstSeen: old && old.firstSeen < s.seenAt ? old.firstSeen : s.seenAt,
    lastSeen: old && old.lastSeen > s.seenAt ? old.lastSeen : s.seenAt,
    sampleArticleIds: [s.articleId, ...(old?.sampleArticleIds ?? [])].slice(0, SAMPLE_SIZE),
  };
}

/** Same person/organisation whatever the case, accents or Arabic letter variants. */
function candidateKey(name: string, kind: string): string {
  return `${kind}|${fold(name)}`;
}

function toView(r: CandidatesTable): CandidateView {
  return {
    name: r.name,
    kind: r.kind,
    mentions: Number(r.mentions),
    articles: Number(r.articles),
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    sampleArticleIds: JSON.parse(r.sample_ids) as string[],
  };
}

function toRow(key: string, v: CandidateView): CandidatesTable {
  return {
    key,
    name: v.name,
    kind: v.kind,
    mentions: v.mentions,
    articles: v.articles,
    first_seen: v.firstSeen,
    last_seen: v.lastSeen,
    sample_ids: JSON.stringify(v.sampleArticleIds),
  };
}
