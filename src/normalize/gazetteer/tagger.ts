/**
 * The Tagger: finds the actors, regions and topics of one article's cleaned text with one
 * Aho-Corasick automaton built once over every folded alias, then applies the tagging rules
 * (data/README.md, issue 3): case-sensitive acronyms, ambiguous aliases that need the entity's
 * full name or a context term in the same article, "capital + speech verb" → the state actor,
 * a place → also its country, topics from phrases and from feed categories (most specific
 * only), feed hints as `feed` evidence. Every entity carries its evidence (field, alias,
 * offsets into that field's text, snippet), a mention count and a salience.
 */
import { createHash } from 'node:crypto';
import type { Evidence } from '../../model/article.ts';
import type { EntityCatalog } from '../../model/catalog.ts';
import { AhoCorasick, type RawMatch } from './aho-corasick.ts';
import type { MatchRules, TopicEntry } from './dictionary.types.ts';
import { discoverCandidates } from './discovery.ts';
import { fold, foldWithMap, originalRange, type FoldedText } from './fold.ts';
import { isAcronym } from './dictionary-drafts.ts';
import { ACTOR_AFFILIATION_BEFORE, actInLists, dottedAcronyms, dropCandidatesOverlappingActors, dropPossessivesOfActors, dropQuotedStates, dropRegionsInsidePersonNames, STATE_OUTLET, stateIdOf } from './mention-rules.ts';
import { insideLongerName, isDescriptor, lowerCaseSense, personNameContext, weaponAsCargo } from './mention-sense.ts';
import { arabicInflections, provinceSpan } from './phrase-forms.ts';
import { possessiveForms } from './possessive-forms.ts';
import { isAttributive, namesTerritory, notASetting } from './region-context.ts';
import { LEAD_CHARS, settingsOnly, takeDateline } from './region-settings.ts';
import { isGovernmentObject, isSpeaker, isStateAgent } from './speech-verbs.ts';
import { resolveLayers, summarise, type EntityType, type Mention, type Payload, type Snippet } from './tagger-mention.ts';
import type { Candidate, FeedHints, TagResult, Tagger, TextSections } from './tagger.types.ts';
import { hasWord, inCapitalsRun, isCommonWord, isShouting } from './text-shape.ts';

/** Options of {@link createTagger}. */
export interface TaggerOptions {
  /** Run name discovery (compromise) on each article; default true. */
  readonly discovery?: boolean;
  /** Characters of body text (after title and summary) that discovery reads; default 3000. */
  readonly discoveryChars?: number;
}

const FIELD_WEIGHT = { title: 0.7, summary: 0.45, tags: 0.25, feed: 0.15 } as const;

const rulesOf = (entry: object): MatchRules => {
  const r = entry as Partial<MatchRules>;
  return { caseSensitiveAliases: r.caseSensitiveAliases ?? [], ambiguousAliases: r.ambiguousAliases ?? [], contextTerms: r.contextTerms ?? [] };
};

/** Weight of a content mention: the lead counts like a summary, later text fades to 0.05. */
function contentWeight(offset: number, length: number): number {
  if (offset < LEAD_CHARS) return 0.35;
  return Math.max(0.05, 0.3 * (1 - offset / Math.max(length, 1)));
}

/** The tagger over one catalog; build once (building the automaton is the expensive part). */
/** Bump when a change to the rules below should re-tag stored articles on their next fetch. */
export const TAGGER_RULES_REVISION = 3;

export class GazetteerTagger implements Tagger {
  private readonly matcher = new AhoCorasick<Payload>();
  private readonly contextTerms = new Map<string, string[]>();
  private readonly categories = new Map<string, string[]>();
  private readonly regionCountry = new Map<string, string>();
  private readonly regionKind = new Map<string, string>();
  private readonly ancestorsOfTopic = new Map<string, string[]>();
  private readonly parentOfTopic = new Map<string, string | null>();
  /** City → the governorate/province it is the capital of and named after (its SUBDIVISION parent). */
  private readonly provinceOfCity = new Map<string, string>();
  /** Folded demonyms of each country ("israeli", "الاسرائيليين"): they qualify, they locate nothing. */
  private readonly demonymKeys = new Set<string>();
  /** State mentions of the article being tagged (see TagResult.stateMentions). */
  private stateMentions: { id: string; field: Evidence['field']; start: number; end: number }[] | null = null;
  /** Answers of {@link isKnownName}: the dictionaries never change under a tagger. */
  private readonly knownNames = new Map<string, boolean>();
  /** See Tagger.version: the dictionaries as loaded, and this file's rules revision. */
  readonly version: string;

