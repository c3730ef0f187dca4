/**
 * The reference meaning of a resolved query: whether one whole article matches, by brute force
 * over its text and entity lists. It is the oracle the SQL compiler is tested against (a
 * query's SQL must select exactly the articles this accepts), and it answers for stores with
 * no SQL (subscriptions, previews). Pure.
 */
import type { Article } from '../model/article.ts';
import type { ResolvedQuery } from './query-ast.ts';
import { textTokens } from './query-text.ts';

/** What a text term looks at: the folded tokens of each searched field, kept apart (a phrase does not run across fields). */
export interface ArticleTokens {
  readonly title: readonly string[];
  readonly fields: readonly (readonly string[])[];
}

/** The fields words are looked for in: title, summary and body. */
export function articleTokens(article: Pick<Article, 'title' | 'summary' | 'content'>): ArticleTokens {
  const title = textTokens(article.title);
  return { title, fields: [title, textTokens(article.summary), textTokens(article.content)] };
}

/** Whether `tokens` hold `phrase` as consecutive tokens (the last one as a prefix when asked). */
export function holdsPhrase(tokens: readonly string[], phrase: readonly string[], prefix: boolean): boolean {
  const last = phrase.length - 1;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j <= last; j++) {
      const token = tokens[i + j] as string;
      const want = phrase[j] as string;
      if (j === last && prefix ? !token.startsWith(want) : token !== want) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * A matcher for `query` over whole articles. `regionAncestors` expands an article's regions
 * upward (IQ/baghdad is in IQ and in MIDDLE_EAST), as the store indexes them.
 */
export function compileEvaluator(query: ResolvedQuery, regionAncestors: (id: string) => readonly string[]): (article: Article) => boolean {
  const tokenCache = new WeakMap<Article, ArticleTokens>();
  const tokensOf = (article: Article): ArticleTokens => {
    let tokens = tokenCache.get(article);
    if (tokens === undefined) {
      tokens = articleTokens(article);
      tokenCache.set(article, tokens);
    }
    return tokens;
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
        const tokens = tokensOf(article);
        const fields = q.scope === 'title' ? [tokens.title] : tokens.fields;
        return fields.some((field) => holdsPhrase(field, q.tokens, q.prefix));
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
