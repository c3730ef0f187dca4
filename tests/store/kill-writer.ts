/**
 * Child of kill9.test.ts: upserts batches of articles into the store at argv[2] forever and
 * prints each batch's ids on stdout only once `upsert` has resolved (acknowledged).
 */
import { ArticleStore } from '../../src/store/article-store.ts';
import { makeArticle, regionAncestors } from './article-factory.ts';

const store = await ArticleStore.open({ url: process.argv[2]!, regionAncestors });
for (let batch = 0; ; batch++) {
  const articles = Array.from({ length: 50 }, (_, i) =>
    makeArticle({ id: `k${batch}-${i}`, publishedAt: new Date(Date.UTC(2026, 0, 1) + (batch * 50 + i) * 60_000).toISOString(), regions: ['IQ'], actors: ['pmf'], content: 'x '.repeat(2000) }),
  );
  await store.upsert(articles);
  process.stdout.write(`${articles.map((a) => a.id).join(' ')}\n`);
}
