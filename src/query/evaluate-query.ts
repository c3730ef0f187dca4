/**
 * The reference meaning of a resolved query: whether one whole article matches, by brute force
 * over its full-text terms (phrase-terms.ts `articleSearchTerms`, what the store indexes) and its
 * entity lists. It is the oracle the SQL compiler is tested against (a
 * query's SQL must select exactly the articles this accepts), and it answers for stores with
 * no SQL (subscriptions, previews). Pure.
 */
import type { Article } from '../model/article.ts';
import type { ResolvedQuery } from './query-ast.ts';
import { articleSearchTerms, phraseQueryTerms } from '../normalize/gazetteer/phrase-terms.ts';
import type { QueryTerm } from '../normalize/gazetteer/search-terms.ts';

/** Whether a set of index terms holds `term` (or, as a prefix, a term starting with it). */
function holds(terms: ReadonlySet<string>, term: QueryTerm): boolean {
  if (!term.prefix) return terms.has(term.term);
  for (const t of terms) if (t.startsWith(term.term)) return true;
  return false;
}

/**
 * A matcher for `query` over whole articles. `regionAncestors` expands an article's regions
 * upward (IQ/baghdad is in IQ and in MIDDLE_EAST), as the store indexes them.
 */
export function compileEvaluator(query: ResolvedQuery, regionAncestors: (id: string) => readonly string[]): (article: Article) => boolean {
  const termCache = new WeakMap<Article, ReadonlySet<string>>();
  const termsOf = (article: Article): ReadonlySet<string> => {
    let terms = termCache.get(article);
    if (terms === undefined) {
      terms = new Set(articleSearchTerms(article));
      termCache.set(article, terms);
    }
    return terms;
  };
  const test = (q: ResolvedQuery, article: Article): boolean => {
    switch (q.kind) {
      case 'all':
        return true;
      case 'none':
        return false;
      case 'and':
        return q.children.every((c) => test(c, article));
      case 'or':
        return q.children.some((c) => test(c, article));
      case 'not':
        return !test(q.child, article);
      case 'text': {
        const terms = termsOf(article);
        return phraseQueryTerms(q.tokens, q.prefix, q.scope === 'title').every((t) => holds(terms, t));
      }
      case 'date': {
        const value = Date.parse(article[q.column]);
        const at = Date.parse(q.at);
        return q.op === '>' ? value > at : q.op === '>=' ? value >= at : q.op === '<' ? value < at : value <= at;
      }
      case 'entity': {
        const ids = new Set(q.ids);
        switch (q.column) {
          case 'actors':
            return article.actors.some((r) => ids.has(r.id));
          case 'topics':
            return article.topics.some((r) => ids.has(r.id));
          case 'regions':
            return article.regions.some((r) => ids.has(r.id) || regionAncestors(r.id).some((a) => ids.has(a)));
          case 'sources':
            return ids.has(article.feedId);
          case 'languages':
            return article.language !== null && ids.has(article.language);
        }
      }
    }
  };
  return (article) => test(query, article);
}
