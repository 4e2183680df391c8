import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createLocalJWKSet, createRemoteJWKSet, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { unauthenticated } from './errors';

/**
 * Tokens (docs/api.md): ES256 JWTs signed by the signing service's key and published as a JWKS.
 * The gateway and every subgraph verify them with the same code, so a subgraph reached directly
 * is as strict as one reached through the gateway.
 */
export const TOKEN_ISSUER = 'behorig-signing';
export const TOKEN_AUDIENCE = 'behorig';
export const TOKEN_ALG = 'ES256';

export type Actor =
  /** A person is named by id only; tokens never carry a personal number (docs/security.md). Authority staff without a person record have `personId: null`. */
  | { kind: 'person'; personId: string | null; authority: boolean }
  | { kind: 'client'; clientId: string; organisationId: string; functions: string[]; jti?: string }
  | { kind: 'service'; service: string };

export interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  publicJwk: JWK;
}

export async function generateSigningKeyJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(TOKEN_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, alg: TOKEN_ALG, use: 'sig', kid: `behorig-${Date.now().toString(36)}` };
}

export async function signingKeyFromJwk(jwk: JWK): Promise<SigningKey> {
  if (!jwk.d || jwk.kty !== 'EC') throw new Error('The signing key must be a private EC (P-256) JWK.');
  const privateKey = (await importJWK({ ...jwk, alg: TOKEN_ALG }, TOKEN_ALG)) as KeyLike;
  const { d: _private, ...publicJwk } = jwk;
  return { kid: jwk.kid ?? 'behorig', privateKey, publicJwk: { ...publicJwk, alg: TOKEN_ALG, use: 'sig', kid: jwk.kid ?? 'behorig' } };
}

/**
 * Development only: a key kept in `.data/keys/` so that tokens minted by `npm run token`
 * stay valid across restarts. Production refuses to start without a configured key (see the
 * signing service's env.ts).
 */
export async function loadOrCreateDevSigningKey(path: string): Promise<SigningKey> {
  if (existsSync(path)) return signingKeyFromJwk(JSON.parse(readFileSync(path, 'utf8')));
  const jwk = await generateSigningKeyJwk();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(jwk), { mode: 0o600 });
  return signingKeyFromJwk(jwk);
}

export interface PersonClaims { kind: 'person'; personId: string | null; authority?: boolean }
export interface ClientClaims { kind: 'client'; clientId: string; organisationId: string; functions: string[] }
export interface ServiceClaims { kind: 'service'; service: string }