  constructor(
    private readonly catalog: EntityCatalog & { stateOf?: (cc: string) => { id: string } | undefined },
    private readonly options: TaggerOptions = {},
  ) {
    this.version = createHash('sha256')
      .update(`${TAGGER_RULES_REVISION}\n${JSON.stringify([catalog.actors, catalog.regions, catalog.topics, options])}`)
      .digest('base64url')
      .slice(0, 16);
    for (const a of catalog.actors) this.addEntry('actors', a.id, [a.name, ...a.aliases], rulesOf(a), null, []);
    for (const r of catalog.regions) {
      const extra = r as unknown as { metonyms?: readonly string[]; metonymOf?: string };
      this.addEntry('regions', r.id, [r.name, ...r.aliases], rulesOf(r), extra.metonymOf ?? null, extra.metonyms ?? []);
      if (r.countryCode !== undefined && r.countryCode !== r.id) this.regionCountry.set(r.id, r.countryCode);
      for (const d of (r as unknown as { demonyms?: readonly string[] }).demonyms ?? []) this.demonymKeys.add(`${r.id}\u0000${fold(d)}`);
      this.regionKind.set(r.id, r.kind);
    }
    for (const f of possessiveForms(catalog)) this.matcher.add(f.key, { type: 'actors', id: f.id, alias: f.alias, caseKey: null, ambiguous: false, metonymOf: null });
    for (const r of catalog.regions) {
      if (r.kind === 'CITY' && r.parent !== undefined && this.regionKind.get(r.parent) === 'SUBDIVISION') this.provinceOfCity.set(r.id, r.parent);
    }
    for (const t of catalog.topics) {
      const extra = t as Partial<TopicEntry>;
      this.addEntry('topics', t.id, [...t.phrases], rulesOf(t), null, [], new Set((extra.fallbackPhrases ?? []).map((f) => fold(f))));
      this.addEntry('topics', t.id, [...(extra.excludedPhrases ?? [])], rulesOf(t), null, [], undefined, true);
      this.parentOfTopic.set(t.id, t.parent ?? null);
      for (const c of t.categories) {
        const key = fold(c);
        this.categories.set(key, [...(this.categories.get(key) ?? []), t.id]);
      }
      this.ancestorsOfTopic.set(t.id, catalog.topicAncestors(t.id).filter((id) => id !== t.id));
    }
    this.matcher.build();
  }


  private addEntry(type: EntityType, id: string, names: readonly string[], rules: MatchRules, metonymOf: string | null, metonyms: readonly string[], fallbackKeys?: ReadonlySet<string>, excluded = false): void {
    const ambiguous = new Set(rules.ambiguousAliases.map((a) => fold(a)));
    const caseSensitive = new Set(rules.caseSensitiveAliases);
    const metonymKeys = new Set(metonyms.map((m) => fold(m)));
    this.contextTerms.set(`${type}:${id}`, rules.contextTerms.map((t) => fold(t)).filter((t) => t !== ''));
    const seen = new Set<string>();
    for (const alias of names) {
      const key = fold(alias);
      const strict = caseSensitive.has(alias) || isAcronym(alias);
      const dedupe = `${key}\u0000${strict ? alias : ''}`;
      if (key === '' || seen.has(dedupe)) continue;
      seen.add(dedupe);
      const payload: Payload = {
        type,
        id,
        alias,
        caseKey: strict ? fold(alias, { keepCase: true }) : null,
        ambiguous: ambiguous.has(key),
        metonymOf: metonymOf !== null && metonymKeys.has(key) ? metonymOf : null,
        ...(fallbackKeys?.has(key) === true ? { fallback: true } : {}),
        ...(excluded ? { excluded: true } : {}),
      };
      this.matcher.add(key, payload);
      // Arabic topic phrases in the dual, the sound plural and the accusative: "طائرة مسيرة" also
      // matches "طائرتين مسيرتين", "طائرات مسيرة"…, "صاروخ باليستي" also "صاروخا باليستيا".
      if (type === 'topics') for (const variant of arabicInflections(key)) this.matcher.add(variant, payload);
      // "للحرس" is ل + الحرس: the article's alef is elided after the preposition.
      if (key.startsWith('ال') && key.length > 3) this.matcher.add(`لل${key.slice(2)}`, payload);
      // Persian writes "حزب‌الله" with a half-space (kept by cleaning, folded to a space) or, in
      // careless typing, joined ("حزبالله"): match both.
      if (alias.includes('\u200C')) this.matcher.add(fold(alias.replace(/\u200C/g, '')), payload);
      // "UN Support Mission in Libya" is also written "U.N. Support Mission in Libya" (wire style).
      const dotted = dottedAcronyms(alias);
      if (dotted !== null && !strict) this.matcher.add(fold(dotted), payload);
    }
  }

