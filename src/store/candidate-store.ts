/**
 * Discovery candidates: names that look like actors (people, organisations, places) but are in
 * no dictionary, aggregated across articles so an analyst can see which unknown names keep
 * coming up and add them to `data/`. Aggregated in memory, persisted in the `candidates`
 * namespace in batches (a debounced flush, and on close), restored on open.
 *
 * The pipeline should `record()` the candidates of articles that were ADDED (not of unchanged
 * refetches), so that `articles` counts distinct articles; a repeat of one of the last few
 * article ids of a candidate is ignored as a second line of defence.
 */
import type Keyv from 'keyv';
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import { openKeyv } from './open-keyv.ts';
import { foldSearchTerm } from './search/fold-term.ts';
import type { StoreLogger } from './article-store.ts';

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
  readonly url: string;
  readonly logger?: StoreLogger;
  /** Delay between a change and its write (default 2 s): many articles, one batched write. */
  readonly flushDelayMs?: number;
}

export class CandidateStore {
  private readonly byKey = new Map<string, CandidateView>();
  private readonly dirty = new Set<string>();
  private readonly kv: Keyv<CandidateView>;
  private readonly logger?: StoreLogger;
  private readonly flushDelayMs: number;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(kv: Keyv<CandidateView>, options: CandidateStoreOptions) {
    this.kv = kv;
    this.logger = options.logger;
    this.flushDelayMs = options.flushDelayMs ?? 2000;
  }

  /** Opens the `candidates` namespace of the store and restores every candidate. */
  static async open(options: CandidateStoreOptions): Promise<CandidateStore> {
    const kv = await openKeyv<CandidateView>(options.url, 'candidates', { logger: options.logger });
    const store = new CandidateStore(kv, options);
    try {
      for await (const [key, value] of kv.iterator!(undefined)) {
        if (isView(value)) store.byKey.set(String(key), value);
      }
    } catch (cause) {
      await kv.disconnect();
      throw new NewsgateError(ErrorCode.STORE_UNAVAILABLE, `Could not restore discovery candidates from the store: ${String(cause)}.`, { cause });
    }
    return store;
  }

  /** Adds the candidates found in one article, seen at `seenAt` (ISO; default now). */
  record(articleId: string, candidates: readonly CandidateInput[], seenAt: string = new Date().toISOString()): void {
    if (this.closed) return;
    for (const c of candidates) {
      const name = c.name.trim().replace(/\s+/g, ' ');
      if (name === '' || c.mentions <= 0) continue;
      const key = candidateKey(name, c.kind);
      const old = this.byKey.get(key);
      if (old?.sampleArticleIds.includes(articleId)) continue;
      this.byKey.set(key, {
        name: old?.name ?? name,
        kind: c.kind,
        mentions: (old?.mentions ?? 0) + c.mentions,
        articles: (old?.articles ?? 0) + 1,
        firstSeen: old && old.firstSeen < seenAt ? old.firstSeen : seenAt,
        lastSeen: old && old.lastSeen > seenAt ? old.lastSeen : seenAt,
        sampleArticleIds: [articleId, ...(old?.sampleArticleIds ?? [])].slice(0, SAMPLE_SIZE),
      });
      this.dirty.add(key);
    }
    if (this.dirty.size > 0 && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, this.flushDelayMs);
      this.timer.unref();
    }
  }

  /** The `n` most mentioned candidates with at least `minMentions` mentions. */
  top(n: number, minMentions = 1): CandidateView[] {
    const out: CandidateView[] = [];
    for (const c of this.byKey.values()) if (c.mentions >= minMentions) out.push(c);
    return out.sort(byRelevance).slice(0, Math.max(0, n));
  }

  /** Candidates whose name contains `text` (folded: case, diacritics, Arabic letter variants). */
  search(text: string, n = 50): CandidateView[] {
    const needle = foldSearchTerm(text.trim());
    if (needle === '') return [];
    const out: CandidateView[] = [];
    for (const c of this.byKey.values()) if (foldSearchTerm(c.name).includes(needle)) out.push(c);
    return out.sort(byRelevance).slice(0, n);
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Writes every changed candidate in one batch. Failures are logged and retried on the next flush. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.dirty.size === 0) return;
      const keys = [...this.dirty];
      this.dirty.clear();
      const entries = keys.flatMap((key) => {
        const value = this.byKey.get(key);
        return value ? [{ key, value }] : [];
      });
      try {
        await this.kv.setMany(entries);
      } catch (err) {
        for (const k of keys) this.dirty.add(k);
        this.logger?.warn({ err, count: keys.length }, 'could not store discovery candidates; will retry');
      }
    });
    return this.flushing;
  }

  /** Flushes, then releases the store connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
    await this.kv.disconnect();
  }
}

/** Same person/organisation whatever the case, accents or Arabic letter variants. */
function candidateKey(name: string, kind: string): string {
  return `${kind}|${foldSearchTerm(name)}`;
}

function byRelevance(a: CandidateView, b: CandidateView): number {
  return b.mentions - a.mentions || b.articles - a.articles || (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0) || (a.name < b.name ? -1 : 1);
}

function isView(v: unknown): v is CandidateView {
  const c = v as Partial<CandidateView> | null;
  return (
    typeof c === 'object' && c !== null && typeof c.name === 'string' && typeof c.kind === 'string' &&
    typeof c.mentions === 'number' && Array.isArray(c.sampleArticleIds)
  );
}
