import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { DEMO } from '@behorig/kit/demo';
import { tracePostgres } from '@behorig/kit/server';
import { startSystem, type System } from './support/system';

const arvid = DEMO.people.find((p) => p.givenName === 'Arvid')!;

/**
 * OpenTelemetry across the services: the whole system runs in this process with one in-memory
 * exporter, so every span any service makes is here; what ties them into one trace is only what
 * travels over HTTP (W3C traceparent), exactly as between separate processes.
 */
describe('traces: one request, one trace across gateway, subgraphs, PostgreSQL and BankID', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  let sys: System;
  let token: string;
  const fastPathOutcomes: string[] = [];

  beforeAll(async () => {
    provider.register();
    tracePostgres();
    sys = await startSystem({ onFastPathOutcome: (outcome) => fastPathOutcomes.push(outcome) });
    token = await sys.keys.token({ personalNumber: arvid.personalNumber, personId: arvid.id });
  });
  afterAll(async () => {
    await sys.stop();
    await provider.shutdown();
  });

  const post = (body: object, headers: Record<string, string> = {}) => fetch(sys.gatewayUrl, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
  });
  const service = (s: ReadableSpan) => s.attributes['behorig.service'] as string | undefined;
  /** The spans of the trace whose gateway SERVER span answered `requestId`. */
  async function traceOf(requestId: string): Promise<ReadableSpan[]> {
    await new Promise((r) => setTimeout(r, 100));
    const spans = exporter.getFinishedSpans();
    const root = spans.find((s) => service(s) === 'gateway' && s.attributes['behorig.request_id'] === requestId);
    expect(root).toBeDefined();
    return spans.filter((s) => s.spanContext().traceId === root!.spanContext().traceId);
  }

  it('a query answered by all three subgraphs is one trace: gateway, organisations, access, signing and their SQL', async () => {
    exporter.reset();
    const res = await post({ query: 'query TraceProbe { me { memberships { organisation { name auditLog(first: 1) { totalCount } } } } }' }, { authorization: `Bearer ${token}`, 'x-request-id': 'trace-probe-1' });
    expect(res.status).toBe(200);
    const body = await res.json() as { errors?: unknown };
    expect(body.errors).toBeUndefined();
    const spans = await traceOf('trace-probe-1');
    const services = new Set(spans.map(service).filter(Boolean));
    expect([...services].sort()).toEqual(['access', 'gateway', 'organisations', 'signing']);
    expect(spans.filter((s) => s.attributes['db.system'] === 'postgresql').length).toBeGreaterThan(0);
    // One root: the gateway's span; every other span hangs below it, transitively.
    const ids = new Set(spans.map((s) => s.spanContext().spanId));
    const roots = spans.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId));
    expect(roots).toHaveLength(1);
    expect(service(roots[0])).toBe('gateway');
    // The subgraphs' server spans are children of spans in the gateway's process, not new traces.
    const subgraphServers = spans.filter((s) => service(s) && service(s) !== 'gateway');
    expect(subgraphServers.every((s) => s.parentSpanId && ids.has(s.parentSpanId))).toBe(true);
    // Nothing personal in span names or attributes.
    expect(JSON.stringify(spans.map((s) => [s.name, s.attributes]))).not.toContain(arvid.personalNumber);
  });

  it('startLogin: the BankID call is a span in the same trace', async () => {
    exporter.reset();
    const res = await post({ query: 'mutation TraceLogin { startLogin { orderRef } }' }, { 'x-request-id': 'trace-probe-2' });
    expect(res.status).toBe(200);
    const spans = await traceOf('trace-probe-2');
    const bankId = spans.find((s) => s.name === 'bankid auth');
    expect(bankId).toBeDefined();
    expect(spans.some((s) => service(s) === 'signing')).toBe(true);
  });

  it('a query on the single-fetch fast path is one trace too: the gateway, then access and its SQL', async () => {
    const query = `query TraceCheck { checkAccess(personId: "${arvid.id}", organisationId: "${DEMO.organisations.dorotea.id}", function: "MANAGE_USERS", access: READ) { allowed } }`;
    // The first request of a document is planned; the second takes the fast path.
    await post({ query }, { authorization: `Bearer ${token}` });
    exporter.reset();
    fastPathOutcomes.length = 0;
    const res = await post({ query }, { authorization: `Bearer ${token}`, 'x-request-id': 'trace-probe-4' });
    expect(res.status).toBe(200);
    expect(fastPathOutcomes).toEqual(['fast']);
    const spans = await traceOf('trace-probe-4');
    expect(spans.some((s) => service(s) === 'access')).toBe(true);
    expect(spans.filter((s) => s.attributes['db.system'] === 'postgresql').length).toBeGreaterThan(0);
    const ids = new Set(spans.map((s) => s.spanContext().spanId));
    const roots = spans.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId));
    expect(roots).toHaveLength(1);
    expect(service(roots[0])).toBe('gateway');
  });

  it("continues the caller's W3C traceparent", async () => {
    exporter.reset();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await post({ query: '{ me { givenName } }' }, { authorization: `Bearer ${token}`, traceparent: `00-${traceId}-00f067aa0ba902b7-01`, 'x-request-id': 'trace-probe-3' });
    const spans = await traceOf('trace-probe-3');
    expect(spans[0].spanContext().traceId).toBe(traceId);
    expect(spans.some((s) => service(s) === 'access')).toBe(true);
  });
});
