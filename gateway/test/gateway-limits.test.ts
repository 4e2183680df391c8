import { DEMO } from '@behorig/kit/demo';
import { gqlRequest } from '@behorig/kit/testing';
import { startSystem, type System } from './support/system';

const arvid = DEMO.people.find((p) => p.givenName === 'Arvid')!;

describe('gateway query limits and production mode', () => {
  let sys: System;
  let token: string;
  beforeAll(async () => {
    sys = await startSystem({ production: true, limits: { maxDepth: 8, maxAliases: 5 } });
    token = await sys.keys.token({ personalNumber: arvid.personalNumber });
  });
  afterAll(async () => { await sys.stop(); });

  it('refuses an operation deeper than the limit before planning it', async () => {
    const deep = `{ me { memberships { organisation { units { organisation { units { organisation { units { organisation { name } } } } } } } } } }`;
    const res = await gqlRequest(sys.gatewayUrl, deep, undefined, token);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].message).toMatch(/depth/i);
    expect(res.errors?.[0].extensions?.reason).toBe('QUERY_TOO_DEEP');
  });

  it('refuses too many aliases', async () => {
    const many = `{ ${Array.from({ length: 8 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const res = await gqlRequest(sys.gatewayUrl, many, undefined, token);
    expect(res.errors?.[0].message).toMatch(/alias/i);
    expect(res.errors?.[0].extensions?.reason).toBe('TOO_MANY_ALIASES');
  });

  it('still answers an ordinary operation', async () => {
    const res = await gqlRequest(sys.gatewayUrl, `{ me { givenName } }`, undefined, token);
    expect(res.data).toEqual({ me: { givenName: 'Arvid' } });
  });

  it('refuses batched requests and oversized bodies', async () => {
    const batch = await fetch(sys.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]) });
    expect(batch.status).toBe(400);
    const huge = await fetch(sys.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(2_000_000) } }) });
    expect(huge.status).toBe(413);
  });

  it('in production: no introspection, no Sandbox, no field suggestions', async () => {
    const intro = await gqlRequest(sys.gatewayUrl, `{ __schema { types { name } } }`, undefined, token);
    expect(intro.errors?.[0].message).toMatch(/introspection/i);
    const page = await fetch(sys.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/<html/i);
    const typo = await gqlRequest(sys.gatewayUrl, `{ me { givenNam } }`, undefined, token);
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
    expect(typo.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'INVALID_QUERY' });
  });
});
