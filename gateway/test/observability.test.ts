import { Writable } from 'node:stream';
import { DEMO } from '@behorig/kit/demo';
import { createLogger } from '@behorig/kit/server';
import { buildServer as buildOrganisations } from '@behorig/organisations/src/server';
import { startSystem, type System } from './support/system';

const arvid = DEMO.people.find((p) => p.givenName === 'Arvid')!;

/** Every service's log lines, parsed, in one list per service. */
const lines: Record<string, Record<string, unknown>[]> = {};
const capture = (service: string) => createLogger(service, 'debug', new Writable({
  write(chunk, _enc, done) {
    for (const l of String(chunk).split('\n').filter(Boolean)) (lines[service] ??= []).push(JSON.parse(l));
    done();
  },
}));

describe('metrics, access log and request ids', () => {
  let sys: System;
  let token: string;
  beforeAll(async () => {
    sys = await startSystem({}, { logger: capture });
    token = await sys.keys.token({ personalNumber: arvid.personalNumber, personId: arvid.id });
  });
  afterAll(async () => { await sys.stop(); });

  const ask = (query: string, headers: Record<string, string> = {}, variables?: object) => fetch(sys.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });

  it('one access-log line per request at the gateway: operation, status, duration, client name and version, request id; no token, no personal number', async () => {
    const before = (lines.gateway ?? []).length;
    const res = await ask('query AccessLogProbe($pnr: String) { me { givenName } organisations(search: $pnr, first: 1) { totalCount } }', {
      'apollographql-client-name': 'behorig-web', 'apollographql-client-version': '1.2.3', 'x-request-id': 'probe-access-log-1',
    }, { pnr: arvid.personalNumber });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('probe-access-log-1');
    await new Promise((r) => setTimeout(r, 50));
    const mine = lines.gateway.slice(before).filter((l) => l.msg === 'request');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ method: 'POST', path: '/graphql', status: 200, operation: 'AccessLogProbe', clientName: 'behorig-web', clientVersion: '1.2.3', requestId: 'probe-access-log-1' });
    expect(typeof mine[0].ms).toBe('number');
    const all = JSON.stringify(lines.gateway.slice(before));
    expect(all).not.toContain(token);
    expect(all).not.toContain(arvid.personalNumber);
  });

  it('the request id reaches the subgraphs: their log lines while serving it carry the same id', async () => {
    await ask('query RequestIdProbe { me { memberships { organisation { name } } } }', { 'x-request-id': 'probe-propagation-2' });
    await new Promise((r) => setTimeout(r, 50));
    const accessLines = (lines.access ?? []).filter((l) => l.requestId === 'probe-propagation-2');
    expect(accessLines.length).toBeGreaterThan(0);
    // A request without an id gets a fresh one at the gateway, answered to the client.
    const anon = await ask('{ me { id } }');
    expect(anon.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('GET /metrics on the gateway: requests by operation and client, latency histogram, errors by code and reason', async () => {
    await ask('query MetricsProbe { me { givenName } }', { 'apollographql-client-name': 'behorig-web', 'apollographql-client-version': '9.9.9' });
    await fetch(sys.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query Refused { me { id } }' }) });
    const res = await fetch(`${sys.gatewayBase}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/behorig_graphql_requests_total\{operation="MetricsProbe",client_name="behorig-web",service="gateway"\} 1/);
    expect(text).toMatch(/behorig_graphql_request_duration_seconds_bucket\{(?=[^}]*le="0\.5")(?=[^}]*operation="MetricsProbe")[^}]*\} 1/);
    expect(text).toMatch(/behorig_gateway_requests_by_client_total\{client_name="behorig-web",client_version="9.9.9",service="gateway"\} 1/);
    expect(text).toMatch(/behorig_graphql_errors_total\{operation="Refused",code="UNAUTHENTICATED",reason="[A-Z_]+",service="gateway"\} 1/);
    expect(text).toContain('# TYPE behorig_rate_limit_refusals_total counter');
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('GET /metrics on every subgraph: its operations, pool usage, outbox backlog, open signing orders', async () => {
    const start = await fetch(sys.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation StartLogin { startLogin { orderRef } }' }) });
    expect(start.status).toBe(200);
    const scrape = async (base: string) => (await fetch(`${base}/metrics`)).text();
    const [organisations, access, signing] = await Promise.all([scrape(sys.base.organisations), scrape(sys.base.access), scrape(sys.base.signing)]);
    for (const [name, text] of [['organisations', organisations], ['access', access], ['signing', signing]] as const) {
      expect(text).toMatch(new RegExp(`behorig_graphql_requests_total\\{operation="[^"]+",client_name="[^"]+",service="${name}"\\} \\d+`));
      expect(text).toMatch(new RegExp(`behorig_db_pool_used\\{service="${name}"\\} \\d+`));
      expect(text).toMatch(new RegExp(`behorig_db_pool_free\\{service="${name}"\\} \\d+`));
    }
    expect(access).toMatch(/behorig_outbox_backlog\{service="access"\} \d+/);
    expect(organisations).toMatch(/behorig_outbox_backlog\{service="organisations"\} \d+/);
    const open = Number(/behorig_signing_open_orders\{service="signing"\} (\d+)/.exec(signing)?.[1]);
    expect(open).toBeGreaterThanOrEqual(1);
  });

  it('a subgraph in production answers no introspection', async () => {
    const prod = await buildOrganisations({ databaseUrl: sys.db.url, verify: sys.keys.verify, production: true, accessUrl: sys.urls.access });
    try {
      const base = await prod.listen(0, '127.0.0.1');
      const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __schema { types { name } } }' }) });
      const body = await res.json() as { errors?: { message: string }[] };
      expect(body.errors?.[0].message).toMatch(/introspection/i);
    } finally {
      await prod.stop();
    }
  });
});