  /** Matches of one field's text, with original offsets. */
  private scan(text: string, field: Evidence['field'], weightAt: (offset: number) => number, out: Mention[], speakers: Mention[]): FoldedText {
    const firstOut = out.length;
    const firstSpeaker = speakers.length;
    const folded = this.scanMatches(text, field, weightAt, out, speakers);
    actInLists(text, out, firstOut, speakers, firstSpeaker);
    return folded;
  }

  private scanMatches(text: string, field: Evidence['field'], weightAt: (offset: number) => number, out: Mention[], speakers: Mention[]): FoldedText {
    const folded = foldWithMap(text);
    const candidates = this.matcher.searchWordCandidates(folded.text, {
      accept: (m: RawMatch<Payload>) => (m.payloads.some((p) => p.caseKey !== null) ? m.payloads.filter((p) => p.caseKey === null || this.caseMatches(text, folded, m, p.caseKey)) : m.payloads),
      removedBefore: (i: number) => i > 0 && i < folded.text.length && (folded.starts[i] ?? 0) > (folded.ends[i - 1] ?? 0),
    });
    const matches = resolveLayers(candidates);
    // In an all-capitals headline ("WHO IS BEHIND THE ATTACK") an acronym match proves nothing:
    // it then needs the same confirmation as an ambiguous alias.
    let shouting: boolean | undefined; // computed on the first case-sensitive match
    for (const m of matches) {
      const { start, end } = originalRange(folded, m.start, m.end);
      const snippet: Snippet = { text, start, end };
      const weight = weightAt(start);
      // "New Jersey", "New Mexico": a country name after "New" is another place.
      const afterNew = start >= 4 && text.startsWith('New ', start - 4);
      for (const p of m.payloads) {
        if (p.excluded === true) continue;
        if (afterNew && p.type === 'regions' && this.regionKind.get(p.id) === 'COUNTRY') continue;
        if (!this.usedAsName(text, start, end, p)) continue;
        if (p.metonymOf !== null && field !== 'tags' && !isDescriptor(text, start, end)) {
          const state = this.catalog.stateOf?.(p.metonymOf);
          if (state !== undefined) this.stateMentions?.push({ id: state.id, field, start, end });
        }
        // "Israel says", "Moscow shifts", "قالت طهران": the state acting, not a place of the article.
        if (p.metonymOf !== null && field !== 'tags' && text.charAt(end) !== '-' && isGovernmentObject(folded.text, m.start)) continue; // "urged Baghdad to": addressed, neither acting nor a place
        if (p.type === 'actors' && this.isStateAlias(p.id) && (isGovernmentObject(folded.text, m.start) || STATE_OUTLET.test(text.slice(end, end + 24)))) continue; // "urged the Israeli government", "Lebanese state media"
        if (p.metonymOf !== null && field !== 'tags' && text.charAt(end) !== '-' && (isSpeaker(folded.text, m.start, m.end, /^\s+[\p{L}\p{N}]/u.test(text.slice(end, end + 4))) || isStateAgent(folded.text, m.start))) {
          const state = this.catalog.stateOf?.(p.metonymOf);
          if (state !== undefined) {
            speakers.push({ type: 'actors', id: state.id, field, alias: text.slice(start, end), start, end, snippet, weight, ambiguous: false, acting: true });
            continue;
          }
        }
        // "Deir Ezzor province", "province of Basra", "محافظة كركوك": the governorate, not its capital city,
        // whichever spelling of the city the text uses (data/README.md, governorate vs. its capital).
        const province = p.type === 'regions' ? this.provinceOfCity.get(p.id) : undefined;
        const span = province === undefined ? null : provinceSpan(folded.text, m.start, m.end);
        if (province !== undefined && span !== null) {
          const range = originalRange(folded, span.start, span.end);
          out.push({ type: 'regions', id: province, field, alias: text.slice(range.start, range.end), start: range.start, end: range.end, snippet, weight, ambiguous: p.ambiguous });
          continue;
        }
        const mention: Mention = {
          type: p.type,
          id: p.id,
          field,
          alias: text.slice(start, end),
          start,
          end,
          snippet,
          weight,
          ambiguous: p.ambiguous || (p.caseKey !== null && ((shouting ??= isShouting(text)) || (isCommonWord(p.alias) && inCapitalsRun(text, start, end)))),
          ...(p.fallback === true ? { fallback: true } : {}),
          ...(p.type === 'regions' && this.regionKind.get(p.id) === 'COUNTRY' && ((this.demonymKeys.has(`${p.id}\u0000${fold(p.alias)}`) && !namesTerritory(text, end)) || isAttributive(text, start, end)) ? { demonym: true } : {}),
          ...(p.metonymOf !== null && field !== 'tags' && text.charAt(end) !== '-' ? stateIdOf(this.catalog.stateOf?.(p.metonymOf)) : {}),
        };
        out.push(mention);
      }
    }
    return folded;
  }

