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
import type { Evidence, EntityRef } from '../../model/article.ts';
import type { EntityCatalog } from '../../model/catalog.ts';
import { AhoCorasick, resolveOverlaps, type RawMatch } from './aho-corasick.ts';
import type { MatchRules, TopicEntry } from './dictionary.types.ts';
import { discoverCandidates, hasTitleWord } from './discovery.ts';
import { fold, foldWithMap, isWordChar, originalRange, type FoldedText } from './fold.ts';
import { isAcronym } from './load-dictionaries.ts';
import { datelineSpan, insideLongerName, insideQuotes, isDescriptor, isLocative, lowerCaseSense, personNameContext, weaponAsCargo } from './mention-sense.ts';
import { isAttributive, namesTerritory, notASetting } from './region-context.ts';
import { isGovernmentObject, isSpeaker, isStateAgent } from './speech-verbs.ts';
import type { Candidate, FeedHints, TagResult, Tagger, TextSections } from './tagger.types.ts';

type EntityType = 'actors' | 'regions' | 'topics';

/** What a pattern of the automaton stands for. */
interface Payload {
  readonly type: EntityType;
  readonly id: string;
  /** The alias as written in the dictionary. */
  readonly alias: string;
  /** The alias folded but with its case kept, when it must match in this exact case. */
  readonly caseKey: string | null;
  readonly ambiguous: boolean;
  /** For a capital/metonym alias of a region: the country whose state speaks ("Tehran said"). */
  readonly metonymOf: string | null;
  /** A topic phrase that counts only when no sibling topic matched (`fallbackPhrases`). */
  readonly fallback?: boolean;
  /** A look-alike phrase that takes its span and assigns nothing (`excludedPhrases`). */
  readonly excluded?: boolean;
}

/** One accepted occurrence of an entity before rules are applied. */
interface Mention {
  readonly type: EntityType;
  readonly id: string;
  readonly field: Evidence['field'];
  readonly alias: string;
  readonly start: number;
  readonly end: number;
  /** The snippet, or where to cut it from: built only for the evidence kept (see {@link summarise}). */
  readonly snippet: Snippet;
  readonly weight: number;
  readonly ambiguous: boolean;
  readonly fallback?: boolean;
  /** A country reached through a place inside it (not named itself). */
  readonly derived?: boolean;
  /** A country named only as a qualifier: a demonym ("Israeli strikes") or an attributive acronym ("US envoy"). */
  readonly demonym?: boolean;
  /** For a country or capital name that can stand for its state: the state actor's id. */
  readonly stateId?: string;
  /** A state found acting or speaking ("Iran continues", "Israel says"), even inside a quotation. */
  readonly acting?: boolean;
}

/** A snippet as given, or the span of a field's text it is cut around ({@link snippetAround}). */
type Snippet = string | { readonly text: string; readonly start: number; readonly end: number };

const snippetText = (s: Snippet): string => (typeof s === 'string' ? s : snippetAround(s.text, s.start, s.end));

/** Options of {@link createTagger}. */
export interface TaggerOptions {
  /** Run name discovery (compromise) on each article; default true. */
  readonly discovery?: boolean;
  /** Characters of body text (after title and summary) that discovery reads; default 3000. */
  readonly discoveryChars?: number;
}

const FIELD_WEIGHT = { title: 0.7, summary: 0.45, tags: 0.25, feed: 0.15 } as const;
const LEAD_CHARS = 500;
/** A body at least this long has a lead and a tail: a single country name in the tail is a passing mention. */
const PASSING_MIN_CHARS = 1200;
const MAX_EVIDENCE = 20;
const SNIPPET_RADIUS = 55;

const rulesOf = (entry: object): MatchRules => {
  const r = entry as Partial<MatchRules>;
  return { caseSensitiveAliases: r.caseSensitiveAliases ?? [], ambiguousAliases: r.ambiguousAliases ?? [], contextTerms: r.contextTerms ?? [] };
};

