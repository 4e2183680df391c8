import { SignJWT } from 'jose';
import { generateSigningKeyJwk, signingKeyFromJwk, TOKEN_ALG, type SigningKey } from '@behorig/kit/auth';
import { dorotea, person, startHarness, type Harness } from './support/harness';

/**
 * Finding 5, "internal endpoints trust a well-known secret" (R-AUTH-4): the development
 * INTERNAL_SECRET was a fixed string, and with it anyone appended audit events under any service's
 * name, back-dated, or claimed another service's (source, sourceId) first. Now each call carries a
 * short-lived credential signed by the calling service's own key, for this service, and audit
 * ingestion takes only the credential's own service's events, neither post-dated nor back-dated
 * before what the log already holds from that service (its start, here: the log is new).
 * Every attempt below is refused and writes nothing.
 */
describe('finding 5: internal endpoints trust a well-known secret (R-AUTH-4)', () => {
  let h: Harness;
  let attacker: SigningKey;
  const arvid = person('Arvid');
  beforeAll(async () => {
    h = await startHarness({ bankId: false });
    attacker = await signingKeyFromJwk(await generateSigningKeyJwk());
  });
  afterAll(async () => { await h.stop(); });

  const event = (sourceId: string, occurredAt = new Date().toISOString()) => ({
    sourceId, occurredAt, actor: `person:${arvid.id}`, organisationId: dorotea, action: 'staff.proposed', target: `person:${sourceId}`, before: null, after: null,
  });
  const count = async () => Number((await h.sql<{ n: string }>('SELECT (SELECT count(*) FROM signing.audit_event) + (SELECT count(*) FROM signing.pending_audit_event) AS n'))[0].n);
  const deliver = (headers: Record<string, string>, body: unknown) =>
    fetch(`${h.base}/internal/audit-events`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  /** A credential with chosen claims, signed with `key`. */
  const credential = async (key: SigningKey, c: { sub: string; aud: string; iat?: number; exp?: number }) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({}).setProtectedHeader({ alg: TOKEN_ALG, kid: key.kid, typ: 'service+jwt' }).setIssuer('behorig-service')
      .setSubject(c.sub).setAudience(c.aud).setIssuedAt(c.iat ?? now).setExpirationTime(c.exp ?? now + 60).sign(key.privateKey);
  };

  it('R-AUTH-4: the old well-known secret, no credential, a forged one, a wrong sub, a wrong aud and an expired one are refused; nothing is written', async () => {
    const before = await count();
    const body = { source: 'access', events: [event('f5-1')] };
    const now = Math.floor(Date.now() / 1000);
    const attempts: [string, Record<string, string>][] = [
      ['the former development secret', { 'x-internal-secret': 'behorig-dev-internal-secret' }],
      ['no credential', {}],
      ['a session token as credential', { 'x-service-credential': await h.keys.token({ personalNumber: arvid.personalNumber, personId: arvid.id }) }],
      ['forged: signed by a key that is not access\'s', { 'x-service-credential': await credential(attacker, { sub: 'access', aud: 'signing' }) }],
      ['wrong sub: the gateway may not deliver audit events', await h.serviceKeys.credentials('gateway').headers('signing')],
      ['wrong aud: access\'s credential for organisations', await h.serviceKeys.credentials('access').headers('organisations')],
      ['expired', { 'x-service-credential': await credential(attacker, { sub: 'access', aud: 'signing', iat: now - 600, exp: now - 300 }) }],
    ];
    for (const [what, headers] of attempts) {
      const res = await deliver(headers, body);
      expect({ what, status: res.status }).toEqual({ what, status: 401 });
    }
    expect(await count()).toBe(before);
  });

  it("R-AUTH-4: another service's source and back- or post-dated events are refused; the de-duplication key stays free for its owner", async () => {
    const before = await count();
    const organisations = h.serviceKeys.credentials('organisations');
    // organisations claims access's (source, sourceId) first: refused.
    const claimed = await deliver(await organisations.headers('signing'), { source: 'access', events: [event('f5-claimed')] });
    expect(claimed.status).toBe(403);
    // Back-dated to 2020, and six minutes either side of now, each with a genuine credential.
    for (const at of ['2020-01-01T00:00:00Z', new Date(Date.now() - 6 * 60_000).toISOString(), new Date(Date.now() + 6 * 60_000).toISOString()]) {
      const res = await deliver(await h.serviceKeys.credentials('access').headers('signing'), { source: 'access', events: [event('f5-dated', at)] });
      expect({ at, status: res.status }).toEqual({ at, status: 403 });
    }
    // One bad event refuses the whole delivery: the good one beside it is not written either.
    const mixed = await deliver(await h.serviceKeys.credentials('access').headers('signing'), { source: 'access', events: [event('f5-good'), event('f5-old', '2020-01-01T00:00:00Z')] });
    expect(mixed.status).toBe(403);
    expect(await count()).toBe(before);
    // The real owner delivers the key that was "claimed": it is its event, appended once.
    const owner = await deliver(await h.serviceKeys.credentials('access').headers('signing'), { source: 'access', events: [event('f5-claimed')] });
    expect(await owner.json()).toEqual({ appended: 1, duplicates: 0 });
    expect(await count()).toBe(before + 1);
  });

  it('R-AUTH-4: sign orders are started only with access\'s credential', async () => {
    const body = { organisationId: dorotea, changeSetId: '6f1c1a0e-1b7a-4c55-9a43-2f1f0b6f1a02', digest: 'd', endUserIp: '127.0.0.1', userVisibleData: 'x' };
    const post = (headers: Record<string, string>) => fetch(`${h.base}/internal/sign-orders`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    expect((await post({ 'x-internal-secret': 'behorig-dev-internal-secret' })).status).toBe(401);
    expect((await post(await h.serviceKeys.credentials('organisations').headers('signing'))).status).toBe(401);
    expect((await post({ 'x-service-credential': await credential(attacker, { sub: 'access', aud: 'signing' }) })).status).toBe(401);
    expect(Number((await h.sql<{ n: string }>('SELECT count(*) AS n FROM signing.signing_order'))[0].n)).toBe(0);
  });
});
