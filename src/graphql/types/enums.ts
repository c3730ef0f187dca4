/**
 * GraphQL enums, generated from the lists in src/model so that a kind added to the model is a
 * kind in the schema without a second list to keep in step.
 */
import { registerEnumType } from 'type-graphql';
import { ACTOR_KINDS, AFFILIATION_RELATIONS, REGION_KINDS } from '../../model/entities.ts';
import { FEED_STATUSES } from '../feed-status.ts';
import { CLAIM_KINDS, FIGURE_KINDS } from '../../model/article.ts';

/** `{ A: 'A', … }` from a list of names, the object shape registerEnumType needs. */
function named<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const ActorKindEnum = named(ACTOR_KINDS);
registerEnumType(ActorKindEnum, { name: 'ActorKind', description: 'What sort of actor: a state, an armed group, a person, …' });

export const RegionKindEnum = named(REGION_KINDS);
registerEnumType(RegionKindEnum, { name: 'RegionKind', description: 'Macro-region, country, subdivision, city or place.' });

export const FeedStatusEnum = named(FEED_STATUSES);
registerEnumType(FeedStatusEnum, {
  name: 'FeedStatus',
  description: 'A feed\'s health: OK, FAILING, BACKING_OFF (failing, fetched less often), NEW (never fetched), DISABLED.',
});

/** Relation names upper-cased for GraphQL; internal values stay the model's (`member_of`). */
export const AffiliationRelationEnum = Object.fromEntries(
  AFFILIATION_RELATIONS.map((r) => [r.toUpperCase(), r]),
) as Record<string, string>;
registerEnumType(AffiliationRelationEnum, { name: 'AffiliationRelation', description: 'How one actor is linked to another.' });

export enum AffiliationDirection {
  /** This actor names the other in its own affiliations (Kataib Hizbullah MEMBER_OF the Islamic Resistance in Iraq). */
  OUTGOING = 'OUTGOING',
  /** The other actor names this one (seen from the Islamic Resistance in Iraq). */
  INCOMING = 'INCOMING',
}
registerEnumType(AffiliationDirection, { name: 'AffiliationDirection', description: 'Which side of the link names the other.' });

/** Model values (`feed`, `fetched`, `clamped`) under upper-case GraphQL names. */
export const DateSourceEnum = { FEED: 'feed', FETCHED: 'fetched', CLAMPED: 'clamped' } as const;
registerEnumType(DateSourceEnum, {
  name: 'DateSource',
  description: 'FEED: the feed gave the date; FETCHED: it gave none usable, so the fetch time stands in; CLAMPED: it was in the future.',
});

/** Evidence fields under upper-case GraphQL names. */
export const EvidenceFieldEnum = { TITLE: 'title', SUMMARY: 'summary', CONTENT: 'content', TAGS: 'tags', FEED: 'feed' } as const;
registerEnumType(EvidenceFieldEnum, {
  name: 'EvidenceField',
  description: 'The cleaned text an evidence offset indexes; FEED when the entity came from the feed\'s configuration.',
});

export const ClaimKindEnum = named(CLAIM_KINDS);
registerEnumType(ClaimKindEnum, {
  name: 'ClaimKind',
  description: 'CLAIMED: the actor claims responsibility; DENIED: the actor denies involvement; ATTRIBUTED: `by` blames the actor.',
});

export const FigureKindEnum = named(FIGURE_KINDS);
registerEnumType(FigureKindEnum, { name: 'FigureKind', description: 'What a figure counts: people killed, wounded, missing, abducted, arrested, displaced, or attacks.' });
