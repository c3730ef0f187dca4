/**
 * Claims, quotes and figures of an article (issue 14): who claimed, denied or was blamed for an
 * act, who said what, and what was counted, each with the span of text it was read from.
 * Actors are resolved through the catalog by ArticleResolver (null when the dictionaries no
 * longer have the id).
 */
import { Field, Int, ObjectType } from 'type-graphql';
import { Actor } from './actor.type.ts';
import { ClaimKindEnum, EvidenceFieldEnum, FigureKindEnum } from './enums.ts';

@ObjectType({ description: 'The span of the cleaned title, summary or content a claim, quote or figure was read from.' })
export class TextEvidence {
  @Field(() => EvidenceFieldEnum, { description: 'TITLE, SUMMARY or CONTENT: the text `start` and `end` index.' })
  field!: string;

  @Field(() => Int, { description: 'UTF-16 offset in the field.' })
  start!: number;

  @Field(() => Int)
  end!: number;

  @Field(() => String, { description: 'The sentence around the span.' })
  snippet!: string;
}

@ObjectType({ description: 'A claim of responsibility, a denial, or blame laid on an actor.' })
export class Claim {
  @Field(() => ClaimKindEnum)
  kind!: string;

  @Field(() => Actor, { nullable: true, description: 'Who claims, denies, or is blamed.' })
  actor!: Actor | null;

  @Field(() => Actor, { nullable: true, description: 'Who blames or reports it; null for a first-hand claim or denial.' })
  by!: Actor | null;

  @Field(() => TextEvidence)
  evidence!: TextEvidence;
}

@ObjectType({ description: 'A direct quotation and who said it.' })
export class Quote {
  @Field(() => Actor, { nullable: true, description: 'The speaker, when in the dictionaries.' })
  speaker!: Actor | null;

  @Field(() => String, { nullable: true, description: 'The speaker\'s name as written, titles removed.' })
  speakerName!: string | null;

  @Field(() => String, { description: 'The quoted words, without quotation marks.' })
  text!: string;

  @Field(() => TextEvidence)
  evidence!: TextEvidence;
}

@ObjectType({ description: 'A casualty or event count: "at least 34 injured" is WOUNDED 34..null; "dozens" 24..99.' })
export class Figure {
  @Field(() => FigureKindEnum)
  kind!: string;

  @Field(() => Int)
  min!: number;

  @Field(() => Int, { nullable: true, description: 'Null when open-ended ("at least", "more than"); equal to min for an exact number.' })
  max!: number | null;

  @Field(() => String, { description: 'The words counted.' })
  text!: string;

  @Field(() => TextEvidence)
  evidence!: TextEvidence;
}