/** Weight of a content mention: the lead counts like a summary, later text fades to 0.05. */
function contentWeight(offset: number, length: number): number {
  if (offset < LEAD_CHARS) return 0.35;
  return Math.max(0.05, 0.3 * (1 - offset / Math.max(length, 1)));
}

/** ~120 characters around `[start, end)`, cut at spaces, whitespace folded. */
export function snippetAround(text: string, start: number, end: number): string {
  let s = Math.max(0, start - SNIPPET_RADIUS);
  let e = Math.min(text.length, end + SNIPPET_RADIUS);
  if (s > 0) {
    const space = text.indexOf(' ', s);
    if (space >= 0 && space < start) s = space + 1;
  }
  if (e < text.length) {
    const space = text.lastIndexOf(' ', e);
    if (space >= end) e = space;
  }
  const body = isTidy(text, s, e) ? text.slice(s, e) : text.slice(s, e).replace(/\s+/g, ' ').trim();
  return s > 0 ? (e < text.length ? `…${body}…` : `…${body}`) : e < text.length ? `${body}…` : body;
}

/** True when `text[s, e)` has no whitespace but single spaces inside it: folding would not change it. */
function isTidy(text: string, s: number, e: number): boolean {
  let prevSpace = true; // a leading space needs trimming
  for (let i = s; i < e; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if (code < 32 || (code >= 0x80 && (charClass(code) & 16) !== 0)) return false;
    else prevSpace = false;
  }
  return !prevSpace || e === s;
}

/** Per BMP code unit: 1 = computed, 2 = letter (\p{L}), 4 = cased, 8 = upper case (see {@link charClass}). */
const CHAR_CLASS = new Uint8Array(0x10000);
const LETTER_RE = /\p{L}/u;
const SPACE_RE = /\s/u;

function classOf(ch: string): number {
  let bits = 1;
  if (LETTER_RE.test(ch)) {
    bits |= 2;
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      bits |= 4;
      if (ch === ch.toUpperCase()) bits |= 8;
    }
  }
  if (SPACE_RE.test(ch)) bits |= 16;
  return bits;
}

/** Letter, case and space bits of a BMP code unit, memoised. */
function charClass(code: number): number {
  let bits = CHAR_CLASS[code]!;
  if (bits === 0) {
    bits = classOf(String.fromCharCode(code));
    CHAR_CLASS[code] = bits;
  }
  return bits;
}

/** True for text of four or more words written mostly in capitals. */
export function isShouting(text: string): boolean {
  // One pass, no allocation. Shouting needs upper/cased > 0.8, so lower < 0.2 × cased ≤ 0.2 ×
  // length: ordinary prose is decided after its first few words.
  const lowerLimit = 0.2 * text.length;
  let letters = 0;
  let cased = 0;
  let upper = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let bits: number;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        bits = classOf(text.slice(i, i + 2));
        i++;
      } else bits = charClass(code);
    } else bits = charClass(code);
    if ((bits & 16) !== 0) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
    if ((bits & 2) === 0) continue;
    letters++;
    if ((bits & 4) === 0) continue; // Arabic and other uncased scripts
    cased++;
    if ((bits & 8) !== 0) upper++;
    else if (cased - upper > lowerLimit) return false;
  }
  return letters >= 12 && words >= 4 && cased >= 12 && upper / cased > 0.8;
}

/** Acronyms that are also English words ("US", "IS", "IT"): in a run of capitals they prove nothing. */
const COMMON_WORDS = new Set('us is it am an as at be by do go he if in me my no of on or so to up we all and are but can for has her him his how its may new not now one our out she the was who why you aid arm art war win oil man'.split(' '));

function isCommonWord(alias: string): boolean {
  return !alias.includes('.') && COMMON_WORDS.has(alias.toLowerCase());
}

const isCapsWord = (w: string): boolean => w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase();

