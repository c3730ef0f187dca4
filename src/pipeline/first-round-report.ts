/**
 * The one line an operator needs after the first round of fetches when nothing could be
 * reached: instead of one warning per feed ("check the URL for typos" ten times over), say
 * that no feed answered and the likely common cause — no network, a proxy needed, a firewall.
 * Pure over the round's outcomes; the scheduler feeds it, the server logs what it returns.
 */

/** What the report needs of one refresh. */
export interface RoundOutcome {
  readonly feedId: string;
  /** Present when the fetch failed: the error code and the errno of a transport failure. */
  readonly error?: { readonly code: string; readonly errno?: string; readonly status?: number };
}

const CAUSES: readonly { test: (o: RoundOutcome) => boolean; says: string; advice: string }[] = [
  {
    test: (o) => o.error?.errno === 'ENOTFOUND' || o.error?.errno === 'EAI_AGAIN',
    says: 'the names do not resolve',
    advice: 'no network or no DNS on this machine? Behind a proxy, set HTTPS_PROXY.',
  },
  {
    test: (o) => o.error?.code === 'FETCH_TIMEOUT' || o.error?.errno === 'ETIMEDOUT',
    says: 'no answer in time',
    advice: 'a firewall dropping traffic, or a proxy needed (HTTPS_PROXY)?',
  },
  {
    test: (o) => ['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH'].includes(o.error?.errno ?? ''),
    says: 'connections are refused or unreachable',
    advice: 'a firewall, or a proxy needed (HTTPS_PROXY)?',
  },
];

/**
 * The summary line when no feed of the round was reachable, else undefined (per-feed messages
 * say enough when some feeds work). An HTTP error status counts as reachable: the site answered.
 */
export function firstRoundSummary(outcomes: readonly RoundOutcome[]): string | undefined {
  if (outcomes.length === 0) return undefined;
  const unreachable = outcomes.filter((o) => o.error && o.error.status === undefined && o.error.code !== 'FETCH_HTTP_STATUS');
  if (unreachable.length < outcomes.length) return undefined;
  const head = `0 of ${outcomes.length} feed${outcomes.length === 1 ? '' : 's'} reachable`;
  const tail = 'newsgate keeps serving stored articles and retries each feed on its schedule; `newsgate demo` serves a sample corpus without network.';
  for (const cause of CAUSES) {
    if (unreachable.every(cause.test)) return `${head}: ${cause.says} — ${cause.advice} ${tail}`;
  }
  const counts = CAUSES.map((c) => [c.says, unreachable.filter(c.test).length] as const).filter(([, n]) => n > 0);
  const other = unreachable.length - counts.reduce((sum, [, n]) => sum + n, 0);
  const parts = [...counts.map(([says, n]) => `${n}: ${says}`), ...(other > 0 ? [`${other}: other errors (see each feed's lastError)`] : [])];
  return `${head} (${parts.join('; ')}). ${tail}`;
}

/** The part of a refresh's outcome the report reads (errno and status from the error's details). */
export function roundOutcome(outcome: { feedId: string; error?: { code: string; details?: Record<string, unknown> } }): RoundOutcome {
  if (!outcome.error) return { feedId: outcome.feedId };
  const { errno, status } = outcome.error.details ?? {};
  return {
    feedId: outcome.feedId,
    error: {
      code: outcome.error.code,
      ...(typeof errno === 'string' ? { errno } : {}),
      ...(typeof status === 'number' ? { status } : {}),
    },
  };
}

/**
 * Collects the first outcome of each feed expected in the first round and calls `report` once
 * with the summary, when every one has answered (later rounds are not summarised).
 */
export class FirstRoundReport {
  private readonly pending: Set<string>;
  private readonly outcomes: RoundOutcome[] = [];
  private done = false;

  constructor(
    feedIds: readonly string[],
    private readonly report: (summary: string) => void,
  ) {
    this.pending = new Set(feedIds);
    this.done = this.pending.size === 0;
  }

  record(outcome: RoundOutcome): void {
    if (this.done || !this.pending.delete(outcome.feedId)) return;
    this.outcomes.push(outcome);
    if (this.pending.size > 0) return;
    this.done = true;
    const summary = firstRoundSummary(this.outcomes);
    if (summary) this.report(summary);
  }
}
