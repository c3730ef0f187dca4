/**
 * Counts the fallbacks an adapter takes across a feed's items and turns them into one warning
 * each ("3 items have no <link>; used their permalink <guid>"), in the miniflux
 * `internal/reader/` spirit of saying what was guessed, without one line per item.
 */
export class Fallbacks {
  private readonly counts = new Map<string, number>();

  /** Records one use of the fallback described by `what` (a sentence fragment about "items"). */
  note(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }

  /** One warning per fallback, with how many items took it. */
  warnings(): string[] {
    return [...this.counts].map(([what, n]) => `${n} ${n === 1 ? 'item' : 'items'}: ${what}`);
  }
}
