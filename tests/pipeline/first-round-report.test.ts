/** The one line said when no feed is reachable after the first round. */
import { describe, expect, it } from 'vitest';
import { FirstRoundReport, firstRoundSummary, type RoundOutcome } from '../../src/pipeline/first-round-report.ts';

const dns = (feedId: string): RoundOutcome => ({ feedId, error: { code: 'FETCH_NETWORK', errno: 'ENOTFOUND' } });
const timeout = (feedId: string): RoundOutcome => ({ feedId, error: { code: 'FETCH_TIMEOUT' } });
const refused = (feedId: string): RoundOutcome => ({ feedId, error: { code: 'FETCH_NETWORK', errno: 'ECONNREFUSED' } });
const ok = (feedId: string): RoundOutcome => ({ feedId });
const http404 = (feedId: string): RoundOutcome => ({ feedId, error: { code: 'FETCH_HTTP_STATUS', status: 404 } });

describe('firstRoundSummary', () => {
  it.each([
    ['every name fails to resolve', Array.from({ length: 10 }, (_, i) => dns(`f${i}`)), /^0 of 10 feeds reachable: the names do not resolve — no network/],
    ['every fetch times out', [timeout('a'), timeout('b')], /^0 of 2 feeds reachable: no answer in time/],
    ['every connection refused', [refused('a')], /^0 of 1 feed reachable: connections are refused/],
    ['mixed causes are counted', [dns('a'), dns('b'), timeout('c'), { feedId: 'd', error: { code: 'PARSE_NOT_A_FEED' } }], /^0 of 4 feeds reachable \(2: the names do not resolve; 1: no answer in time; 1: other errors/],
  ])('%s', (_name, outcomes, expected) => {
    expect(firstRoundSummary(outcomes)).toMatch(expected);
  });
  it.each([
    ['one feed works', [dns('a'), ok('b')]],
    ['an HTTP error means the network works', [dns('a'), http404('b')]],
    ['no feeds at all', []],
  ])('says nothing when %s', (_name, outcomes) => {
    expect(firstRoundSummary(outcomes)).toBeUndefined();
  });
});

describe('FirstRoundReport', () => {
  it('reports once, when every expected feed has answered; repeats and strangers are ignored', () => {
    const lines: string[] = [];
    const report = new FirstRoundReport(['a', 'b'], (line) => lines.push(line));
    report.record(dns('a'));
    report.record(dns('a'));
    report.record(dns('zzz'));
    expect(lines).toEqual([]);
    report.record(dns('b'));
    expect(lines).toHaveLength(1);
    report.record(dns('b'));
    expect(lines).toHaveLength(1);
  });
});
