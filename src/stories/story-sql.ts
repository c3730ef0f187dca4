/**
 * A story as the API shows it, read from the articles that carry its id: when it was first
 * and last reported, by how many articles and feeds, and its title (its first report's).
 * One grouped query for any number of stories (a page of `Article.story` is one round trip).
 */
import type { ArticleMeta } from '../model/article.ts';
import type { SearchDatabase } from '../query/sql/search-articles.ts';

export interface StorySummary {
  readonly id: string;
  readonly title: string;
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
  readonly articleCount: number;
  readonly sourceCount: number;
  readonly sources: readonly string[];
}

/** Summaries of `ids`, in their order; undefined for a story with no article. */
export async function storySummaries(database: SearchDatabase, ids: readonly string[]): Promise<(StorySummary | undefined)[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await database.db
    .selectFrom('articles')
    .select(['articles.story_id', 'articles.feed_id', 'articles.published_ms', 'articles.id', 'articles.meta'])
    .where('articles.story_id', 'in', unique)
    .orderBy('articles.published_ms')
    .orderBy('articles.id')
    .execute();
  const byStory = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = byStory.get(row.story_id) ?? [];
    list.push(row);
    byStory.set(row.story_id, list);
  }
  return ids.map((id) => {
    const list = byStory.get(id);
    if (list === undefined || list.length === 0) return undefined;
    const first = list[0] as (typeof rows)[number];
    const last = list.at(-1) as (typeof rows)[number];
    const sources = [...new Set(list.map((r) => r.feed_id))].sort();
    return {
      id,
      title: (JSON.parse(first.meta) as ArticleMeta).title,
      firstSeenAt: new Date(Number(first.published_ms)).toISOString(),
      lastSeenAt: new Date(Number(last.published_ms)).toISOString(),
      articleCount: list.length,
      sourceCount: sources.length,
      sources,
    };
  });
}
