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

/** A stored pattern with what the word-boundary checks need about its ends, computed once. */
interface Pattern<T> {
  readonly text: string;
  readonly payloads: T[];
  /** The first character is a letter/digit (else any left neighbour is a boundary). */
  firstIsWord: boolean;
  /** The first character is Arabic script (an Arabic proclitic may be glued before it). */
  firstIsArabic: boolean;
  /** The last character is a letter/digit (else any right neighbour is a boundary). */
  lastIsWord: boolean;
}

/**
 * The automaton after build(), in flat typed arrays. For the ASCII characters that occur in
 * some pattern (the `symbol` of a code; 0 for all others, which always lead back to the root)
 * `delta` is the complete transition function, fail links folded in: one array read per
 * character of English text. Other characters (Arabic script, accented letters kept by
 * folding) walk the goto edges with the fail links: the root's transitions in one table indexed
 * by character code, every other node's sorted in one edge list (CSR layout).
 */
interface Compiled {
  readonly symbol: Uint8Array;
  readonly symbols: number;
  readonly delta: Int32Array;
  readonly root: Int32Array;
  readonly edgeStart: Int32Array;
  readonly edgeChar: Uint16Array;
  readonly edgeTarget: Int32Array;
  readonly fail: Int32Array;
  readonly out: Int32Array;
  readonly dict: Int32Array;
}

/** (pattern index, end) pairs of the last walk, shared by every automaton (searches never nest). */
let hits: Int32Array = new Int32Array(1024);

function growHits(min: number): Int32Array {
  const bigger: Int32Array = new Int32Array(Math.max(min, hits.length * 2));
  bigger.set(hits);
  hits = bigger;
  return bigger;
}

/** Builds once, searches many times; payloads are whatever the caller attaches to a pattern. */
export class AhoCorasick<T> {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: -1, dict: -1, depth: 0 }];
  private readonly patterns: Pattern<T>[] = [];
  private readonly index = new Map<string, number>();
  private compiled: Compiled | null = null;

  /** Adds a (folded) pattern; the same pattern added twice collects both payloads. */
  add(pattern: string, payload: T): void {
    if (this.compiled !== null) throw new Error('AhoCorasick.add after build(): create a new automaton to change the dictionary');
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
    const first = pattern[0];
    this.patterns.push({
      text: pattern,
      payloads: [payload],
      firstIsWord: isWordChar(first),
      firstIsArabic: first !== undefined && ARABIC_LETTER.test(first),
      lastIsWord: isWordChar(pattern[pattern.length - 1]),
    });
  }

  /** Computes failure and dictionary links (breadth first) and compiles the tables. Called once, after all adds. */
  build(): this {
    if (this.compiled !== null) return this;
    const queue: number[] = [];
    for (const child of this.nodes[0]!.next.values()) queue.push(child);
    // queue ends up holding every node but the root in breadth-first order (compile() needs it).
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
    this.compiled = compile(this.nodes, queue);
    return this;
  }

  /** Number of distinct patterns (for logs and tests). */
  get size(): number {
    return this.patterns.length;
  }

  /**
   * Walks `text` once and records every occurrence of every pattern, overlaps included, in
   * order of end offset (longest first at one end), as (pattern index, end) pairs in
   * {@link hits}; returns how many pairs. A flat buffer reused between calls: no callback or
   * allocation per occurrence.
   */
  private walk(text: string): number {
    const { symbol, symbols, delta, root, edgeStart, edgeChar, edgeTarget, fail, out, dict } = this.compiled ?? this.build().compiled!;
    let state = 0;
    let n = 0;
    let buf = hits;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) state = delta[state * symbols + symbol[c]!]!;
      else for (;;) {
        if (state === 0) {
          state = root[c]!;
          break;
        }
        let next = -1;
        const from = edgeStart[state]!;
        const to = edgeStart[state + 1]!;
        if (to - from <= 8) {
          for (let e = from; e < to; e++) {
            if (edgeChar[e] === c) {
              next = edgeTarget[e]!;
              break;
            }
          }
        } else {
          let lo = from;
          let hi = to - 1;
          while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            const mc = edgeChar[mid]!;
            if (mc === c) {
              next = edgeTarget[mid]!;
              break;
            }
            if (mc < c) lo = mid + 1;
            else hi = mid - 1;
          }
        }
        if (next >= 0) {
          state = next;
          break;
        }
        state = fail[state]!;
      }
      let hit = out[state]! >= 0 ? state : dict[state]!;
      while (hit >= 0) {
        if (n + 2 > buf.length) buf = growHits(n + 2);
        buf[n++] = out[hit]!;
        buf[n++] = i + 1;
        hit = dict[hit]!;
      }
    }
    return n;
  }

  /** Every occurrence of every pattern, overlaps included, in order of end offset. */
  searchAll(text: string): RawMatch<T>[] {
    const found: RawMatch<T>[] = [];
    const n = this.walk(text);
    for (let h = 0; h < n; h += 2) {
      const p = this.patterns[hits[h]!]!;
      const end = hits[h + 1]!;
      found.push({ start: end - p.text.length, end, pattern: p.text, payloads: p.payloads });
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
   * topic phrase inside it, but not the other way round). Word boundaries are checked during
   * the walk, so an occurrence inside a longer word costs no allocation.
   */
  searchWordCandidates(text: string, options: WordSearchOptions<T> = {}): RawMatch<T>[] {
    const candidates: RawMatch<T>[] = [];
    const { accept, removedBefore } = options;
    const n = this.walk(text);
    for (let h = 0; h < n; h += 2) {
      const p = this.patterns[hits[h]!]!;
      const end = hits[h + 1]!;
      const start = end - p.text.length;
      if (p.lastIsWord && end < text.length && isWordCode(text.charCodeAt(end)) && !possessiveAfter(text, end, removedBefore)) continue;
      if (p.firstIsWord && start > 0 && isWordCode(text.charCodeAt(start - 1)) && !(p.firstIsArabic && procliticBefore(text, start))) continue;
      const m: RawMatch<T> = { start, end, pattern: p.text, payloads: p.payloads };
      const payloads = accept ? accept(m) : m.payloads;
      if (payloads.length === 0) continue;
      candidates.push(payloads === m.payloads ? m : { ...m, payloads });
    }
    return candidates;
  }
}