/**
 * True when `[start, end)` sits in a run of at least three words in capitals ("… M. IS NEW
 * CHIEF …", "US STRIKES HIT YEMEN"), but not next to one other acronym ("US CENTCOM said").
 */
function inCapitalsRun(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start).split(/[^\p{L}]+/u).filter((w) => w !== '').reverse();
  const after = text.slice(end, end + 40).split(/[^\p{L}]+/u).filter((w) => w !== '');
  let run = 0;
  for (const side of [before, after]) {
    for (const w of side.slice(0, 2)) {
      if (w.length === 1) continue; // an initial ("M.")
      if (!isCapsWord(w)) break;
      run++;
    }
  }
  return run >= 2;
}

/** True when the folded `term` occurs as whole words in the folded `text`. */
function hasWord(text: string, term: string): boolean {
  if (term === '') return false;
  let i = text.indexOf(term);
  while (i >= 0) {
    if (!isWordChar(text[i - 1]) && !isWordChar(text[i + term.length])) return true;
    i = text.indexOf(term, i + 1);
  }
  return false;
}

/** The tagger over one catalog; build once (building the automaton is the expensive part). */
/** Bump when a change to the rules below should re-tag stored articles on their next fetch. */
export const TAGGER_RULES_REVISION = 2;

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
    this.addPossessives(catalog);
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

  /**
   * Possessive wire-copy forms, generated from the dictionaries instead of written per alias:
   * "Turkey's Defence Ministry" is the actor named "Turkish Defence Ministry" (country name +
   * 's + the rest of an alias that starts with the country's demonym), and "Israel's government",
   * "Iran's military" name the state (when no body such as "Iraqi military" is in the dictionary).
   */
  private addPossessives(catalog: EntityCatalog & { stateOf?: (cc: string) => { id: string } | undefined }): void {
    const latin = (s: string) => /^[a-z]/.test(s);
    const countries = catalog.regions.filter((r) => r.kind === 'COUNTRY') as unknown as { id: string; demonyms?: readonly string[]; metonyms?: readonly string[] }[];
    const namesOf = new Map<string, string[]>();
    const byDemonym = new Map<string, string>();
    for (const c of countries) {
      const names = [...new Set((c.metonyms ?? []).map((n) => fold(n)).filter(latin))];
      if (names.length === 0) continue;
      namesOf.set(c.id, names);
      for (const d of c.demonyms ?? []) {
        const key = fold(d);
        if (latin(key) && !key.includes(' ')) byDemonym.set(key, c.id);
      }
    }
    const generated = new Set<string>();
    const add = (key: string, id: string, alias: string) => {
      if (generated.has(key)) return;
      generated.add(key);
      this.matcher.add(key, { type: 'actors', id, alias, caseKey: null, ambiguous: false, metonymOf: null });
    };
    for (const a of catalog.actors) {
      for (const alias of [a.name, ...a.aliases]) {
        const key = fold(alias);
        const space = key.indexOf(' ');
        if (space < 0) continue;
        const country = byDemonym.get(key.slice(0, space));
        if (country === undefined) continue;
        for (const n of namesOf.get(country) ?? []) add(`${n}s ${key.slice(space + 1)}`, a.id, alias);
      }
    }
    const STATE_HEADS = ['government', 'federal government', 'transitional government', 'interim government', 'military government', 'administration', 'authorities', 'leadership', 'regime', 'military', 'army', 'armed forces'];
    for (const [country, names] of namesOf) {
      const state = catalog.stateOf?.(country);
      if (state === undefined) continue;
      for (const n of names) for (const head of STATE_HEADS) add(`${n}s ${head}`, state.id, `${n}'s ${head}`);
    }
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
    const dateline = this.takeDateline(accepted, sections);
    // A city, place or subdivision also tags its country, with the same evidence.
    for (const m of [...accepted]) {
      if (m.type !== 'regions') continue;
      const country = this.regionCountry.get(m.id);
      if (country !== undefined && this.regionKind.has(country)) accepted.push({ ...m, id: country, derived: true });
    }
    const settings = dropQuotedStates(this.settingsOnly(accepted, sections), sections, (id) => this.isStateAlias(id));
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

  /**
   * The dateline ("DUBAI (Reuters) -") of the content or summary: its place mentions leave
   * `mentions` (a dateline is where the copy was filed, not where events happen) and the most
   * specific of them is returned as the article's dateline.
   */
  private takeDateline(mentions: Mention[], sections: TextSections): string | null {
    let dateline: string | null = null;
    for (const field of ['summary', 'content'] as const) {
      const span = datelineSpan(fieldText(sections, field));
      if (span === null) continue;
      const inside = mentions.filter((m) => m.type === 'regions' && m.field === field && m.start >= span.start && m.end <= span.end);
      if (inside.length === 0) continue;
      const rank = (id: string) => (this.regionKind.get(id) === 'COUNTRY' ? 1 : 0);
      const best = [...inside].sort((a, b) => rank(a.id) - rank(b.id) || a.start - b.start)[0]!;
      dateline ??= best.id;
      for (const m of inside) mentions.splice(mentions.indexOf(m), 1);
    }
    return dateline;
  }

  /**
   * The region salience rule (data/README.md): a country is a region of the article only where
   * it is the setting. A country named only inside quotations, or named once late in a long
   * body (after the lead, not in the title, not after a locative preposition such as
   * "in"/"across"/"في", with no place of it named) is merely mentioned and is dropped.
   */
  private settingsOnly(mentions: readonly Mention[], sections: TextSections): Mention[] {
    const byCountry = new Map<string, Mention[]>();
    for (const m of mentions) {
      if (m.type !== 'regions' || this.regionKind.get(m.id) !== 'COUNTRY') continue;
      const list = byCountry.get(m.id) ?? [];
      list.push(m);
      byCountry.set(m.id, list);
    }
    const dropped = new Set<string>();
    const qualifiedOnly: string[] = [];
    // A place, sea or subdivision named for itself is a setting too ("in the Gulf of Oman").
    let settings = mentions.some((m) => m.type === 'regions' && m.derived !== true && this.regionKind.get(m.id) !== 'COUNTRY' && this.regionKind.get(m.id) !== 'MACRO_REGION') ? 1 : 0;
    for (const [id, list] of byCountry) {
      if (list.some((m) => m.derived === true || m.field === 'feed' || (m.field === 'title' && m.demonym !== true))) {
        settings++;
        continue;
      }
      // A feed category ("Israel") is an editor's label: it weighs like a qualifier.
      const spoken = list.filter((m) => m.field === 'tags' || !insideQuotes(fieldText(sections, m.field), m.start));
      const named = spoken.filter((m) => m.demonym !== true && m.field !== 'tags');
      if (named.length === 0) {
        if (spoken.length > 0) qualifiedOnly.push(id);
        else dropped.add(id);
        continue;
      }
      // A passing mention: named once, late in a long body, not as a location ("in Iraq").
      const distinct = new Set(named.map((m) => `${m.field}:${m.start}`));
      const only = named[0]!;
      if (distinct.size === 1 && only.field === 'content' && sections.content.length >= PASSING_MIN_CHARS && only.start >= LEAD_CHARS && !isLocative(sections.content, only.start)) dropped.add(id);
      else settings++;
    }
    // Named only as a qualifier ("Israeli strikes", "Indian nationals", "US envoy"): foreigners in
    // a story set elsewhere — unless no other country is a setting ("Iraqis voted", "an Iraqi bank").
    if (settings > 0) for (const id of qualifiedOnly) dropped.add(id);
    return dropped.size === 0 ? [...mentions] : mentions.filter((m) => m.type !== 'regions' || !dropped.has(m.id));
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

/**
 * Inflected forms of a folded Arabic phrase, every word inflected alike (adjectives agree with
 * their noun): the dual (oblique and nominative), the feminine sound plural, the accusative
 * with tanween alif. Folding has already turned ة into ه. Latin phrases get none.
 */
export function arabicInflections(folded: string): string[] {
  if (!/[\u0621-\u064A]/u.test(folded)) return [];
  const words = folded.split(' ');
  const inflect = (w: string, form: 'dual' | 'dualNom' | 'plural' | 'acc'): string => {
    if (!/[\u0621-\u064A]$/u.test(w) || w.length < 3 || w.startsWith('ال')) return w;
    const fem = w.endsWith('ه');
    const stem = fem ? w.slice(0, -1) : w;
    if (form === 'dual') return fem ? `${stem}تين` : `${w}ين`;
    if (form === 'dualNom') return fem ? `${stem}تان` : `${w}ان`;
    if (form === 'plural') return fem ? `${stem}ات` : w;
    return fem ? w : `${w}ا`;
  };
  const out = new Set<string>();
  for (const form of ['dual', 'dualNom', 'plural', 'acc'] as const) {
    const variant = words.map((w) => inflect(w, form)).join(' ');
    if (variant !== folded) out.add(variant);
  }
  return [...out];
}

const PROVINCE_AFTER = /^ (?:province|governorate|provinces|governorates|wilayat|vilayet)(?![\p{L}\p{N}])/u;
const PROVINCE_BEFORE = /(?:^|[^\p{L}\p{N}])(?:(?:province|governorate) of(?: the)?|[وفبل]{0,2}محافظه|استان) $/u;

/**
 * The folded span of a governorate named by its capital city: "<city> province|governorate"
 * (the word included), "province|governorate of <city>", Arabic "محافظة <city>" (with a
 * proclitic: "بمحافظة"), Persian "استان <city>"; `null` when the city stands bare.
 */
export function provinceSpan(folded: string, start: number, end: number): { start: number; end: number } | null {
  const after = PROVINCE_AFTER.exec(folded.slice(end, end + 16));
  if (after !== null) return { start, end: end + after[0].length };
  const before = PROVINCE_BEFORE.exec(folded.slice(Math.max(0, start - 24), start));
  if (before !== null) return { start: start - before[0].length + (/^[^\p{L}\p{N}]/u.test(before[0]) ? 1 : 0), end };
  return null;
}

/**
 * Overlaps resolved in two layers. Names (actors, regions) first, longest match wins among
 * them. Topic phrases next, among themselves; a topic phrase then survives a name it overlaps
 * only when it contains that name whole: "Counter-Terrorism Service" or "Basra Oil Company"
 * hide the phrases inside them, but "Israeli strikes" or "withdrawal of US forces" keep both
 * the topic and the name ("Israeli", "US forces") — a topic phrase never hides an entity.
 */
function resolveLayers(candidates: readonly RawMatch<Payload>[]): RawMatch<Payload>[] {
  const names: RawMatch<Payload>[] = [];
  const phrases: RawMatch<Payload>[] = [];
  for (const c of candidates) {
    const named = c.payloads.filter((p) => p.type !== 'topics');
    if (named.length === c.payloads.length) names.push(c);
    else if (named.length === 0) phrases.push(c);
    else {
      names.push({ ...c, payloads: named });
      phrases.push({ ...c, payloads: c.payloads.filter((p) => p.type === 'topics') });
    }
  }
  const taken = resolveOverlaps(names);
  if (phrases.length === 0) return taken;
  const topics = resolveOverlaps(phrases).filter((t) => taken.every((n) => n.end <= t.start || t.end <= n.start || (t.start <= n.start && n.end <= t.end && t.end - t.start > n.end - n.start)));
  return [...taken, ...topics].sort((a, b) => a.start - b.start);
}

const fieldText = (sections: TextSections, field: Evidence['field']): string =>
  field === 'title' ? sections.title : field === 'summary' ? sections.summary : field === 'content' ? sections.content : '';

/** Start offsets of `needle` in `haystack`. */
function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  if (needle === '') return out;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}

/**
 * A country or city name that is the first or last word of an unknown two- or three-word
 * person name ("Chad Smith", "Jordan Miller") is part of the name, not a region.
 */
function dropRegionsInsidePersonNames(mentions: readonly Mention[], candidates: readonly Candidate[], sections: TextSections): Mention[] {
  const people = candidates.filter((c) => c.kind === 'PERSON' && /^\S+(?: \S+){1,2}$/.test(c.name) && !hasTitleWord(c.name));
  if (people.length === 0) return [...mentions];
  return mentions.filter((m) => {
    if (m.type !== 'regions') return true;
    const text = fieldText(sections, m.field);
    return !people.some((p) =>
      occurrences(text, p.name).some((at) => {
        const end = at + p.name.length;
        return m.start >= at && m.end <= end && (m.start === at || m.end === end) && text.slice(m.start, m.end).indexOf(' ') < 0;
      }),
    );
  });
}

/**
 * "Russia's Africa Corps", "Haftar's Libyan National Army": a country in the possessive right
 * before an actor's name qualifies the actor (like "Russian-backed"); it is no place of events.
 */
function dropPossessivesOfActors(mentions: Mention[], sections: TextSections): void {
  const actorStarts = new Set(mentions.filter((m) => m.type === 'actors').map((m) => `${m.field}:${m.start}`));
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.type !== 'regions') continue;
    const after = /^['’]s\s+/u.exec(fieldText(sections, m.field).slice(m.end, m.end + 4));
    if (after !== null && actorStarts.has(`${m.field}:${m.end + after[0].length}`)) mentions.splice(i, 1);
  }
}