export async function mintToken(key: SigningKey, claims: PersonClaims | ClientClaims | ServiceClaims, ttlSeconds = 3600): Promise<{ token: string; expiresAt: Date }> {
  const now = Math.floor(Date.now() / 1000);
  const expiresAt = new Date((now + ttlSeconds) * 1000);
  // The subject names a person by id only (authority staff without a person record: 'person:authority'), never by number.
  const subject = claims.kind === 'person' ? `person:${claims.personId ?? (claims.authority ? 'authority' : 'unknown')}` : claims.kind === 'client' ? `client:${claims.clientId}` : `service:${claims.service}`;
  const payload: Record<string, unknown> =
    claims.kind === 'person'
      ? { knd: 'person', pid: claims.personId ?? null, auth: claims.authority ?? false }
      : claims.kind === 'client'
        ? { knd: 'client', cid: claims.clientId, org: claims.organisationId, fns: claims.functions }
        : { knd: 'service' };
  const jwt = new SignJWT(payload);
  // R-AUTH-3: a partner token names its client and has its own id, so one token can be told apart.
  if (claims.kind === 'client') jwt.setJti(randomUUID());
  const token = await jwt
    .setProtectedHeader({ alg: TOKEN_ALG, kid: key.kid, typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(subject)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(key.privateKey);
  return { token, expiresAt };
}

export type TokenVerifier = (token: string) => Promise<Actor>;

/** A verifier over a JWKS: remote (`JWKS_URL`, cached by jose) or a local key set (tests). */
/**
 * Verified tokens are remembered for a short while (at most `cacheSeconds`, never past their own
 * `exp`): every request passes through the gateway and one or more subgraphs, and an ES256
 * verification measured ~5–7 % of each process's busy CPU under load. Only the exact token
 * string that verified is remembered, so a forged or altered token is always checked in full.
 */
export interface TokenVerifierOptions { cacheSeconds?: number; cacheSize?: number; now?: () => number }

/** Where verifiers find keys: a remote JWKS, a local key set, or a key resolver (the signing service's own published keys). */
export type KeySource = { jwksUrl: string } | { jwks: { keys: JWK[] } } | { getKey: JWTVerifyGetKey };

export function createTokenVerifier(source: KeySource, options: TokenVerifierOptions = {}): TokenVerifier {
  const now = options.now ?? Date.now;
  const verifyOnce = createUncachedTokenVerifier(source, now);
  const cacheMs = (options.cacheSeconds ?? 30) * 1000;
  const maxSize = options.cacheSize ?? 10_000;
  const cache = new Map<string, { actor: Actor; until: number }>();
  if (cacheMs <= 0) return verifyOnce;
  return async (token) => {
    const hit = cache.get(token);
    if (hit && hit.until > now()) return hit.actor;
    if (hit) cache.delete(token);
    const actor = await verifyOnce(token);
    const exp = decodeExp(token);
    if (cache.size >= maxSize) cache.delete(cache.keys().next().value as string);
    cache.set(token, { actor, until: Math.min(now() + cacheMs, exp ?? 0) });
    return actor;
  };
}

/** `exp` in ms from a token that has just verified (so its payload is trustworthy). */
function decodeExp(token: string): number | null {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { exp?: number };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}

function createUncachedTokenVerifier(source: KeySource, now: () => number): TokenVerifier {
  const getKey: JWTVerifyGetKey = 'getKey' in source ? source.getKey : 'jwksUrl' in source
    ? createRemoteJWKSet(new URL(source.jwksUrl), { cooldownDuration: 5_000, cacheMaxAge: 600_000 })
    : createLocalJWKSet(source.jwks);
  return async (token) => {
    // Only ES256: rejects `alg: none` and HMAC-with-public-key confusion outright.
    // Tokens always expire (docs/security.md): `exp` and `iat` are required; `nbf` is checked when present.
    const { payload, protectedHeader } = await jwtVerify(token, getKey, {
      issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: [TOKEN_ALG], currentDate: new Date(now()), requiredClaims: ['exp', 'iat'],
    });
    if (protectedHeader.alg !== TOKEN_ALG) throw new Error('unexpected algorithm');
    assertIssuedInPast(payload.iat, now());
    const sub = String(payload.sub ?? '');
    switch (payload.knd) {
      case 'person':
        // A person is its id (or, for authority staff without a person record, the authority flag); any
        // other claim (an older token's `pnr`) is ignored so that nothing downstream can come to rely on it.
        if (typeof payload.pid !== 'string' && payload.auth !== true) throw new Error('person token names no person');
        return { kind: 'person', personId: typeof payload.pid === 'string' ? payload.pid : null, authority: payload.auth === true };
      case 'client':
        return {
          kind: 'client', clientId: typeof payload.cid === 'string' ? payload.cid : sub.replace(/^client:/, ''), organisationId: String(payload.org),
          functions: Array.isArray(payload.fns) ? payload.fns.map(String) : [], ...(typeof payload.jti === 'string' ? { jti: payload.jti } : {}),
        };
      case 'service':
        return { kind: 'service', service: sub.replace(/^service:/, '') };
      default:
        throw new Error('unknown token kind');
    }
  };
}

/** A token "issued" in the future is forged or from a wrong clock: refused beyond a minute of skew. */
export const CLOCK_SKEW_SECONDS = 60;
export function assertIssuedInPast(iat: unknown, nowMs: number): void {
  if (typeof iat !== 'number' || !Number.isFinite(iat)) throw Object.assign(new Error('"iat" claim must be a number'), { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED' });
  if (iat * 1000 > nowMs + CLOCK_SKEW_SECONDS * 1000) throw Object.assign(new Error('"iat" claim lies in the future'), { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED' });
}

/**
 * Reads `Authorization: Bearer …`. No header → null (the operation decides whether it needs a
 * signed-in actor); a header with a bad, expired or forged token → UNAUTHENTICATED at once.
 */
export async function actorFromAuthorization(header: string | undefined | null, verify: TokenVerifier): Promise<Actor | null> {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) throw unauthenticated('The Authorization header must be "Bearer <token>".', 'AUTHORIZATION_HEADER_MALFORMED');
  try {
    return await verify(m[1]);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_CLIENT_REVOKED') throw unauthenticated('This partner client has been revoked.', 'CLIENT_REVOKED');
    const expired = code === 'ERR_JWT_EXPIRED';
    throw expired ? unauthenticated('Your session has expired; sign in again.', 'SESSION_EXPIRED') : unauthenticated('The token is not valid.', 'TOKEN_INVALID');
  }
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

export const isAuthority = (actor: Actor | null): boolean => actor?.kind === 'person' && actor.authority;