  /**
   * The sense rules of mention-sense.ts: a descriptor ("Iran-backed"), a country inside a longer
   * name ("Jordan River"), a lower-case common word ("turkey"), a given name ("named Amal").
   */
  private usedAsName(text: string, start: number, end: number, p: Payload): boolean {
    if (p.type === 'topics') return !(this.isWeaponTopic(p.id) && weaponAsCargo(text, start, end));
    // "the al Qaeda-linked group", "anti-Houthi camp", "المرتبطة بتنظيم القاعدة": an affiliation, not the actor present.
    if (p.type === 'actors' && (isDescriptor(text, start, end) || ACTOR_AFFILIATION_BEFORE.test(text.slice(Math.max(0, start - 20), start)))) return false;
    if (p.type === 'regions' && (isDescriptor(text, start, end) || notASetting(text, start, end, p.metonymOf !== null || this.regionKind.get(p.id) === 'COUNTRY'))) return false;
    if (p.type === 'regions' && this.regionKind.get(p.id) === 'COUNTRY' && insideLongerName(text, start, end)) return false;
    if (lowerCaseSense(text, start, end, p.alias)) return false;
    if (p.ambiguous && !/\s/u.test(p.alias) && personNameContext(text, start, end, (at) => this.startsKnownName(text, at))) return false;
    return true;
  }

  /** True for a STATE actor ("Iranian government", "Lebanese state", "the Zionist entity"). */
  private isStateAlias(id: string): boolean {
    return this.catalog.actor(id)?.kind === 'STATE';
  }

  /** Topics under `armed-attack` (drones, missiles, rockets, …): their phrases can name cargo instead. */
  private isWeaponTopic(id: string): boolean {
    return (this.ancestorsOfTopic.get(id) ?? []).includes('armed-attack');
  }