/** Flattens the build-time nodes into the typed arrays the search walks; `order` is every non-root node, breadth first. */
function compile(nodes: readonly Node[], order: readonly number[]): Compiled {
  const count = nodes.length;
  // ASCII symbols: the codes that occur on some edge; symbol 0 stands for every other code.
  const symbol = new Uint8Array(0x80);
  let symbols = 1;
  for (const node of nodes) for (const c of node.next.keys()) if (c < 0x80 && symbol[c] === 0) symbol[c] = symbols++;
  const delta = new Int32Array(count * symbols);
  for (const [c, child] of nodes[0]!.next) if (c < 0x80) delta[symbol[c]!] = child;
  for (const id of order) {
    // A node's fail target is shallower, so its row is complete by the time this one is filled.
    const row = id * symbols;
    const failRow = nodes[id]!.fail * symbols;
    for (let k = 1; k < symbols; k++) delta[row + k] = delta[failRow + k]!;
    for (const [c, child] of nodes[id]!.next) if (c < 0x80) delta[row + symbol[c]!] = child;
  }
  const root = new Int32Array(0x10000);
  for (const [c, child] of nodes[0]!.next) root[c] = child;
  const edgeStart = new Int32Array(count + 1);
  let edges = 0;
  for (let id = 0; id < count; id++) {
    edgeStart[id] = edges;
    if (id !== 0) edges += nodes[id]!.next.size;
  }
  edgeStart[count] = edges;
  const edgeChar = new Uint16Array(edges);
  const edgeTarget = new Int32Array(edges);
  const fail = new Int32Array(count);
  const out = new Int32Array(count);
  const dict = new Int32Array(count);
  for (let id = 0; id < count; id++) {
    const node = nodes[id]!;
    fail[id] = node.fail;
    out[id] = node.out;
    dict[id] = node.dict;
    if (id === 0) continue;
    let e = edgeStart[id]!;
    for (const c of [...node.next.keys()].sort((a, b) => a - b)) {
      edgeChar[e] = c;
      edgeTarget[e] = node.next.get(c)!;
      e++;
    }
  }
  return { symbol, symbols, delta, root, edgeStart, edgeChar, edgeTarget, fail, out, dict };
}

/** Options of {@link AhoCorasick.searchWords}. */
export interface WordSearchOptions<T> {
  readonly accept?: (match: RawMatch<T>) => readonly T[];
  readonly removedBefore?: (foldedOffset: number) => boolean;
}

/** isWordChar by code unit, ASCII inline. */
function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return isWordChar(String.fromCharCode(c));
}

/** True when the word before `start` is an Arabic proclitic glued to the name (وبال, لل, …). */
function procliticBefore(text: string, start: number): boolean {
  let w = start;
  while (w > 0 && isWordCode(text.charCodeAt(w - 1))) w--;
  return start - w <= 4 && ARABIC_PROCLITICS.has(text.slice(w, start));
}

/** True when a possessive "s" whose apostrophe folding removed follows `end` ("Iran's" → "irans"). */
function possessiveAfter(text: string, end: number, removedBefore?: (i: number) => boolean): boolean {
  return text.charCodeAt(end) === 115 && !(end + 1 < text.length && isWordCode(text.charCodeAt(end + 1))) && removedBefore !== undefined && removedBefore(end);
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
