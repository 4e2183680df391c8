import { SignJWT } from 'jose';
import { DEMO } from '@behorig/kit/demo';
import { mintToken } from '@behorig/kit/auth';
import { gqlRequest } from '@behorig/kit/testing';
import { startSystem, type System } from './support/system';

const arvid = DEMO.people.find((p) => p.givenName === 'Arvid')!;

describe('gateway end to end (three subgraphs, real PostgreSQL, real HTTP)', () => {
  let sys: System;
  beforeAll(async () => { sys = await startSystem(); });
  afterAll(async () => { await sys.stop(); });

  const CROSS = `{ me { givenName surname memberships {
      organisation { name orgNumber auditLog(first: 5) { totalCount edges { node { action } } } }
      units { name service { name } }
      roles { role { code } validTo } } } }`;

  it('R-ORG-4: one query spans access, organisations and signing with a minted token', async () => {
    const token = await sys.keys.token({ personalNumber: arvid.personalNumber });
    const res = await gqlRequest(sys.gatewayUrl, CROSS, undefined, token);
    expect(res.errors).toBeUndefined();
    expect(res.data.me).toEqual({
      givenName: 'Arvid', surname: 'Aronsson',
      memberships: [{
        organisation: { name: 'Dorotea kommun', orgNumber: '212000-2809', auditLog: { totalCount: 0, edges: [] } },
        units: [{ name: 'Dorotea UBK', service: { name: 'Utbildningskontrakt' } }],
        roles: [{ role: { code: 'PERMISSION_ADMIN' }, validTo: null }],
      }],
    });
  });

  it('refuses the same query without a token (UNAUTHENTICATED)', async () => {
    const res = await gqlRequest(sys.gatewayUrl, CROSS);
    expect(res.data?.me ?? null).toBeNull();
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed by another key, an expired token and an unsigned (alg: none) token', async () => {
    const other = (await import('@behorig/kit/testing')).testKeys;
    const forged = await (await other()).token({ personalNumber: arvid.personalNumber });
    const expired = await mintToken(sys.keys.key, { kind: 'person', personId: arvid.id }, -10);
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ knd: 'person', pnr: arvid.personalNumber, iss: 'behorig-signing', aud: 'behorig', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url')}.`;
    const hmac = await new SignJWT({ knd: 'person', pnr: arvid.personalNumber }).setProtectedHeader({ alg: 'HS256' }).setIssuer('behorig-signing').setAudience('behorig').setExpirationTime('10m').sign(new TextEncoder().encode('x'.repeat(32)));
    for (const token of [forged, expired.token, unsigned, hmac, 'garbage']) {
      const res = await gqlRequest(sys.gatewayUrl, CROSS, undefined, token);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.data?.me ?? null).toBeNull();
    }
    const expiredRes = await gqlRequest(sys.gatewayUrl, CROSS, undefined, expired.token);
    expect(expiredRes.errors?.[0].message).toMatch(/expired/);
  });

  it('serves the Sandbox landing page in development and answers /health', async () => {
    const page = await fetch(sys.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/sandbox|Apollo/i);
    for (const url of [sys.gatewayUrl, ...Object.values(sys.urls)]) {
      const health = await fetch(url.replace('/graphql', '/health'));
      expect(health.status).toBe(200);
    }
  });

  it('publishes the JWKS on the signing service, and a subgraph verifies tokens itself', async () => {
    const jwks = (await (await fetch(sys.urls.signing.replace('/graphql', '/.well-known/jwks.json'))).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(jwks.keys[0].d).toBeUndefined();
    const direct = await gqlRequest(sys.urls.access, `{ me { id } }`, undefined, 'garbage');
    expect(direct.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers CORS preflight for the web origin', async () => {
    const res = await fetch(sys.gatewayUrl, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });
});
