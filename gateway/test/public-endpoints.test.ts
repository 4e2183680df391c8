import { createLocalJWKSet, jwtVerify } from 'jose';
import { DEMO } from '@behorig/kit/demo';
import { mintToken } from '@behorig/kit/auth';
import { gqlRequest } from '@behorig/kit/testing';
import { ARATRON, partnerToken } from './security/actors';
import { startSystem, type System } from './support/system';
import { buildGateway } from '../src/server';

const tolvan = DEMO.people.find((p) => p.givenName === 'Tolvan')!;

/**
 * The signing service's public HTTP endpoints answered at the gateway's address, the only one a
 * deployment publishes besides the web client's.
 */
describe('public endpoints at the gateway', () => {
  let sys: System;
  let authority: string;
  beforeAll(async () => {
    sys = await startSystem();
    authority = (await mintToken(sys.keys.key, { kind: 'person', personId: tolvan.id, authority: true })).token;
  });
  afterAll(async () => { await sys.stop(); });

  it('GET /.well-known/jwks.json: the keys signing publishes', async () => {
    const viaGateway = await fetch(`${sys.gatewayBase}/.well-known/jwks.json`);
    expect(viaGateway.status).toBe(200);
    expect(viaGateway.headers.get('content-type')).toMatch(/json/);
    const direct = await (await fetch(`${sys.base.signing}/.well-known/jwks.json`)).json();
    const keys = await viaGateway.json() as { keys: { kid: string }[] };
    expect(keys).toEqual(direct);
    expect(keys.keys.map((k) => k.kid)).toContain(sys.keys.key.kid);
  });

  it('POST /oauth/token: a registered partner client gets a token (verifiable with the JWKS) that the gateway accepts', async () => {
    const token = await partnerToken(sys, authority, ARATRON, ['MANAGE_USERS']);
    const jwks = await (await fetch(`${sys.gatewayBase}/.well-known/jwks.json`)).json();
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks as never));
    expect(payload.exp).toBeGreaterThan(Date.now() / 1000);
    const res = await gqlRequest(sys.gatewayUrl, `query($id: ID!) { organisation(id: $id) { id name } }`, { id: ARATRON }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data.organisation.id).toBe(ARATRON);
  });

  it('POST /oauth/token: wrong credentials are refused by signing as OAuth2 says, through the gateway', async () => {
    const res = await fetch(`${sys.gatewayBase}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=00000000-0000-4000-8000-000000000000&client_secret=nope',
    });
    expect([400, 401]).toContain(res.status);
    expect(((await res.json()) as { error: string }).error).toMatch(/invalid_client|invalid_request/);
  });

  it('GET /audit/export: JSON Lines for an authorised caller, 401 without a token', async () => {
    const anonymous = await fetch(`${sys.gatewayBase}/audit/export?organisationId=${ARATRON}`);
    expect(anonymous.status).toBe(401);
    const res = await fetch(`${sys.gatewayBase}/audit/export?organisationId=${ARATRON}`, { headers: { authorization: `Bearer ${authority}` } });
    expect(res.status).toBe(200);
    const direct = await fetch(`${sys.base.signing}/audit/export?organisationId=${ARATRON}`, { headers: { authorization: `Bearer ${authority}` } });
    expect(res.headers.get('content-type')).toBe(direct.headers.get('content-type'));
    expect(await res.text()).toBe(await direct.text());
  });

  it('answers 503 when signing cannot be reached, without hanging', async () => {
    const gw = await buildGateway({ verify: sys.keys.verify, subgraphUrls: sys.urls, signingBaseUrl: 'http://127.0.0.1:9', rateLimits: false });
    try {
      const base = await gw.listen(0, '127.0.0.1');
      const res = await fetch(`${base}/.well-known/jwks.json`);
      expect(res.status).toBe(503);
    } finally {
      await gw.stop();
    }
  });
});
