/**
 * `articleAdded(filter)` through graphql-js's own `subscribe` over the real schema: events are
 * filtered with the `articles` semantics, bad filters fail before anything is sent, and the
 * listener is removed when the client leaves.
 */
import { describe, expect, it } from 'vitest';
import { splitArticle } from '../../src/model/article.ts';
import { createContext } from '../../src/graphql/context.ts';
import { createResultMasker } from '../../src/graphql/errors.ts';
import { captureLogger } from './harness.ts';
import * as graphqlJs from 'graphql';
import { buildGatewaySchema } from '../../src/graphql/schema.ts';
import { filteredEventStream } from '../../src/graphql/subscription-stream.ts';
import { ARTICLES, FakeEvents, makeServices } from './fakes.ts';

const meta = (id: string) => splitArticle(ARTICLES.find((a) => a.id === id)!).meta;

const SUBSCRIPTION = `subscription($filter: ArticleFilter) {
  articleAdded(filter: $filter) { id title publishedAt actors { actor { id } } content }
}`;

async function subscribe(filter: Record<string, unknown> | undefined) {
  const world = makeServices();
  const result = await graphqlJs.subscribe({
    schema: buildGatewaySchema(),
    document: graphqlJs.parse(SUBSCRIPTION),
    variableValues: { filter },
    contextValue: createContext(world.services),
  });
  return { world, result };
}

describe('articleAdded', () => {
  it('pushes only the articles that match, with nested fields resolved', async () => {
    const { world, result } = await subscribe({ regions: ['IQ'], actors: ['kataib-hizbullah'], includeAffiliates: true });
    if (!(Symbol.asyncIterator in result)) throw new Error(`expected a stream, got ${JSON.stringify(result)}`);
    for (const id of ['a4', 'a6', 'a2', 'a1', 'a5']) world.events.emit(meta(id));
    const first = await result.next();
    const second = await result.next();
    expect(first.value).toMatchObject({ data: { articleAdded: { id: 'a2', publishedAt: '2024-05-02T10:30:00.000Z' } } });
    expect(second.value).toMatchObject({ data: { articleAdded: { id: 'a1', actors: [{ actor: { id: 'kataib-hizbullah' } }] } } });
    expect((second.value as { data: { articleAdded: { content: string } } }).data.articleAdded.content).toMatch(/drone strike near Baghdad airport/);
    expect(world.events.size).toBe(1);
    await result.return?.();
    expect(world.events.size).toBe(0);
  });

  it('answers a bad filter with BAD_USER_INPUT before streaming', async () => {
    const { world, result } = await subscribe({ actors: ['kataib-hezbollah'] });
    expect(Symbol.asyncIterator in result).toBe(false);
    const errors = (result as { errors?: readonly { message: string; originalError?: unknown }[] }).errors ?? [];
    expect(errors[0]?.message).toMatch(/did you mean "kataib-hizbullah"/);
    expect(world.events.size).toBe(0);
  });
});

describe('createResultMasker (for graphql-ws, which bypasses Apollo)', () => {
  it('keeps our codes, marks bad variables as BAD_USER_INPUT, masks the rest', async () => {
    const { logger, errors: logged } = captureLogger();
    const mask = createResultMasker(logger);
    const bad = await subscribe({ actors: ['kataib-hezbollah'] });
    expect(mask(bad.result as never).errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');

    const world = makeServices();
    const wrongType = await graphqlJs.subscribe({
      schema: buildGatewaySchema(),
      document: graphqlJs.parse(SUBSCRIPTION),
      variableValues: { filter: { actors: 42, includeAffiliates: 'yes' } },
      contextValue: createContext(world.services),
    });
    expect(mask(wrongType as never).errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');

    const boom = new graphqlJs.GraphQLError('boom', { path: ['articleAdded', 'content'], originalError: new Error('redis at 10.0.0.5 refused') });
    const masked = mask({ data: null, errors: [boom] });
    expect(masked.errors).toEqual([{ message: 'Internal server error', path: ['articleAdded', 'content'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(logged).toHaveLength(1);
    expect(mask({ data: { x: 1 } })).toEqual({ data: { x: 1 } });
  });
});

describe('filteredEventStream', () => {
  it('queues matching events in order, bounded, and stops on return()', async () => {
    const events = new FakeEvents();
    let cleared = 0;
    const stream = filteredEventStream(events, (a: { id: string }) => a.id !== 'skip', () => cleared++, 2);
    for (const id of ['x1', 'skip', 'x2', 'x3']) events.emit({ ...meta('a1'), id });
    expect((await stream.next()).value.id).toBe('x2'); // x1 dropped: only the 2 newest are kept
    expect((await stream.next()).value.id).toBe('x3');
    const waiting = stream.next();
    events.emit({ ...meta('a1'), id: 'x4' });
    expect((await waiting).value.id).toBe('x4');
    expect(cleared).toBe(3);
    await stream.return?.();
    expect(events.size).toBe(0);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });
});
