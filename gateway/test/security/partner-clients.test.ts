import { mintToken } from '@behorig/kit/auth';
import { gqlRequest } from '@behorig/kit/testing';
import { startSystem, type System } from '../support/system';
import { ARATRON, partnerToken, person } from './actors';

/**
 * R-AUTH-3 (finding 4): a partner client is an actor with exactly its granted functions in its one
 * organisation, and revoking it stops its already-issued tokens within seconds.
 */
describe('R-AUTH-3: partner clients inside their grant, and revocation (finding 4)', () => {
  let sys: System;
  let admin: string;
  const laban = person('Laban');

  beforeAll(async () => {
    sys = await startSystem();
    const f = person('Fridolf');
    admin = (await mintToken(sys.keys.key, { kind: 'person', personId: f.id })).token;
  }, 180_000);
  afterAll(async () => { await sys?.stop(); });

  const codes = (res: { errors?: { extensions?: { code?: string } }[] }) => (res.errors ?? []).map((e) => e.extensions?.code);

  it('finding 4: a client granted only CONTACT_PERSON reads contact persons, but no people, e-mails, memberships or staff', async () => {
    const client = await partnerToken(sys, admin, ARATRON, ['CONTACT_PERSON']);
    const contacts = await gqlRequest(sys.gatewayUrl, `query($o: ID!) { organisation(id: $o) { contactPersons { id } } }`, { o: ARATRON }, client);
    expect(contacts.errors).toBeUndefined();
    expect(Array.isArray(contacts.data.organisation.contactPersons)).toBe(true);

    const people = await gqlRequest(sys.gatewayUrl, `query($id: ID!) { person(id: $id) { givenName email memberships { roles { role { code } } } } }`, { id: laban.id }, client);
    expect(people.data?.person ?? null).toBeNull();
    expect(codes(people)).toContain('FORBIDDEN');
    const staff = await gqlRequest(sys.gatewayUrl, `query($o: ID!) { organisation(id: $o) { staff { edges { node { givenName email } } } } }`, { o: ARATRON }, client);
    expect(staff.data?.organisation?.staff ?? null).toBeNull();
    expect(codes(staff)).toContain('FORBIDDEN');
    // …and the same through the federation's entity path at the access subgraph itself.
    const ref = await gqlRequest(sys.urls.access, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { givenName email } } }`, { r: [{ __typename: 'Person', id: laban.id }] }, client);
    expect(ref.data?._entities?.[0] ?? null).toBeNull();
  });

  it('finding 4: after revokeApiClient the old token stops at once on the revoking service and within 5 s everywhere', async () => {
    const registered = await gqlRequest(sys.gatewayUrl, `mutation($o: ID!) { registerApiClient(organisationId: $o, name: "Återkallas", functions: ["CONTACT_PERSON"]) { client { id } clientSecret } }`, { o: ARATRON }, admin);
    expect(registered.errors).toBeUndefined();
    const { client: { id: clientId }, clientSecret } = registered.data.registerApiClient;
    const res = await fetch(`${sys.base.signing}/oauth/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
    });
    const token = ((await res.json()) as { access_token: string }).access_token;
    // Warm every cache with "active": through the gateway (organisations and access are asked too).
    expect((await gqlRequest(sys.gatewayUrl, `query($o: ID!) { organisation(id: $o) { contactPersons { id } } }`, { o: ARATRON }, token)).errors).toBeUndefined();

    const revoked = await gqlRequest(sys.gatewayUrl, `mutation($c: ID!) { revokeApiClient(clientId: $c) { id revokedAt } }`, { c: clientId }, admin);
    expect(revoked.errors).toBeUndefined();
    const revokedAt = Date.now();

    // The revoking replica (signing) refuses at once.
    const atSigning = await gqlRequest(sys.urls.signing, `query($o: ID!) { verifyAuditLog(organisationId: $o) { ok } }`, { o: ARATRON }, token);
    expect(codes(atSigning)).toEqual(['UNAUTHENTICATED']);
    expect(atSigning.errors?.[0]?.extensions?.reason).toBe('CLIENT_REVOKED');
    const introspected = await fetch(`${sys.base.signing}/oauth/introspect`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${token}` });
    expect(await introspected.json()).toEqual({ active: false });

    // Everyone else within 5 s (their caches), not at the token's expiry an hour later: through the
    // gateway and at each subgraph directly. The status is remembered for at most 5 s; the rest
    // of the bound is the requests' own time on a busy machine.
    const refusedWithin = async (ask: () => Promise<{ errors?: { extensions?: { code?: string } }[] }>) => {
      let last = await ask();
      while (!codes(last).includes('UNAUTHENTICATED') && Date.now() - revokedAt < 10_000) {
        await new Promise((r) => setTimeout(r, 200));
        last = await ask();
      }
      return { refused: codes(last).includes('UNAUTHENTICATED'), ms: Date.now() - revokedAt };
    };
    for (const ask of [
      () => gqlRequest(sys.gatewayUrl, `query($o: ID!) { organisation(id: $o) { contactPersons { id } } }`, { o: ARATRON }, token),
      () => gqlRequest(sys.urls.organisations, `query($o: ID!) { organisation(id: $o) { name } }`, { o: ARATRON }, token),
      () => gqlRequest(sys.urls.access, `query($o: ID!) { myAccess(organisationId: $o, function: "CONTACT_PERSON", access: READ) { allowed } }`, { o: ARATRON }, token),
    ]) {
      const { refused, ms } = await refusedWithin(ask);
      expect(refused).toBe(true);
      expect(ms).toBeLessThanOrEqual(7_000);
    }
  });
});
