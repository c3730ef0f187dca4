/**
 * Child process of the HTTP suite: the baseline of issue 11 — what a user would write instead
 * of newsgate. A plain Apollo Server (startStandaloneServer, SDL and resolvers, no newsgate
 * code) over the same synthetic articles held in an array, whose `articles` resolver scans the
 * array for the filter (actor, region or a region under it, date window) and slices the first
 * page; nested fields are plain property reads and a Map lookup for names. Answers the very
 * FILTERED_QUERY the gateway is measured with. Prints `{"url": …, "articles": n}` when ready.
 *
 * argv: <articleCount> <seed>
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { articleBatches } from '../corpus/build-articles.ts';
import { resolveCorpusIds } from '../lib/catalog-ids.ts';
import { loadTagger } from '../lib/newsgate.ts';
import type { Article } from '../../src/model/article.ts';

const count = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 1);
const { ids, regionAncestors } = await resolveCorpusIds(() => {});
const { catalog } = await loadTagger();
const articles: Article[] = [];
for (const batch of articleBatches({ seed: seed + 3, count, bodies: 'lean', batchSize: 5000, ids })) articles.push(...batch);
articles.sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0));

const typeDefs = `#graphql
  scalar DateTime
  type Query { articles(filter: ArticleFilter, first: Int = 20): ArticleConnection! }
  input ArticleFilter { actors: [ID!], regions: [ID!], from: DateTime, to: DateTime }
  type ArticleConnection { edges: [ArticleEdge!]!, pageInfo: PageInfo! }
  type ArticleEdge { cursor: String!, node: Article! }
  type PageInfo { hasNextPage: Boolean!, endCursor: String }
  type Source { id: ID!, title: String }
  type Entity { id: ID!, name: String!, kind: String! }
  type ActorMention { actor: Entity!, mentions: Int!, salience: Float! }
  type RegionMention { region: Entity!, mentions: Int! }
  type Article { id: ID!, title: String!, url: String, publishedAt: DateTime!, source: Source!, actors: [ActorMention!]!, regions: [RegionMention!]! }
`;
interface Filter { actors?: string[]; regions?: string[]; from?: string; to?: string }
const entity = (kind: 'actor' | 'region', id: string) => {
  const e = kind === 'actor' ? catalog.actor(id) : catalog.region(id);
  return { id, name: e?.name ?? id, kind: e?.kind ?? kind };
};
const resolvers = {
  Query: {
    articles(_: unknown, { filter = {}, first = 20 }: { filter?: Filter; first?: number }) {
      const page: Article[] = [];
      let more = false;
      for (const a of articles) {
        if (filter.from && a.publishedAt < filter.from) continue;
        if (filter.to && a.publishedAt > filter.to) continue;
        if (filter.actors?.length && !a.actors.some((m) => filter.actors!.includes(m.id))) continue;
        if (filter.regions?.length && !a.regions.some((m) => regionAncestors(m.id).some((r) => filter.regions!.includes(r)))) continue;
        if (page.length === first) {
          more = true;
          break;
        }
        page.push(a);
      }
      return { edges: page.map((a) => ({ cursor: a.id, node: a })), pageInfo: { hasNextPage: more, endCursor: page.at(-1)?.id ?? null } };
    },
  },
  Article: {
    source: (a: Article) => ({ id: a.feedId, title: a.feedId }),
  },
  ActorMention: { actor: (m: { id: string }) => entity('actor', m.id) },
  RegionMention: { region: (m: { id: string }) => entity('region', m.id) },
};
const server = new ApolloServer({ typeDefs, resolvers });
const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
process.stdout.write(`${JSON.stringify({ url: url.replace(/\/$/, ''), articles: articles.length })}\n`);
process.on('SIGTERM', () => {
  void server.stop().then(() => process.exit(0));
});
