import { createTokenVerifier, generateSigningKeyJwk, mintToken, signingKeyFromJwk } from './auth';

describe('token verifier cache', () => {
  it('answers a repeated token from the cache, but never past its expiry or the cache window', async () => {
    const key = await signingKeyFromJwk(await generateSigningKeyJwk());
    let clock = Date.now();
    const verify = createTokenVerifier({ jwks: { keys: [key.publicJwk] } }, { cacheSeconds: 30, now: () => clock });
    const { token } = await mintToken(key, { kind: 'person', personId: 'p-1' }, 10);
    await expect(verify(token)).resolves.toMatchObject({ kind: 'person', personId: 'p-1' });
    await expect(verify(token)).resolves.toMatchObject({ kind: 'person' });
    clock += 11_000; // past the token's own exp (10 s): verified in full again, and refused
    await expect(verify(token)).rejects.toThrow(/exp/);
  });

  it('never caches a refusal: an altered token is checked in full every time', async () => {
    const key = await signingKeyFromJwk(await generateSigningKeyJwk());
    const verify = createTokenVerifier({ jwks: { keys: [key.publicJwk] } });
    const { token } = await mintToken(key, { kind: 'person', personId: 'p-1' });
    const [h, p, sig] = token.split('.');
    const altered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), auth: true })).toString('base64url')}.${sig}`;
    await expect(verify(token)).resolves.toMatchObject({ authority: false });
    await expect(verify(altered)).rejects.toThrow();
    await expect(verify(altered)).rejects.toThrow();
  });
});
