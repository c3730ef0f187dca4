/**
 * An ArticleFilter as one SQL condition on the `articles` table, for both engines. Exported so
 * other conditions (the analyst query language) can be AND-ed with it:
 *
 *   db.selectFrom('articles').where((eb) => eb.and([filterCondition(eb, filter, dialect), theirs(eb)]))
 *
 * Semantics (the same as the subscription matcher, src/graphql/article-matches.ts): AND across
 * fields, OR within one; an empty list is no constraint (like an absent one); `claimedBy` is the
 * `claimed` postings (CLAIMED claims, written with the article); `from`/`to` inclusive on publishedAt,
 * `fetchedAfter` strict on fetchedAt; regions and topics match through their ancestors, which
 * the postings hold (expanded at write time); `search` needs every word (search-terms.ts).
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { ErrorCode, NewsgateError } from '../../model/errors.ts';
import { queryTerms } from '../../normalize/gazetteer/search-terms.ts';
import type { ArticleFilter } from '../article-store.types.ts';
import type { SqlDialect } from './dialect.ts';
import type { Database, EntityKind } from './schema.ts';

/** Filter fields matched through the postings, and the posting kind of each. */
export const ENTITY_FIELDS: readonly (readonly ['topics' | 'actors' | 'regions' | 'claimedBy', EntityKind])[] = [
  ['topics', 'topic'],
  ['actors', 'actor'],
  ['regions', 'region'],
  ['claimedBy', 'claimed'],
];

/** Epoch ms of an ISO instant of a filter; BAD_USER_INPUT when it is not one. */
export function filterInstant(value: string, field: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new NewsgateError(ErrorCode.BAD_USER_INPUT, `The filter's \`${field}\` "${value}" is not an ISO 8601 instant (e.g. 2026-11-20T08:30:00Z).`, {
      details: { field },
    });
  }
  return ms;
}

const EVERYTHING = sql<SqlBool>`1 = 1`;

/**
 * How an entity field is matched. `drive`: `articles.id IN (postings…)`, cost proportional to
 * the entity's articles (best when they are few, and for counts). `probe`: an EXISTS on the
 * postings' primary key per article walked in page order, cost proportional to the articles
 * walked before the page fills (best for a page of a common entity).
 */
export type EntityPlan = 'drive' | 'probe';

export interface FilterPlan {
  readonly topics?: EntityPlan;
  readonly actors?: EntityPlan;
  readonly regions?: EntityPlan;
  readonly claimedBy?: EntityPlan;
  readonly search?: EntityPlan;
}

/** The condition for `filter` on rows of `articles` (the table itself, not aliased). */
export function filterCondition(
  eb: ExpressionBuilder<Database, 'articles'>,
  filter: ArticleFilter,
  dialect: SqlDialect,
  plan: FilterPlan = {},
): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  const fromMs = filter.from !== undefined ? filterInstant(filter.from, 'from') : undefined;
  const toMs = filter.to !== undefined ? filterInstant(filter.to, 'to') : undefined;
  if (fromMs !== undefined) parts.push(eb('articles.published_ms', '>=', fromMs));
  if (toMs !== undefined) parts.push(eb('articles.published_ms', '<=', toMs));
  if (filter.fetchedAfter !== undefined) parts.push(eb('articles.fetched_ms', '>', filterInstant(filter.fetchedAfter, 'fetchedAfter')));
  const inList = (column: 'articles.feed_id' | 'articles.language' | 'articles.story_id' | 'articles.id', values: readonly string[] | undefined) => {
    if (values === undefined || values.length === 0) return;
    parts.push(eb(column, 'in', [...new Set(values)]));
  };
  inList('articles.id', filter.ids);
  inList('articles.feed_id', filter.sources);
  inList('articles.language', filter.languages);
  inList('articles.story_id', filter.stories);
  for (const [field, kind] of ENTITY_FIELDS) {
    const ids = filter[field];
    if (ids === undefined || ids.length === 0) continue;
    if (plan[field] === 'probe') {
      parts.push(
        eb.exists(
          eb
            .selectFrom('article_entities')
            .select(sql`1`.as('one'))
            .where('article_entities.kind', '=', kind)
            .where('article_entities.entity_id', 'in', [...new Set(ids)])
            .whereRef('article_entities.published_ms', '=', 'articles.published_ms')
            .whereRef('article_entities.article_id', '=', 'articles.id'),
        ),
      );
      continue;
    }
    parts.push(
      eb(
        'articles.id',
        'in',
        eb
          .selectFrom('article_entities')
          .select('article_entities.article_id')
          .where('article_entities.kind', '=', kind)
          .where('article_entities.entity_id', 'in', [...new Set(ids)])
          .$if(fromMs !== undefined, (q) => q.where('article_entities.published_ms', '>=', fromMs as number))
          .$if(toMs !== undefined, (q) => q.where('article_entities.published_ms', '<=', toMs as number)),
      ),
    );
  }
  if (filter.search !== undefined) {
    const terms = queryTerms(filter.search);
    if (terms.length > 0) parts.push(dialect.searchCondition(terms, plan.search));
  }
  if (parts.length === 0) return EVERYTHING;
  return parts.length === 1 ? (parts[0] as Expression<SqlBool>) : eb.and(parts);
}
