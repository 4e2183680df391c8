import { decodeJwt, SignJWT } from 'jose';
import { createTokenVerifier, generateSigningKeyJwk, mintToken, signingKeyFromJwk, TOKEN_ALG, TOKEN_AUDIENCE, TOKEN_ISSUER, type SigningKey } from './auth';

const PERSON = '00000000-0000-4000-8003-000000000002';

/** Signs an arbitrary payload with the real key, so only the claims differ from a good token. */
async function signed(key: SigningKey, set: (jwt: SignJWT) => SignJWT): Promise<string> {
  const jwt = new SignJWT({ knd: 'person', pid: null, auth: true })
    .setProtectedHeader({ alg: TOKEN_ALG, kid: key.kid }).setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE).setSubject('person:x');
  return set(jwt).sign(key.privateKey);
}

describe('finding 6: token lifetime claims are required', () => {
  let key: SigningKey;
  beforeAll(async () => { key = await signingKeyFromJwk(await generateSigningKeyJwk()); });
  const verifier = () => createTokenVerifier({ jwks: { keys: [key.publicJwk] } }, { cacheSeconds: 0 });
  const now = () => Math.floor(Date.now() / 1000);

  it('finding 6: a validly signed token without exp is refused', async () => {
    await expect(verifier()(await signed(key, (j) => j.setIssuedAt(now())))).rejects.toThrow(/exp/);
  });

  it('finding 6: a token without iat is refused', async () => {
    await expect(verifier()(await signed(key, (j) => j.setExpirationTime(now() + 60)))).rejects.toThrow(/iat/);
  });

  it('finding 6: a token issued in the future (beyond a minute of skew) is refused', async () => {
    await expect(verifier()(await signed(key, (j) => j.setIssuedAt(now() + 600).setExpirationTime(now() + 900)))).rejects.toThrow(/iat/);
  });

  it('finding 6: a token not yet valid (nbf) is refused', async () => {
    await expect(verifier()(await signed(key, (j) => j.setIssuedAt(now()).setNotBefore(now() + 600).setExpirationTime(now() + 900)))).rejects.toThrow(/nbf/);
  });

  it('a minted token carries exp and iat and verifies', async () => {
    const { token } = await mintToken(key, { kind: 'person', personId: PERSON }, 60);
    await expect(verifier()(token)).resolves.toMatchObject({ kind: 'person' });
  });

  it('a person token names the person by id only: no personal number in any claim', async () => {
    const { token } = await mintToken(key, { kind: 'person', personId: PERSON, authority: false }, 60);
    const payload = decodeJwt(token);
    expect(payload).toMatchObject({ knd: 'person', pid: PERSON, auth: false, sub: `person:${PERSON}` });
    expect(payload).not.toHaveProperty('pnr');
    expect(Object.keys(payload).sort()).toEqual(['aud', 'auth', 'exp', 'iat', 'iss', 'knd', 'pid', 'sub']);
    const actor = await verifier()(token);
    expect(actor).toEqual({ kind: 'person', personId: PERSON, authority: false });
  });

  it('an older token\'s personal-number claim is ignored, and a person token naming nobody is refused', async () => {
    const old = await signed(key, (j) => j.setIssuedAt(now()).setExpirationTime(now() + 60));
    await expect(verifier()(old)).resolves.toEqual({ kind: 'person', personId: null, authority: true });
    const legacy = await new SignJWT({ knd: 'person', pnr: '191212121212', pid: PERSON, auth: false })
      .setProtectedHeader({ alg: TOKEN_ALG, kid: key.kid }).setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE).setSubject('person:x').setIssuedAt(now()).setExpirationTime(now() + 60).sign(key.privateKey);
    expect(await verifier()(legacy)).not.toHaveProperty('personalNumber');
    const nobody = await new SignJWT({ knd: 'person', pnr: '191212121212', pid: null, auth: false })
      .setProtectedHeader({ alg: TOKEN_ALG, kid: key.kid }).setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE).setSubject('person:x').setIssuedAt(now()).setExpirationTime(now() + 60).sign(key.privateKey);
    await expect(verifier()(nobody)).rejects.toThrow(/names no person/);
  });

  it('R-AUTH-3: a partner token carries its client id and a unique jti', async () => {
    const claims = { kind: 'client' as const, clientId: 'c0ffee00-0000-4000-8000-000000000001', organisationId: 'o', functions: ['CONTACT_PERSON'] };
    const [a, b] = [await mintToken(key, claims), await mintToken(key, claims)];
    const [va, vb] = [await verifier()(a.token), await verifier()(b.token)];
    expect(va).toMatchObject({ kind: 'client', clientId: claims.clientId });
    expect(va.kind === 'client' && va.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(va.kind === 'client' && vb.kind === 'client' && va.jti !== vb.jti).toBe(true);
  });
});