/**
 * A state named only inside quotations ("linked to the Zionist entity", "a serious assault on
 * Lebanon") is the object of rhetoric: it does not act or speak in the article (data/README.md).
 */
function dropQuotedStates(mentions: Mention[], sections: TextSections, isState: (id: string) => boolean): Mention[] {
  const quotedOnly = new Map<string, boolean>();
  for (const m of mentions) {
    if (m.type !== 'actors' || !isState(m.id)) continue;
    const quoted = m.acting !== true && m.field !== 'feed' && m.field !== 'tags' && insideQuotes(fieldText(sections, m.field), m.start);
    quotedOnly.set(m.id, (quotedOnly.get(m.id) ?? true) && quoted);
  }
  const drop = new Set([...quotedOnly].filter(([, q]) => q).map(([id]) => id));
  return drop.size === 0 ? mentions : mentions.filter((m) => m.type !== 'actors' || !drop.has(m.id));
}

/** A candidate that overlaps a dictionary actor ("Kurdistan Workers" inside "Kurdistan Workers Party") is not new. */
function dropCandidatesOverlappingActors(candidates: readonly Candidate[], sections: TextSections, mentions: readonly Mention[]): Candidate[] {
  const actors = mentions.filter((m) => m.type === 'actors');
  if (actors.length === 0) return [...candidates];
  return candidates.filter((c) =>
    !actors.some((m) => {
      const text = fieldText(sections, m.field);
      return occurrences(text, c.name).some((at) => at < m.end && m.start < at + c.name.length);
    }),
  );
}

