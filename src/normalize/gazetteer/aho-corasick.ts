/**
 * A character-level Aho-Corasick automaton over folded aliases: one pass over an article finds
 * every alias of every actor, region and topic, whatever the size of the dictionaries (no regex
 * per alias). On top of the raw occurrences it applies the two rules every dictionary match
 * needs: word boundaries (with Arabic proclitics such as و/ب/ل/ف/ك/ال allowed before a name,
 * and an English possessive "'s" after it) and overlap resolution, longest match first, so that
 * "islamic resistance in iraq" consumes "iraq" and "irgc quds force" consumes "irgc".
 */
import { isWordChar } from './fold.ts';

/** One occurrence of a pattern in the searched text (folded offsets, half-open). */
export interface RawMatch<T> {
  readonly start: number;
  readonly end: number;
  readonly pattern: string;
  readonly payloads: readonly T[];
}

/** Prefixes that Arabic script glues to the next word: and, with/in, for, so, like, the, and their combinations. */
const ARABIC_PROCLITICS = new Set([
  'و', 'ف', 'ب', 'ل', 'ك', 'ال', 'وال', 'فال', 'بال', 'كال', 'لل', 'ول', 'وب', 'فب', 'فل', 'وك', 'ولل', 'فلل', 'وبال', 'فبال', 'وكال',
]);
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/u;

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Index into `patterns` of the pattern ending here, or -1. */
  out: number;
  /** Nearest node on the fail chain that ends a pattern (dictionary suffix link), or -1. */
  dict: number;
  depth: number;
}

/** Builds once, searches many times; payloads are whatever the caller attaches to a pattern. */
export class AhoCorasick<T> {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: -1, dict: -1, depth: 0 }];
  private readonly patterns: { text: string; payloads: T[] }[] = [];
  private readonly index = new Map<string, number>();
  private built = false;

  /** Adds a (folded) pattern; the same pattern added twice collects both payloads. */
  add(pattern: string, payload: T): void {
    if (this.built) throw new Error('AhoCorasick.add after build(): create a new automaton to change the dictionary');
    if (pattern.length === 0) return;
    const known = this.index.get(pattern);
    if (known !== undefined) {
      this.patterns[known]!.payloads.push(payload);
      return;
    }
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      let child = this.nodes[node]!.next.get(c);
      if (child === undefined) {
        child = this.nodes.length;
        this.nodes.push({ next: new Map(), fail: 0, out: -1, dict: -1, depth: i + 1 });
        this.nodes[node]!.next.set(c, child);
      }
      node = child;
    }
    this.index.set(pattern, this.patterns.length);
    this.nodes[node]!.out = this.patterns.length;
    this.patterns.push({ text: pattern, payloads: [payload] });
  }

  /** Computes failure and dictionary links (breadth first). Called once, after all adds. */
  build(): this {
    const queue: number[] = [];
    for (const child of this.nodes[0]!.next.values()) queue.push(child);
    for (let q = 0; q < queue.length; q++) {
      const id = queue[q]!;
      const node = this.nodes[id]!;
      for (const [c, child] of node.next) {
        let f = node.fail;
        while (f !== 0 && !this.nodes[f]!.next.has(c)) f = this.nodes[f]!.fail;
        const target = this.nodes[f]!.next.get(c);
        const childNode = this.nodes[child]!;
        childNode.fail = target !== undefined && target !== child ? target : 0;
        const failNode = this.nodes[childNode.fail]!;
        childNode.dict = failNode.out >= 0 ? childNode.fail : failNode.dict;
        queue.push(child);
      }
    }
    this.built = true;
    return this;
  }

  /** Number of distinct patterns (for logs and tests). */
  get size(): number {
    return this.patterns.length;
  }

  /** Every occurrence of every pattern, overlaps included, in order of end offset. */
  searchAll(text: string): RawMatch<T>[] {
    if (!this.built) this.build();
    const found: RawMatch<T>[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let next = this.nodes[state]!.next.get(c);
      while (next === undefined && state !== 0) {
        state = this.nodes[state]!.fail;
        next = this.nodes[state]!.next.get(c);
      }
      state = next ?? 0;
      let hit = this.nodes[state]!.out >= 0 ? state : this.nodes[state]!.dict;
      while (hit >= 0) {
        const node = this.nodes[hit]!;
        const p = this.patterns[node.out]!;
        found.push({ start: i + 1 - node.depth, end: i + 1, pattern: p.text, payloads: p.payloads });
        hit = node.dict;
      }
    }
    return found;
  }

  /**
   * Whole-word occurrences, overlaps resolved longest first (then leftmost). `accept` may drop
   * payloads of a candidate before resolution (e.g. a case-sensitive alias in the wrong case),
   * so that a rejected candidate does not consume a span another alias could use. `removedBefore(i)`
   * says whether folding removed characters just before folded offset `i` (an apostrophe), which
   * lets "iran" match in "irans" folded from "Iran's" but not in "Irans".
   */
  searchWords(text: string, options: WordSearchOptions<T> = {}): RawMatch<T>[] {
    return resolveOverlaps(this.searchWordCandidates(text, options));
  }

  /**
   * The whole-word occurrences that `accept` keeps, overlaps NOT resolved: for callers that
   * resolve different kinds of payload in separate layers (the tagger lets a name consume a
   * topic phrase inside it, but not the other way round).
   */
  searchWordCandidates(text: string, options: WordSearchOptions<T> = {}): RawMatch<T>[] {
    const candidates: RawMatch<T>[] = [];
    for (const m of this.searchAll(text)) {
      if (!startsWord(text, m) || !endsWord(text, m, options.removedBefore)) continue;
      const payloads = options.accept ? options.accept(m) : m.payloads;
      if (payloads.length === 0) continue;
      candidates.push(payloads === m.payloads ? m : { ...m, payloads });
    }
    return candidates;
  }
}

/** Options of {@link AhoCorasick.searchWords}. */
export interface WordSearchOptions<T> {
  readonly accept?: (match: RawMatch<T>) => readonly T[];
  readonly removedBefore?: (foldedOffset: number) => boolean;
}

/** True when the match starts a word, or follows an Arabic proclitic glued to it. */
function startsWord(text: string, m: RawMatch<unknown>): boolean {
  const first = m.pattern[0];
  if (!isWordChar(first) || !isWordChar(text[m.start - 1])) return true;
  if (first === undefined || !ARABIC_LETTER.test(first)) return false;
  let w = m.start;
  while (w > 0 && isWordChar(text[w - 1])) w--;
  return m.start - w <= 4 && ARABIC_PROCLITICS.has(text.slice(w, m.start));
}

/** True when the match ends a word, or is followed by a possessive "s" whose apostrophe folding removed. */
function endsWord(text: string, m: RawMatch<unknown>, removedBefore?: (i: number) => boolean): boolean {
  const last = m.pattern[m.pattern.length - 1];
  if (!isWordChar(last) || !isWordChar(text[m.end])) return true;
  return text[m.end] === 's' && !isWordChar(text[m.end + 1]) && removedBefore !== undefined && removedBefore(m.end);
}

/** Longest first, then leftmost; a taken span blocks every candidate overlapping it. */
export function resolveOverlaps<T>(candidates: RawMatch<T>[]): RawMatch<T>[] {
  const order = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: RawMatch<T>[] = [];
  for (const c of order) {
    if (taken.some((t) => c.start < t.end && t.start < c.end)) continue;
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}
