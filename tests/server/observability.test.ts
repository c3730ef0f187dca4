/**
 * Probes, metrics and request ids on the real process (NODE_ENV=production, LOG_LEVEL=debug):
 * /healthz and /readyz answer; /metrics has Node's default metrics under their standard names
 * and the GraphQL operations by name and outcome; every log line written while a request is
 * handled — here a refreshFeed whose fetch fails, logged deep in the pipeline — carries the
 * request id the client sent, which is echoed in the response.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReadiness } from '../../src/server/probes.ts';
import { operationLabels } from '../../src/graphql/use-operation-metrics.ts';
import { spawnGateway, type SpawnedGateway } from '../e2e/spawn-gateway.ts';

let gw: SpawnedGateway;
let base: string;
beforeAll(async () => {
  gw = spawnGateway({
    // Port 9 on loopback: nothing listens, the fetch fails at once.
    feeds: { feeds: [{ id: 'down', url: 'http://127.0.0.1:9/feed.xml' }] },
    env: { POLL: 'false', ADMIN_TOKEN: 'tok', LOG_LEVEL: 'debug' },
  });
  base = await gw.ready();
}, 120_000);
afterAll(async () => {
  gw.child.kill('SIGTERM');
  await gw.exited;
});

const gql = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
const logLines = () => gw.out().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('probes', () => {
  it('/healthz is 200 while alive, /readyz 200 once started with the store answering', async () => {
    const live = await fetch(`${base}/healthz`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { started: true, store: true } });
  });

  it.each([
    ['not started yet', false, () => Promise.resolve(true), { started: false, store: false }],
    ['store refuses', true, () => Promise.reject(new Error('down')), { started: true, store: false }],
    ['store hangs', true, () => new Promise<boolean>(() => {}), { started: true, store: false }],
    ['store answers false', true, () => Promise.resolve(false), { started: true, store: false }],
  ])('checkReadiness: %s → not ready, within the probe timeout', async (_name, started, ping, checks) => {
    const t = Date.now();
    const report = await checkReadiness({ started: () => started, ping }, 100);
    expect(report).toEqual({ status: 'not ready', checks });
    expect(Date.now() - t).toBeLessThan(1000);
  });
});

describe('request ids in logs', () => {
  it('echoes x-request-id and stamps it on every log line of the request, however deep', async () => {
    const res = await gql('mutation { refreshFeed(id: "down") { status error } }', { authorization: 'Bearer tok', 'x-request-id': 'trace-42' });
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    const body = (await res.json()) as { data: { refreshFeed: { status: string } } };
    expect(body.data.refreshFeed.status).toBe('failed');
    await new Promise((r) => setTimeout(r, 200));
    const mine = logLines().filter((l) => l.reqId === 'trace-42');
    // The pipeline's own line about the failed fetch, and the access line.
    expect(mine.some((l) => l.msg === 'request' && l.status === 200)).toBe(true);
    expect(mine.some((l) => l.msg !== 'request' && l.level === 40), JSON.stringify(mine)).toBe(true);
    const fetchLines = logLines().filter((l) => JSON.stringify(l).includes('127.0.0.1:9') || l.feed === 'down');
    expect(fetchLines.length).toBeGreaterThan(0);
    for (const l of fetchLines) expect(l.reqId, JSON.stringify(l)).toBe('trace-42');
  });

  it('generates an id when none (or a malformed one) is sent', async () => {
    const res = await gql('{ __typename }', { 'x-request-id': 'bad id with spaces' });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('/metrics', () => {
  it('has Node defaults under their standard names and GraphQL operations by name and outcome', async () => {
    await gql('query Probe { __typename }');
    await gql('query Probe { __typename }');
    await gql('query Broken { noSuchField }');
    const text = await (await fetch(`${base}/metrics`)).text();
    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) {
      expect(text).toMatch(new RegExp(`^${name}[ {]`, 'm'));
    }
    expect(text).not.toContain('newsgate_process_');
    expect(text).toContain('newsgate_graphql_operations_total{operation="Probe",type="query",outcome="ok"} 2');
    expect(text).toContain('newsgate_graphql_operations_total{operation="Broken",type="unknown",outcome="refused"} 1');
    expect(text).toMatch(/newsgate_graphql_operation_seconds_bucket\{le="0.05",operation="Probe",type="query"\} \d/);
    expect(text).toMatch(/newsgate_http_requests_total\{route="\/graphql",method="POST",status="200"\} \d/);
  });

  it.each([
    [['A', 'A', 'B'], 2, ['A', 'A', 'B']],
    [['A', 'B', 'C'], 2, ['A', 'B', '_other']],
    [[null, '', 'x y'], 2, ['_anonymous', '_anonymous', '_other']],
  ])('operation labels stay bounded: %j (max %i) → %j', (names, max, labels) => {
    const label = operationLabels(max);
    expect(names.map((n) => label(n))).toEqual(labels);
  });
});