/** An alias with its two-letter acronym words dotted ("UN Support Mission" → "U.N. Support Mission"), or null. */
export function dottedAcronyms(alias: string): string | null {
  if (!/\s/u.test(alias)) return null;
  const out = alias.replace(/(?<![\p{L}.])([A-Z])([A-Z])(?![\p{L}.])/gu, '$1.$2.');
  return out === alias ? null : out;
}

/** Before an actor's name: "anti-Houthi", "المرتبطة بتنظيم", "الموالية لـ" — an affiliation or opposition, not the actor. */
const ACTOR_AFFILIATION_BEFORE = /(?:(?:^|[^\p{L}])anti-|(?:المرتبطة|المرتبط|الموالية|الموالي|التابعة|التابع)\s+(?:ب|ل|لـ|بـ)?(?:تنظيم\s+)?)$/iu;

/** After a state's name: an outlet, not the state acting ("Lebanese state media said"). */
const STATE_OUTLET = /^\s+(?:media|television|TV|news\s+agency|radio|broadcaster|newspaper|outlets?)\b/iu;

const stateIdOf = (state: { id: string } | undefined): { stateId?: string } => (state === undefined ? {} : { stateId: state.id });

/** Between two names of one list: "X, Y", "X and Y", "X, and the Y", "X، Y", "X وY". */
const LIST_SEPARATOR = /^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*[،,]\s*|\s+و\s*|\s*و)(?:the\s+)?$/u;