  /** True when a dictionary name starts at `offset` of `text` ("Amal Movement" is the party, not a surname). */
  private startsKnownName(text: string, offset: number): boolean {
    const word = /^[\p{L}'’-]+(?:\s[\p{L}'’-]+)?/u.exec(text.slice(offset, offset + 40))?.[0] ?? '';
    const folded = fold(word);
    return folded !== '' && this.matcher.searchWords(folded).some((m) => m.start === 0);
  }

  private caseMatches(text: string, folded: FoldedText, m: RawMatch<Payload>, caseKey: string): boolean {
    const { start, end } = originalRange(folded, m.start, m.end);
    return fold(text.slice(start, end), { keepCase: true }) === caseKey;
  }

  tag(sections: TextSections, hints: FeedHints): TagResult {
    const stateMentions: { id: string; field: Evidence['field']; start: number; end: number }[] = [];
    this.stateMentions = stateMentions;
    try {
      return { ...this.tagFields(sections, hints), stateMentions };
    } finally {
      this.stateMentions = null;
    }
  }

  private tagFields(sections: TextSections, hints: FeedHints): TagResult {
    const mentions: Mention[] = [];
    const speakers: Mention[] = [];
    const foldedParts: string[] = [];
    foldedParts.push(this.scan(sections.title, 'title', () => FIELD_WEIGHT.title, mentions, speakers).text);
    foldedParts.push(this.scan(sections.summary, 'summary', () => FIELD_WEIGHT.summary, mentions, speakers).text);
    const length = sections.content.length;
    foldedParts.push(this.scan(sections.content, 'content', (o) => contentWeight(o, length), mentions, speakers).text);
    for (const tag of sections.tags) {
      foldedParts.push(this.scan(tag, 'tags', () => FIELD_WEIGHT.tags, mentions, speakers).text);
      for (const topic of this.categories.get(fold(tag)) ?? []) {
        mentions.push({ type: 'topics', id: topic, field: 'tags', alias: tag, start: 0, end: tag.length, snippet: tag, weight: FIELD_WEIGHT.tags, ambiguous: false });
      }
    }
    const articleText = foldedParts.join('\n');
    const discovered: Candidate[] = this.options.discovery === false ? [] : discoverCandidates(sections, (name) => this.isKnownName(name), this.options.discoveryChars ?? 3000);
    const candidates = dropCandidatesOverlappingActors(discovered, sections, mentions);
    const accepted = this.applyAmbiguity(dropRegionsInsidePersonNames(mentions, candidates, sections), articleText);
    accepted.push(...speakers);
    for (const hint of hints.regions) {
      if (this.catalog.region(hint) === undefined) continue;
      accepted.push({ type: 'regions', id: hint, field: 'feed', alias: hint, start: -1, end: -1, snippet: '', weight: FIELD_WEIGHT.feed, ambiguous: false });
    }
    for (const tag of hints.tags) {
      for (const topic of this.categories.get(fold(tag)) ?? []) {
        accepted.push({ type: 'topics', id: topic, field: 'feed', alias: tag, start: -1, end: -1, snippet: '', weight: FIELD_WEIGHT.feed, ambiguous: false });
      }
    }
    dropPossessivesOfActors(accepted, sections);
    const dateline = takeDateline(accepted, sections, this.regionKind);
    // A city, place or subdivision also tags its country, with the same evidence.
    for (const m of [...accepted]) {
      if (m.type !== 'regions') continue;
      const country = this.regionCountry.get(m.id);
      if (country !== undefined && this.regionKind.has(country)) accepted.push({ ...m, id: country, derived: true });
    }
    const settings = dropQuotedStates(settingsOnly(accepted, sections, this.regionKind), sections, (id) => this.isStateAlias(id));
    const topics = this.mostSpecific(settings.filter((m) => m.type === 'topics'));
    const actors = summarise(settings.filter((m) => m.type === 'actors'));
    const regions = summarise(settings.filter((m) => m.type === 'regions'));
    const topicRefs = summarise(topics);
    return {
      actors: actors.refs,
      regions: regions.refs,
      topics: topicRefs.refs,
      evidence: { actors: actors.evidence, regions: regions.evidence, topics: topicRefs.evidence },
      candidates,
      dateline,
    };
  }



  /** Ambiguous aliases count only with an unambiguous mention of the same entity or a context term. */
  private applyAmbiguity(mentions: readonly Mention[], articleText: string): Mention[] {
    const confirmed = new Set<string>();
    for (const m of mentions) if (!m.ambiguous) confirmed.add(`${m.type}:${m.id}`);
    const byContext = new Map<string, boolean>();
    return mentions.filter((m) => {
      if (!m.ambiguous) return true;
      const key = `${m.type}:${m.id}`;
      if (confirmed.has(key)) return true;
      let ok = byContext.get(key);
      if (ok === undefined) {
        ok = (this.contextTerms.get(key) ?? []).some((t) => hasWord(articleText, t));
        byContext.set(key, ok);
      }
      return ok;
    });
  }

  /**
   * Drops a topic when one of its descendants is also on the article (the store widens to
   * children), and a topic found only by fallback phrases when a sibling topic is there.
   */
  private mostSpecific(all: readonly Mention[]): Mention[] {
    const firm = new Set(all.filter((m) => m.fallback !== true).map((m) => m.id));
    const topics = all.filter((m) => {
      if (m.fallback !== true || firm.has(m.id)) return true;
      const parent = this.parentOfTopic.get(m.id) ?? null;
      return ![...firm].some((other) => other !== m.id && parent !== null && this.parentOfTopic.get(other) === parent);
    });
    const ids = new Set(topics.map((m) => m.id));
    const implied = new Set<string>();
    for (const id of ids) for (const a of this.ancestorsOfTopic.get(id) ?? []) implied.add(a);
    return topics.filter((m) => !implied.has(m.id));
  }

  describeActor(id: string): { kind: string; name: string } | undefined {
    const actor = this.catalog.actor(id);
    return actor === undefined ? undefined : { kind: actor.kind, name: actor.name };
  }

  /** True when some dictionary alias covers the whole name (discovery skips known names). */
  isKnownName(name: string): boolean {
    let known = this.knownNames.get(name);
    if (known === undefined) {
      const folded = fold(name);
      known = folded === '' || this.matcher.searchWords(folded).some((m) => m.start === 0 && m.end >= folded.length - 1);
      // Discovery asks about the same runs in article after article: remember the answers (bounded).
      if (this.knownNames.size >= 50_000) this.knownNames.clear();
      this.knownNames.set(name, known);
    }
    return known;
  }
}

/** A tagger over `catalog`, built once and reused for every article. */
export function createTagger(catalog: EntityCatalog, options: TaggerOptions = {}): GazetteerTagger {
  return new GazetteerTagger(catalog, options);
}
