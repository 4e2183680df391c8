import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { SignJWT } from 'jose';
import { generateSigningKeyJwk, mintToken, signingKeyFromJwk, TOKEN_ALG } from './auth';
import {
  callerServiceOf, clientAddressOf, vouchClientAddress, untrustingServiceCredentials, CLIENT_ADDRESS_HEADER, createServiceCredentials, loadServiceCredentials, parseServicePublicKeys,
  requireServiceCredential, SERVICE_CREDENTIAL_HEADER, ServiceCredentialError,
} from './service-credentials';
import { auditDeliveryRefusal, AUDIT_EVENT_MAX_SKEW_MS } from './internal-api';
import { assertProductionSecrets } from './env';
import { testServiceKeys, type TestServiceKeys } from './testing';

let keys: TestServiceKeys;
beforeAll(async () => { keys = await testServiceKeys(); });

const problemOf = (p: Promise<unknown>) => p.then(() => 'accepted', (e) => (e instanceof ServiceCredentialError ? e.problem : `other: ${String(e)}`));
/** A hand-made credential with any claims, signed by `key` (the attacker's or a real one). */
async function forge(key: Awaited<ReturnType<typeof signingKeyFromJwk>>, claims: { sub?: string; aud?: string; iss?: string; iat?: number; exp?: number; typ?: string }) {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({}).setProtectedHeader({ alg: TOKEN_ALG, kid: key.kid, typ: claims.typ ?? 'service+jwt' })
    .setIssuer(claims.iss ?? 'behorig-service').setIssuedAt(claims.iat ?? now).setExpirationTime(claims.exp ?? now + 60);
  if (claims.sub) jwt.setSubject(claims.sub);
  if (claims.aud) jwt.setAudience(claims.aud);
  return jwt.sign(key.privateKey);
}