/**
 * "The United States, Saudi Arabia, the UAE and Egypt called on", "drafted by France, Britain
 * and Germany": when one state of a list of countries acts, the whole list acts. The country
 * mentions of the list (from `out[firstOut…]`) become state actors beside the acting one
 * (`speakers[firstSpeaker…]`), all of one field.
 */
function actInLists(text: string, out: Mention[], firstOut: number, speakers: Mention[], firstSpeaker: number): void {
  const acting = speakers.slice(firstSpeaker);
  if (acting.length === 0) return;
  const names = [...out.slice(firstOut).filter((m) => m.stateId !== undefined), ...acting].sort((a, b) => a.start - b.start);
  const isActing = new Set<Mention>(acting);
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i + 1 < names.length; i++) {
      const a = names[i]!;
      const b = names[i + 1]!;
      if (isActing.has(a) === isActing.has(b) || !LIST_SEPARATOR.test(text.slice(a.end, b.start))) continue;
      const idle = isActing.has(a) ? b : a;
      isActing.add(idle);
      out.splice(out.indexOf(idle), 1);
      speakers.push({ ...idle, type: 'actors', id: idle.stateId!, ambiguous: false, acting: true });
      changed = true;
    }
  }
}

/** The order of `localeCompare` (same default locale and options), without building a collator per call. */
const ID_ORDER = new Intl.Collator();

