/**
 * Full-text search over the article fields an analyst types words from: title, summary and
 * tags. Wraps minisearch so the store sees only ids; prefix matching (a partial word finds the
 * whole) and light fuzziness (one typo in a long word) help with inconsistent transliterations.
 * Terms are combined with AND: more words narrow the result, as in any filter.
 */
import MiniSearch from 'minisearch';
import type { ArticleMeta } from '../../model/article.ts';
import { PREFIX_MIN_LENGTH, searchTokens } from './fold-term.ts';
import { FUZZY_FRACTION, FUZZY_MIN_LENGTH } from './match-text.ts';

interface SearchDoc {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly tags: string;
}

function toDoc(meta: ArticleMeta): SearchDoc {
  return { id: meta.id, title: meta.title, summary: meta.summary, tags: meta.tags.join(' ') };
}

/** The in-memory text index of the store. */
export class SearchIndex {
  private readonly mini = new MiniSearch<SearchDoc>({
    idField: 'id',
    fields: ['title', 'summary', 'tags'],
    // Tokens come out folded (see fold-term.ts); nothing more to do per term.
    tokenize: searchTokens,
    processTerm: (term) => term,
    searchOptions: {
      prefix: (term) => term.length >= PREFIX_MIN_LENGTH,
      // The same rules as match-text.ts, which answers for articles not indexed yet.
      fuzzy: (term) => (term.length >= FUZZY_MIN_LENGTH ? FUZZY_FRACTION : false),
      combineWith: 'AND',
      boost: { title: 2 },
    },
  });

  /** Adds or replaces an article's text. */
  upsert(meta: ArticleMeta): void {
    if (this.mini.has(meta.id)) this.mini.replace(toDoc(meta));
    else this.mini.add(toDoc(meta));
  }

  /** Bulk load at restore time. */
  addAll(metas: Iterable<ArticleMeta>): void {
    const docs: SearchDoc[] = [];
    for (const m of metas) docs.push(toDoc(m));
    this.mini.addAll(docs);
  }

  remove(id: string): void {
    if (this.mini.has(id)) this.mini.discard(id);
  }

  /** Ids of the articles matching every word of `text` (prefix/fuzzy), unordered. */
  search(text: string): Set<string> {
    const ids = new Set<string>();
    for (const hit of this.mini.search(text)) ids.add(String(hit.id));
    return ids;
  }
}
