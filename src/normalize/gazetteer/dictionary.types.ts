/**
 * The validated dictionaries as the gazetteer uses them: the public entity shapes of
 * src/model/entities.ts plus the matching rules that only the tagger needs (which aliases are
 * case-sensitive, which are ambiguous and need context, which region aliases can stand for
 * their state as a speaker).
 */
import type { Actor, Region, Topic } from '../../model/entities.ts';

/** Matching rules any dictionary entry may carry. */
export interface MatchRules {
  /** Aliases matched only in this exact case ("US", "KH", "IS"). */
  readonly caseSensitiveAliases: readonly string[];
  /** Aliases that count only with an unambiguous mention of the entry or a context term in the article. */
  readonly ambiguousAliases: readonly string[];
  /** Words whose presence (folded, whole word) in the article confirms an ambiguous alias. */
  readonly contextTerms: readonly string[];
}

export interface ActorEntry extends Actor, MatchRules {}

export interface RegionEntry extends Region, MatchRules {
  /**
   * Aliases that name the state when followed by a speech verb ("Tehran said", "Washington
   * warned"): a capital city's aliases, or a country's capital-metonym aliases.
   */
  readonly metonyms: readonly string[];
  /** For a capital city or a country with metonyms: the country code whose state speaks. */
  readonly metonymOf?: string;
  /** For a country: its demonyms ("Iraqi"), which name the region but never the state as a speaker. */
  readonly demonyms?: readonly string[];
}

export interface TopicEntry extends Topic, MatchRules {
  /**
   * Phrases that look like the topic's but are not it ("reconnaissance drones", "air raid
   * sirens"): they win the longest match over the topic's shorter phrases and assign nothing.
   */
  readonly excludedPhrases?: readonly string[];
  /**
   * Phrases that assign the topic only when no sibling topic (same parent) is on the article:
   * "Israeli strikes" is an airstrike unless the article says the strike was a drone or missile.
   */
  readonly fallbackPhrases?: readonly string[];
}

/** Everything loaded from data/ and the user extension files. */
export interface Dictionaries {
  readonly actors: readonly ActorEntry[];
  readonly regions: readonly RegionEntry[];
  readonly topics: readonly TopicEntry[];
  /** Problems that do not stop loading (alias shared by two actors, …), one line each. */
  readonly warnings: readonly string[];
}
