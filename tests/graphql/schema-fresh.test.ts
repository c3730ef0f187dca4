/** The committed schema/schema.graphql must be what the code builds. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { printGatewaySchema } from '../../src/graphql/print-schema.ts';

it('schema/schema.graphql is up to date (if not: run npm run schema)', () => {
  const committed = readFileSync(fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url)), 'utf8');
  const generated = printGatewaySchema();
  expect(committed === generated, 'schema/schema.graphql is stale: run npm run schema and commit the result').toBe(true);
});

it('keeps the names DESIGN.md promises to clients', () => {
  const sdl = printGatewaySchema();
  for (const line of [
    'articles(\n',
    'article(id: ID!): Article',
    'feeds: [Feed!]!',
    'input ArticleFilter {',
    'type ArticleConnection {',
    'type Subscription {',
    'articleAdded(filter: ArticleFilter): Article!',
    'refreshFeed(id: ID!): RefreshResult!',
  ]) {
    expect(sdl.includes(line), line).toBe(true);
  }
});
