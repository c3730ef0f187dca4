/**
 * Relay connections: `PageInfo`, and a factory for `XConnection`/`XEdge` pairs so that every
 * paged field has the same shape (edges { cursor node }, pageInfo, totalCount).
 */
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where a page sits: pass `endCursor` as `after` to get the next one.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when this page was asked for `after` a cursor.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** Declares `${name}Edge` and `${name}Connection` over the node type. */
export function connectionType(name: string, node: Function) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String, { description: 'Opaque; pass it as `after`.' })
    cursor!: string;

    @Field(() => node)
    node!: unknown;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    // `simple: false` on both counts: their values are promises (counted only when selected),
    // which graphql-jit's inlined property reads would not await (see simple-resolvers.ts).
    @Field(() => Int, { simple: false, description: 'How many items match in all, across every page (see `totalCountExact`).' })
    totalCount!: number;

    @Field(() => Boolean, {
      simple: false,
      description: 'False when `totalCount` is a lower bound: the store counts exactly up to a threshold (200,000 by default) and stops there.',
    })
    totalCountExact!: boolean;
  }
  return Connection;
}
