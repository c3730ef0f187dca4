/**
 * OpenTelemetry traces on the real process: a real OTLP/HTTP receiver on 127.0.0.1:0, the
 * gateway started with OTEL_EXPORTER_OTLP_ENDPOINT pointing at it, one named query, then
 * SIGTERM (the last spans are flushed on shutdown). The receiver must have got, under the
 * configured service.name, the request's HTTP SERVER span, the operation's span as its child
 * ("query Latest"), and the store's database span as the operation's child, all in one trace.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tracesUrl } from '../../src/observability/tracing.ts';
import { spawnGateway } from '../e2e/spawn-gateway.ts';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: Record<string, unknown> }[];
}
interface ReceivedSpan extends OtlpSpan {
  service: unknown;
}
/** OTLP SpanKind numbers. */
const SERVER = 2;
const CLIENT = 3;

const received: ReceivedSpan[] = [];
const contentTypes: string[] = [];
let receiver: Server;
let endpoint: string;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces') {
        contentTypes.push(String(req.headers['content-type']));
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans: { resource: { attributes: { key: string; value: { stringValue?: string } }[] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
        };
        for (const rs of body.resourceSpans) {
          const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue;
          for (const ss of rs.scopeSpans) for (const span of ss.spans) received.push({ ...span, service });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
});

describe('OpenTelemetry traces', () => {
  it('builds the OTLP traces URL from the base endpoint', () => {
    expect(tracesUrl('http://collector:4318')).toBe('http://collector:4318/v1/traces');
    expect(tracesUrl('http://collector:4318/')).toBe('http://collector:4318/v1/traces');
  });

  it('exports the HTTP, GraphQL and database spans of a query, nested, under the service name', async () => {
    const gw = spawnGateway({ env: { POLL: 'false', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: 'newsgate-under-test' } });
    try {
      const base = await gw.ready();
      expect(gw.out()).toContain('OpenTelemetry traces on');
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query Latest { articles(first: 2) { edges { node { id title } } } }' }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    } finally {
      gw.child.kill('SIGTERM');
    }
    expect(await gw.exited).toBe(0);

    expect(contentTypes[0]).toMatch(/application\/json/);
    const operation = received.find((s) => s.name === 'query Latest');
    expect(operation, `spans received: ${received.map((s) => s.name).join(', ')}`).toBeDefined();
    expect(operation!.service).toBe('newsgate-under-test');
    expect(operation!.attributes).toContainEqual({ key: 'graphql.operation.name', value: { stringValue: 'Latest' } });

    const http = received.find((s) => s.spanId === operation!.parentSpanId);
    expect(http, 'the operation span has the HTTP request span as its parent').toBeDefined();
    expect(http!.kind).toBe(SERVER);
    expect(http!.name).toMatch(/^POST/);
    expect(http!.traceId).toBe(operation!.traceId);
    expect(http!.service).toBe('newsgate-under-test');

    const database = received.filter((s) => s.parentSpanId === operation!.spanId);
    expect(database.map((s) => s.name)).toContain('read a page of articles');
    for (const span of database) {
      expect(span.kind).toBe(CLIENT);
      expect(span.traceId).toBe(operation!.traceId);
      expect(span.attributes).toContainEqual({ key: 'db.system.name', value: { stringValue: 'sqlite' } });
    }
  }, 150_000);
});