/** Counts, salience and evidence per entity, entities sorted by salience then mentions. */
function summarise(mentions: readonly Mention[]): { refs: EntityRef[]; evidence: Record<string, Evidence[]> } {
  const groups = new Map<string, Mention[]>();
  for (const m of mentions) {
    let list = groups.get(m.id);
    if (list === undefined) {
      list = [];
      groups.set(m.id, list);
    }
    // The same span can reach an entity twice (a place and its country's alias): count it once.
    if (!list.some((x) => x.start === m.start && x.end === m.end && x.field === m.field && x.alias === m.alias)) list.push(m);
  }
  const refs: EntityRef[] = [];
  const evidence: Record<string, Evidence[]> = {};
  for (const [id, list] of groups) {
    list.sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field) || a.start - b.start);
    const miss = list.reduce((acc, m) => acc * (1 - m.weight), 1);
    refs.push({ id, mentions: list.length, salience: Math.round((1 - miss) * 1000) / 1000 });
    evidence[id] = list.slice(0, MAX_EVIDENCE).map((m) => ({ field: m.field, alias: m.alias, start: m.start, end: m.end, snippet: snippetText(m.snippet) }));
  }
  refs.sort((a, b) => b.salience - a.salience || b.mentions - a.mentions || ID_ORDER.compare(a.id, b.id));
  return { refs, evidence };
}

const FIELD_ORDER: Readonly<Record<Evidence['field'], number>> = { title: 0, summary: 1, content: 2, tags: 3, feed: 4 };

function fieldOrder(field: Evidence['field']): number {
  return FIELD_ORDER[field];
}

/** A tagger over `catalog`, built once and reused for every article. */
export function createTagger(catalog: EntityCatalog, options: TaggerOptions = {}): GazetteerTagger {
  return new GazetteerTagger(catalog, options);
}
