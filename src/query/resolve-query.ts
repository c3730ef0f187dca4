/**
 * Resolution of a parsed query (pure): entity ids are checked against the dictionaries and
 * feeds (all unknown ones reported at once, with "did you mean", by the same code as
 * `filter`), `affiliates:` widens an actor and `topic:` a topic by the same rules as the
 * filter, words are folded as the store folds text, and relative dates are fixed against
 * `now`. Region descendants stay the store's job (it indexes ancestors), as for `filter`.
 */
import { collectUnknownIds, storedSourceIds, unknownIdsError, withAffiliates, withSubTopics, type FilterServices, type IdKind, type UnknownId } from '../graphql/resolve-filter.ts';
import type { QueryNode, ResolvedQuery } from './query-ast.ts';
import { relativeInstant } from './query-dates.ts';
import { textTokens } from './query-text.ts';
import { parseQuery } from './parse-query.ts';
import { quoted, querySyntaxError } from './query-syntax-error.ts';

const KIND_OF_FIELD: Readonly<Record<string, IdKind>> = { actor: 'actors', affiliates: 'actors', region: 'regions', topic: 'topics', source: 'sources' };

/** A date term as bounds on an instant: a period (a day, a month) is a range, an instant a bound. */
function resolveDate(n: Extract<QueryNode, { kind: 'date' }>, now: Date): ResolvedQuery {
  const column = n.field === 'published' ? 'publishedAt' : 'fetchedAt';
  const { date, op } = n;
  if (date.kind === 'relative' || date.start === date.end) {
    const at = date.kind === 'relative' ? relativeInstant(now, date.amount, date.unit).toISOString() : date.start;
    // The parser refuses `=` before an instant; `>=` keeps this total.
    return { kind: 'date', column, op: op === '=' ? '>=' : op, at };
  }
  switch (op) {
    case '>':
      return { kind: 'date', column, op: '>=', at: date.end };
    case '>=':
      return { kind: 'date', column, op: '>=', at: date.start };
    case '<':
      return { kind: 'date', column, op: '<', at: date.start };
    case '<=':
      return { kind: 'date', column, op: '<', at: date.end };
    case '=':
      return {
        kind: 'and',
        children: [
          { kind: 'date', column, op: '>=', at: date.start },
          { kind: 'date', column, op: '<', at: date.end },
        ],
      };
  }
}

/** Resolves a parsed query; BAD_USER_INPUT for unknown ids, bad language codes, or words with no letters. */
export function resolveQuery(node: QueryNode, services: FilterServices, now: Date, storedSources: ReadonlySet<string> = new Set()): ResolvedQuery {
  const unknown: UnknownId[] = [];
  const walk = (n: QueryNode): ResolvedQuery => {
    switch (n.kind) {
      case 'and':
      case 'or':
        return { kind: n.kind, children: n.children.map(walk) };
      case 'not':
        return { kind: 'not', child: walk(n.child) };
      case 'text': {
        const tokens = textTokens(n.text);
        if (tokens.length === 0) throw querySyntaxError(n.position, 'a word with letters or digits', quoted(n.text));
        // A word that folds into several tokens ("al-Sakhr", "U.S.") is looked for as a phrase.
        return { kind: 'text', tokens, prefix: n.prefix, scope: n.scope };
      }
      case 'date':
        return resolveDate(n, now);
      case 'entity': {
        if (n.field === 'lang') {
          const code = n.id.toLowerCase();
          if (!/^[a-z]{2}$/.test(code)) throw querySyntaxError(n.position + 5, 'a two-letter ISO 639-1 code such as en, ar or fa', quoted(n.id));
          return { kind: 'entity', column: 'languages', ids: [code] };
        }
        const kind = KIND_OF_FIELD[n.field] as IdKind;
        const before = unknown.length;
        collectUnknownIds(services, kind, `${n.field}:`, [n.id], unknown, storedSources);
        if (unknown.length > before) return { kind: 'none' };
        const ids = n.field === 'affiliates' ? withAffiliates(services.catalog, [n.id]) : n.field === 'topic' ? withSubTopics(services.catalog, [n.id]) : [n.id];
        return { kind: 'entity', column: kind, ids };
      }
    }
  };
  const resolved = walk(node);
  if (unknown.length > 0) throw unknownIdsError('query', unknown);
  return resolved;
}

/** The `source:` ids a query names. */
function sourceIds(node: QueryNode, out: string[] = []): string[] {
  if (node.kind === 'and' || node.kind === 'or') for (const c of node.children) sourceIds(c, out);
  else if (node.kind === 'not') sourceIds(node.child, out);
  else if (node.kind === 'entity' && node.field === 'source') out.push(node.id);
  return out;
}

/**
 * Parses and resolves `query` in one step; undefined for a blank or absent query. Async only to
 * ask the store, in one query, whether unconfigured `source:` ids still have articles.
 */
export async function compileQuery(query: string | null | undefined, services: FilterServices, now: Date = new Date()): Promise<ResolvedQuery | undefined> {
  if (query == null) return undefined;
  const node = parseQuery(query);
  if (node === undefined) return undefined;
  return resolveQuery(node, services, now, await storedSourceIds(services, sourceIds(node)));
}

/** Whether a resolved query looks for any words (RELEVANCE ordering and highlights need some). */
export function hasTextTerms(query: ResolvedQuery | undefined): boolean {
  if (query === undefined) return false;
  switch (query.kind) {
    case 'text':
      return true;
    case 'and':
    case 'or':
      return query.children.some(hasTextTerms);
    default:
      return false;
  }
}