describe('service credentials (R-AUTH-4)', () => {
  it('a credential minted by access for signing is accepted by signing as access, and reused while fresh', async () => {
    const token = await keys.credentials('access').mint('signing');
    expect(await keys.credentials('signing').verify(token, ['access', 'organisations'])).toBe('access');
    expect(await keys.credentials('access').mint('signing')).toBe(token);
    const [, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, number | string>;
    expect(claims).toMatchObject({ sub: 'access', aud: 'signing', iss: 'behorig-service' });
    expect((claims.exp as number) - (claims.iat as number)).toBeLessThanOrEqual(300);
  });

  it('refuses: none, garbage, a session token, another audience, a caller not allowed, a forged signature, expired, too long-lived, from the future', async () => {
    const signing = keys.credentials('signing');
    const attacker = await signingKeyFromJwk(await generateSigningKeyJwk());
      const now = Math.floor(Date.now() / 1000);
    expect(await problemOf(signing.verify(undefined, ['access']))).toBe('missing');
    expect(await problemOf(signing.verify('not.a.jwt', ['access']))).toBe('malformed');
    expect(await problemOf(signing.verify((await mintToken(attacker, { kind: 'service', service: 'access' })).token, ['access']))).toBe('malformed');
    expect(await problemOf(signing.verify(await keys.credentials('access').mint('organisations'), ['access']))).toBe('invalid');
    expect(await problemOf(signing.verify(await keys.credentials('gateway').mint('signing'), ['access']))).toBe('not_allowed');
    expect(await problemOf(signing.verify(await forge(attacker, { sub: 'access', aud: 'signing' }), ['access']))).toBe('invalid');
    expect(await problemOf(signing.verify(await forge(attacker, { sub: 'intruder', aud: 'signing' }), ['access']))).toBe('not_allowed');
    expect(await problemOf(signing.verify(await forge(attacker, { sub: 'access', aud: 'signing', typ: 'JWT' }), ['access']))).toBe('malformed');
    // The real key, but too old, too long, from the future or with another issuer.
    const accessSigningKey = await signingKeyFromJwk(await generateSigningKeyJwk());
    const v2 = createServiceCredentials({ service: 'signing', key: accessSigningKey, trusted: { access: { keys: [accessSigningKey.publicJwk] } } });
    expect(await problemOf(v2.verify(await forge(accessSigningKey, { sub: 'access', aud: 'signing', iat: now - 400, exp: now - 100 }), ['access']))).toBe('expired');
    expect(await problemOf(v2.verify(await forge(accessSigningKey, { sub: 'access', aud: 'signing', iat: now, exp: now + 3600 }), ['access']))).toBe('too_long_lived');
    expect(await problemOf(v2.verify(await forge(accessSigningKey, { sub: 'access', aud: 'signing', iat: now + 600, exp: now + 700 }), ['access']))).toBe('invalid');
    expect(await problemOf(v2.verify(await forge(accessSigningKey, { sub: 'access', aud: 'signing', iss: 'behorig-signing' }), ['access']))).toBe('invalid');
    expect(await v2.verify(await forge(accessSigningKey, { sub: 'access', aud: 'signing' }), ['access'])).toBe('access');
    // access's own key cannot vouch for "organisations": each sub is checked with that service's keys only.
    const orgsKey = await signingKeyFromJwk(await generateSigningKeyJwk());
    const v3 = createServiceCredentials({ service: 'signing', key: orgsKey, trusted: { access: { keys: [accessSigningKey.publicJwk] }, organisations: { keys: [orgsKey.publicJwk] } } });
    expect(await problemOf(v3.verify(await forge(accessSigningKey, { sub: 'organisations', aud: 'signing' }), ['access', 'organisations']))).toBe('invalid');
    expect(await v3.verify(await forge(orgsKey, { sub: 'organisations', aud: 'signing' }), ['access', 'organisations'])).toBe('organisations');
  });

  it('requireServiceCredential answers 401 before the handler runs, and names the caller to it', async () => {
    const app = express();
    const handled: string[] = [];
    app.post('/internal/x', requireServiceCredential(keys.credentials('signing'), ['access']), (_req, res) => {
      handled.push(callerServiceOf(res));
      res.json({ ok: true });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/internal/x`;
    try {
      const post = (headers: Record<string, string>) => fetch(url, { method: 'POST', headers }).then((r) => r.status);
      expect(await post({})).toBe(401);
      expect(await post({ [SERVICE_CREDENTIAL_HEADER]: await keys.credentials('organisations').mint('signing') })).toBe(401);
      expect(await post({ 'x-internal-secret': 'behorig-dev-internal-secret' })).toBe(401);
      expect(handled).toEqual([]);
      expect(await post(await keys.credentials('access').headers('signing'))).toBe(200);
      expect(handled).toEqual(['access']);
    } finally {
      server.close();
    }
  });

  it("x-client-address is believed only with the gateway's credential for this service", async () => {
    const access = keys.credentials('access');
    const addressOf = async (headers: Record<string, string>) => {
      const req = { headers, socket: { remoteAddress: '::ffff:10.1.2.3' } };
      await vouchClientAddress(req, access);
      return clientAddressOf(req);
    };
    expect(await addressOf({ [CLIENT_ADDRESS_HEADER]: '203.0.113.7' })).toBe('10.1.2.3');
    expect(await addressOf({ [CLIENT_ADDRESS_HEADER]: '203.0.113.7', 'x-internal-secret': 'behorig-dev-internal-secret' })).toBe('10.1.2.3');
    expect(await addressOf({ [CLIENT_ADDRESS_HEADER]: '203.0.113.7', [SERVICE_CREDENTIAL_HEADER]: await keys.credentials('signing').mint('access') })).toBe('10.1.2.3');
    expect(await addressOf({ [CLIENT_ADDRESS_HEADER]: '203.0.113.7', [SERVICE_CREDENTIAL_HEADER]: await keys.credentials('gateway').mint('signing') })).toBe('10.1.2.3');
    expect(await addressOf({ [CLIENT_ADDRESS_HEADER]: '203.0.113.7', [SERVICE_CREDENTIAL_HEADER]: await keys.credentials('gateway').mint('access') })).toBe('203.0.113.7');
    expect(await addressOf({ [CLIENT_ADDRESS_HEADER]: 'not an address', [SERVICE_CREDENTIAL_HEADER]: await keys.credentials('gateway').mint('access') })).toBe('10.1.2.3');
  });

  it('a service without configured credentials trusts nobody and is trusted by nobody', async () => {
    const lone = await untrustingServiceCredentials('access');
    expect(await problemOf(lone.verify(await keys.credentials('signing').mint('access'), ['signing']))).toBe('unknown_key');
    expect(await problemOf(keys.credentials('signing').verify(await lone.mint('signing'), ['access']))).toBe('invalid');
  });

  it('R-AUTH-4 audit ingestion: only the own source; nothing more than the skew in the future or before the source\'s floor', () => {
    const now = Date.parse('2026-11-28T12:00:00Z');
    const MIN = 60_000;
    const at = (ms: number) => ({ occurredAt: new Date(now + ms).toISOString() });
    const access = (events: { occurredAt: string }[], floor: Date | null = null) => auditDeliveryRefusal('access', { source: 'access', events }, now, floor);
    expect(access([at(0), at(-MIN)])).toBeNull();
    expect(auditDeliveryRefusal('organisations', { source: 'access', events: [at(0)] }, now)).toMatch(/only its own events/);
    // Without a floor: within the skew of now, as before.
    expect(access([at(0), at(-AUDIT_EVENT_MAX_SKEW_MS - 1)])).toMatch(/minutes before now/);
    expect(access([at(AUDIT_EVENT_MAX_SKEW_MS + 1)])).toMatch(/minutes in the future/);
    expect(access([{ occurredAt: 'yesterday-ish' }])).toMatch(/not an instant/);
    // A backlog after a 2-hour outage: at or after the source's latest logged event (2 h ago), minus the skew.
    const latest = new Date(now - 120 * MIN);
    expect(access([at(-120 * MIN), at(-119 * MIN), at(-3 * MIN)], latest)).toBeNull();
    expect(access([at(-120 * MIN - AUDIT_EVENT_MAX_SKEW_MS)], latest)).toBeNull();
    expect(access([at(-120 * MIN - AUDIT_EVENT_MAX_SKEW_MS - 1)], latest)).toMatch(/before what access has already delivered/);
    expect(access([at(-120 * MIN), at(AUDIT_EVENT_MAX_SKEW_MS + 1)], latest)).toMatch(/in the future/);
    // A floor later than now (the source's clock runs ahead, within the skew) never narrows what now admits.
    expect(access([at(-AUDIT_EVENT_MAX_SKEW_MS)], new Date(now + 4 * MIN))).toBeNull();
    expect(access([at(-AUDIT_EVENT_MAX_SKEW_MS - 1)], new Date(now + 4 * MIN))).toMatch(/minutes before now/);
  });

  describe('configuration: no default key anywhere', () => {
    let dir: string;
    beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'behorig-service-keys-')); });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('production refuses to start without its private key and the public keys of the others', async () => {
      await expect(loadServiceCredentials({ service: 'access', production: true, keysDir: dir })).rejects.toThrow(/SERVICE_PRIVATE_JWK and SERVICE_PUBLIC_KEYS are required in production/);
      expect(() => assertProductionSecrets({ NODE_ENV: 'production' })).toThrow(/SERVICE_PRIVATE_JWK and SERVICE_PUBLIC_KEYS must be set/);
      expect(() => assertProductionSecrets({ NODE_ENV: 'production', SERVICE_PRIVATE_JWK: '{}' })).toThrow(/SERVICE_PUBLIC_KEYS must be set/);
      expect(() => assertProductionSecrets({ NODE_ENV: 'development' })).not.toThrow();
    });

    it('production with configured keys: the receiver trusts exactly the configured public keys', async () => {
      const accessJwk = await generateSigningKeyJwk();
      const signingJwk = await generateSigningKeyJwk();
      const { d: _a, ...accessPublic } = accessJwk;
      const access = await loadServiceCredentials({ service: 'access', production: true, privateJwk: JSON.stringify(accessJwk), publicKeys: '{}', keysDir: dir });
      const signing = await loadServiceCredentials({ service: 'signing', production: true, privateJwk: JSON.stringify(signingJwk), publicKeys: JSON.stringify({ access: accessPublic }), keysDir: dir });
      expect(await signing.verify(await access.mint('signing'), ['access'])).toBe('access');
      expect(() => parseServicePublicKeys(JSON.stringify({ access: accessJwk }))).toThrow(/private part/);
      expect(() => parseServicePublicKeys(JSON.stringify({ mallory: accessPublic }))).toThrow(/unknown service/);
    });

    it('development: a key per service generated on first start under the key folder (0600), kept across restarts, peers read from it', async () => {
      const access = await loadServiceCredentials({ service: 'access', production: false, keysDir: dir });
      const signing = await loadServiceCredentials({ service: 'signing', production: false, keysDir: dir });
      expect(statSync(join(dir, 'service-access.json')).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(join(dir, 'service-access.jwks.json'), 'utf8')).keys[0].d).toBeUndefined();
      expect(await signing.verify(await access.mint('signing'), ['access'])).toBe('access');
      const again = await loadServiceCredentials({ service: 'access', production: false, keysDir: dir });
      expect(again.jwks).toEqual(access.jwks);
      expect(await problemOf(signing.verify(await access.mint('signing'), ['organisations']))).toBe('not_allowed');
    });
  });
});
