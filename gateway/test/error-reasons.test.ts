import { DEMO } from '@behorig/kit/demo';
import { isReason } from '@behorig/kit/errors';
import { mintToken } from '@behorig/kit/auth';
import { gqlRequest } from '@behorig/kit/testing';
import { startSystem, type System } from './support/system';

/**
 * The gateway's own refusals carry a catalogued `extensions.reason` like the subgraphs' do: tokens
 * (checked at the gateway before planning), query validation, and a subgraph's refusal passed on.
 */
const tolvan = DEMO.people.find((p) => p.givenName === 'Tolvan')!;

describe('reasons of the gateway\'s refusals', () => {
  let sys: System;
  beforeAll(async () => { sys = await startSystem(); });
  afterAll(async () => { await sys.stop(); });

  it('tokens: none, garbage, expired, not a Bearer header', async () => {
    const none = await gqlRequest(sys.gatewayUrl, `{ me { id } }`);
    expect(none.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NOT_SIGNED_IN' });
    const garbage = await gqlRequest(sys.gatewayUrl, `{ me { id } }`, undefined, 'not.a.jwt');
    expect(garbage.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
    const expired = (await mintToken(sys.keys.key, { kind: 'person', personId: tolvan.id, authority: true }, -120)).token;
    const late = await gqlRequest(sys.gatewayUrl, `{ me { id } }`, undefined, expired);
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' });
    const basic = await fetch(sys.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Basic dXNlcjpwdw==' }, body: JSON.stringify({ query: '{ me { id } }' }) });
    expect(((await basic.json()) as { errors?: { extensions?: unknown }[] }).errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'AUTHORIZATION_HEADER_MALFORMED' });
  });

  it('a batched request is refused with BATCHING_NOT_ALLOWED', async () => {
    const res = await fetch(sys.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_REQUEST', reason: 'BATCHING_NOT_ALLOWED' });
  });

  it('an invalid document and a bad variable get a catalogued reason too', async () => {
    const token = (await mintToken(sys.keys.key, { kind: 'person', personId: tolvan.id, authority: true })).token;
    const unknown = await gqlRequest(sys.gatewayUrl, `{ noSuchField }`, undefined, token);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'INVALID_QUERY' });
    const badVar = await gqlRequest(sys.gatewayUrl, `query($d: Date) { checkAccess(personId: "${tolvan.id}", organisationId: "${DEMO.organisations.aratron.id}", function: "MANAGE_USERS", access: READ, on: $d) { allowed } }`, { d: '2026-13-45' }, token);
    expect(isReason(badVar.errors?.[0].extensions?.reason)).toBe(true);
    expect(badVar.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });
});
