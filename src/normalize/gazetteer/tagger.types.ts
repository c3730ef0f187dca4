/**
 * The contract between normalize (which cleans the text) and the tagger (which finds actors,
 * regions and topics in it). The tagger sees only the article's own text: translator notes,
 * page chrome and comments are removed before it is called.
 */
import type { ArticleEvidence, EntityRef, Evidence } from '../../model/article.ts';

/** The cleaned, plain-text parts of one article. Offsets in evidence index these strings. */
export interface TextSections {
  readonly title: string;
  readonly summary: string;
  readonly content: string;
  /** Feed categories for the item, cleaned, plus the feed's configured tags. */
  readonly tags: readonly string[];
}

/** What the operator configured on the feed, applied as evidence with field `feed`. */
export interface FeedHints {
  readonly regions: readonly string[];
  readonly tags: readonly string[];
}

/** A name that looks like an actor (person, organisation) but is in no dictionary. */
export interface Candidate {
  readonly name: string;
  /** 'PERSON' | 'ORGANIZATION' | 'PLACE' as guessed by the NLP pass. */
  readonly kind: string;
  readonly mentions: number;
}

export interface TagResult {
  readonly actors: readonly EntityRef[];
  readonly regions: readonly EntityRef[];
  readonly topics: readonly EntityRef[];
  readonly evidence: ArticleEvidence;
  readonly candidates: readonly Candidate[];
  /** The region id of the dateline ("DUBAI (Reuters) -" → `AE/dubai`), or null. Not a region of the article. */
  readonly dateline?: string | null;
  /**
   * Every mention of a country or capital that can stand for a state ("Iran", "Tehran",
   * "واشنطن"), as the state actor id, whether or not it became a region or an actor: claims
   * read "The US blamed Iran" through it. Not stored.
   */
  readonly stateMentions?: readonly { readonly id: string; readonly field: Evidence['field']; readonly start: number; readonly end: number }[];
}

export interface Tagger {
  tag(sections: TextSections, hints: FeedHints): TagResult;
  /**
   * A fingerprint of the dictionaries and rules: part of every article's content hash, so
   * that after a dictionary change a refetch re-tags the stored articles instead of skipping
   * them as unchanged.
   */
  readonly version?: string;
  /** Kind and display name of an actor id, for claims and quotes (issue 14); absent in test taggers. */
  describeActor?(id: string): { kind: string; name: string } | undefined;
}
