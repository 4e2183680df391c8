import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, SignJWT, type JWK } from 'jose';
import type { NextFunction, Request, Response } from 'express';
import { assertIssuedInPast, generateSigningKeyJwk, signingKeyFromJwk, TOKEN_ALG, type SigningKey } from './auth';

/**
 * Service credentials (R-AUTH-4, docs/security.md): a service calling another presents a
 * short-lived ES256 token signed with its OWN key. `sub` names the calling service, `aud` the
 * called one, `iss` is always `behorig-service` and the header's `typ` is `service+jwt`, so a
 * session token can never pass as one and one service's credential is worth nothing at another.
 * The receiver verifies it with the public keys of the service that `sub` names, and only those:
 * access's key cannot vouch for "signing". There is no shared secret and no default key.
 */
export const SERVICE_NAMES = ['gateway', 'organisations', 'access', 'signing'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
export const isServiceName = (s: unknown): s is ServiceName => typeof s === 'string' && (SERVICE_NAMES as readonly string[]).includes(s);

/** The header that carries the credential (Authorization stays the end user's, forwarded as it came). */
export const SERVICE_CREDENTIAL_HEADER = 'x-service-credential';
export const SERVICE_CREDENTIAL_ISSUER = 'behorig-service';
export const SERVICE_CREDENTIAL_TYPE = 'service+jwt';
/** No credential lives longer than this (R-AUTH-4). */
export const SERVICE_CREDENTIAL_MAX_SECONDS = 300;
/** What this kit mints: two minutes, reused while more than one minute is left. */
const MINT_SECONDS = 120;
const REUSE_WHILE_SECONDS_LEFT = 60;

/** Public keys a receiver trusts, per calling service: a JWKS each. */
export type ServicePublicKeys = Partial<Record<ServiceName, { keys: JWK[] }>>;
/** Where those keys come from: fixed (production configuration, tests) or looked up when needed (the development key folder). */
export type ServiceKeyLookup = (service: ServiceName) => { keys: JWK[] } | undefined;

export class ServiceCredentialError extends Error {
  override readonly name = 'ServiceCredentialError';
  constructor(readonly problem: 'missing' | 'malformed' | 'not_allowed' | 'unknown_key' | 'invalid' | 'expired' | 'too_long_lived', message: string) {
    super(message);
  }
}

export interface ServiceCredentials {
  /** This service's name: the `sub` of what it mints, the `aud` it accepts. */
  readonly service: ServiceName;
  /** This service's public key set (publish or configure it at the receivers). */
  readonly jwks: { keys: JWK[] };
  /** A credential for calls to `audience` (≤ 5 min; the same one is reused while it has a minute left). */
  mint(audience: ServiceName): Promise<string>;
  /** JSON headers for one call to `audience`, with the credential and any `extra` (e.g. the user's Authorization). */
  headers(audience: ServiceName, extra?: Record<string, string | undefined>): Promise<Record<string, string>>;
  /**
   * Verifies a credential presented to THIS service and returns the calling service, which must be
   * one of `from`. Throws ServiceCredentialError (nothing about the caller is believed then).
   */
  verify(token: string | null | undefined, from: readonly ServiceName[]): Promise<ServiceName>;
}

export function createServiceCredentials(opts: { service: ServiceName; key: SigningKey; trusted: ServicePublicKeys | ServiceKeyLookup; now?: () => number }): ServiceCredentials {
  const now = opts.now ?? Date.now;
  const lookup: ServiceKeyLookup = typeof opts.trusted === 'function' ? opts.trusted : (s) => (opts.trusted as ServicePublicKeys)[s];
  const minted = new Map<ServiceName, { token: string; exp: number }>();
  // Verified credentials are remembered until shortly before they expire: the gateway sends the
  // same one with every request for two minutes, and ES256 verification is not free.
  const verified = new Map<string, { caller: ServiceName; until: number }>();

  async function mint(audience: ServiceName): Promise<string> {
    const t = Math.floor(now() / 1000);
    const hit = minted.get(audience);
    if (hit && hit.exp - t > REUSE_WHILE_SECONDS_LEFT) return hit.token;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: TOKEN_ALG, kid: opts.key.kid, typ: SERVICE_CREDENTIAL_TYPE })
      .setIssuer(SERVICE_CREDENTIAL_ISSUER)
      .setSubject(opts.service)
      .setAudience(audience)
      .setIssuedAt(t)
      .setExpirationTime(t + MINT_SECONDS)
      .sign(opts.key.privateKey);
    minted.set(audience, { token, exp: t + MINT_SECONDS });
    return token;
  }

  async function verify(token: string | null | undefined, from: readonly ServiceName[]): Promise<ServiceName> {
    if (!token) throw new ServiceCredentialError('missing', 'no service credential');
    const hit = verified.get(token);
    if (hit && hit.until > now()) {
      if (!from.includes(hit.caller)) throw new ServiceCredentialError('not_allowed', `${hit.caller} may not call this endpoint`);
      return hit.caller;
    }
    let claimed: unknown;
    try {
      if (decodeProtectedHeader(token).typ !== SERVICE_CREDENTIAL_TYPE) throw new Error('not a service credential');
      claimed = decodeJwt(token).sub;
    } catch {
      throw new ServiceCredentialError('malformed', 'not a service credential');
    }
    if (!isServiceName(claimed) || !from.includes(claimed)) throw new ServiceCredentialError('not_allowed', `${String(claimed)} may not call this endpoint`);
    const keys = lookup(claimed);
    if (!keys?.keys.length) throw new ServiceCredentialError('unknown_key', `no public key of ${claimed} is configured`);
    let payload;
    try {
      ({ payload } = await jwtVerify(token, createLocalJWKSet(keys), {
        issuer: SERVICE_CREDENTIAL_ISSUER, audience: opts.service, subject: claimed, algorithms: [TOKEN_ALG], typ: SERVICE_CREDENTIAL_TYPE,
        requiredClaims: ['exp', 'iat', 'sub', 'aud'], currentDate: new Date(now()),
      }));
      assertIssuedInPast(payload.iat, now());
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') throw new ServiceCredentialError('expired', 'the service credential has expired');
      throw new ServiceCredentialError('invalid', `the service credential is not valid (${code ?? 'bad signature'})`);
    }
    if ((payload.exp as number) - (payload.iat as number) > SERVICE_CREDENTIAL_MAX_SECONDS) {
      throw new ServiceCredentialError('too_long_lived', `a service credential may live at most ${SERVICE_CREDENTIAL_MAX_SECONDS} s`);
    }
    if (verified.size >= 1000) verified.delete(verified.keys().next().value as string);
    verified.set(token, { caller: claimed, until: Math.min(now() + 60_000, (payload.exp as number) * 1000 - 5_000) });
    return claimed;
  }

  return {
    service: opts.service,
    jwks: { keys: [opts.key.publicJwk] },
    mint,
    async headers(audience, extra = {}) {
      const defined = Object.fromEntries(Object.entries(extra).filter((e): e is [string, string] => typeof e[1] === 'string'));
      return { 'content-type': 'application/json', ...defined, [SERVICE_CREDENTIAL_HEADER]: await mint(audience) };
    },
    verify,
  };
}

/**
 * Express guard of a `/internal/...` endpoint: only the named services, each with a valid
 * credential for THIS service. 401 otherwise, before the body is read. The verified caller is in
 * `res.locals.callerService` (see `callerServiceOf`).
 */
export function requireServiceCredential(credentials: ServiceCredentials, from: readonly ServiceName[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    credentials.verify(String(req.headers[SERVICE_CREDENTIAL_HEADER] ?? '') || undefined, from).then(
      (caller) => {
        res.locals.callerService = caller;
        next();
      },
      (e: unknown) => {
        res.status(401).json({ error: 'unauthorised', message: e instanceof ServiceCredentialError ? e.message : 'service credential refused' });
      },
    );
  };
}

/** The service whose credential `requireServiceCredential` accepted for this request. */
export function callerServiceOf(res: Response): ServiceName {
  const caller = res.locals.callerService;
  if (!isServiceName(caller)) throw new Error('callerServiceOf: the route has no requireServiceCredential guard');
  return caller;
}

/**
 * The end user's address (BankID's `endUserIp`). Only the gateway knows it: it takes it from the
 * socket, or from X-Forwarded-For when the direct peer is a configured trusted proxy, and passes it
 * on in `x-client-address` together with its service credential. A subgraph believes that header
 * only with a valid credential of the gateway, and never a client's own X-Forwarded-For: otherwise
 * the address is the socket's (a caller that reaches a subgraph directly).
 */
export const CLIENT_ADDRESS_HEADER = 'x-client-address';

const VOUCHED = Symbol('behorig.clientAddressVouched');
type AddressRequest = { headers: Record<string, unknown>; socket?: { remoteAddress?: string } };

/**
 * Checks, once per request and before the GraphQL context is made (kit createSubgraph does it),
 * whether the gateway vouches for `x-client-address` with its credential for this service.
 */
export async function vouchClientAddress(req: AddressRequest | undefined, credentials: ServiceCredentials): Promise<void> {
  if (!req) return;
  const claimed = req.headers[CLIENT_ADDRESS_HEADER];
  if (typeof claimed !== 'string' || !/^[0-9a-fA-F:.]{2,45}$/.test(claimed)) return;
  const credential = req.headers[SERVICE_CREDENTIAL_HEADER];
  const fromGateway = await credentials.verify(typeof credential === 'string' ? credential : undefined, ['gateway']).then(() => true, () => false);
  if (fromGateway) (req as AddressRequest & { [VOUCHED]?: string })[VOUCHED] = claimed.replace(/^::ffff:/, '');
}

/** The end user's address: the one the gateway vouched for (vouchClientAddress), else the socket's. */
export function clientAddressOf(req: AddressRequest | undefined): string {
  const vouched = (req as (AddressRequest & { [VOUCHED]?: string }) | undefined)?.[VOUCHED];
  return vouched ?? (req?.socket?.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
}

/**
 * A service built without configured credentials (a test that makes no service-to-service
 * call): a fresh random key that nobody trusts and that trusts nobody, so every internal endpoint
 * and every `x-client-address` is refused. Never a shared or well-known key.
 */
export async function untrustingServiceCredentials(service: ServiceName): Promise<ServiceCredentials> {
  return createServiceCredentials({ service, key: await signingKeyFromJwk(await generateSigningKeyJwk()), trusted: {} });
}

/**
 * Loads this service's credentials from its configuration (each service's env.ts names the variables):
 * - production: `SERVICE_PRIVATE_JWK` (this service's private ES256 JWK, from a secret) and
 *   `SERVICE_PUBLIC_KEYS` (JSON: service name → its public JWK or JWKS, from a config map) are
 *   required; without them the service refuses to start (docs/security.md, docs/deploy.md);
 * - development: a key generated on first start under `keysDir` (`.data/keys/`, like the signing
 *   key) as `service-<name>.json`, its public half beside it as `service-<name>.jwks.json`; the
 *   other services' public halves are read from the same folder when they first call.
 */
export async function loadServiceCredentials(opts: {
  service: ServiceName;
  production: boolean;
  privateJwk?: string;
  publicKeys?: string;
  keysDir: string;
}): Promise<ServiceCredentials> {
  if (opts.production && (!opts.privateJwk || !opts.publicKeys)) {
    throw new Error('SERVICE_PRIVATE_JWK and SERVICE_PUBLIC_KEYS are required in production: services authenticate to each other with their own keys (docs/security.md), and no default exists.');
  }
  const key = opts.privateJwk ? await signingKeyFromJwk(JSON.parse(opts.privateJwk) as JWK) : await loadOrCreateDevServiceKey(opts.keysDir, opts.service);
  if (opts.publicKeys) return createServiceCredentials({ service: opts.service, key, trusted: parseServicePublicKeys(opts.publicKeys) });
  return createServiceCredentials({ service: opts.service, key, trusted: devKeyFolderLookup(opts.keysDir) });
}

/** `SERVICE_PUBLIC_KEYS`: `{"signing": {"keys": [...]}, "access": {…a JWK…}, …}`; private parts are refused. */
export function parseServicePublicKeys(json: string): ServicePublicKeys {
  const parsed = JSON.parse(json) as Record<string, JWK | { keys: JWK[] }>;
  const out: ServicePublicKeys = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (!isServiceName(name)) throw new Error(`SERVICE_PUBLIC_KEYS: unknown service ${name}`);
    const keys = 'keys' in value && Array.isArray(value.keys) ? value.keys : [value as JWK];
    if (keys.some((k) => 'd' in k)) throw new Error(`SERVICE_PUBLIC_KEYS: the key of ${name} contains a private part`);
    out[name] = { keys };
  }
  return out;
}

async function loadOrCreateDevServiceKey(dir: string, service: ServiceName): Promise<SigningKey> {
  const path = join(dir, `service-${service}.json`);
  let key: SigningKey;
  if (existsSync(path)) {
    key = await signingKeyFromJwk(JSON.parse(readFileSync(path, 'utf8')) as JWK);
  } else {
    const jwk = await generateSigningKeyJwk();
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, JSON.stringify({ ...jwk, kid: `service-${service}-${jwk.kid}` }), { mode: 0o600 });
    key = await signingKeyFromJwk(JSON.parse(readFileSync(path, 'utf8')) as JWK);
  }
  writeFileSync(join(dir, `service-${service}.jwks.json`), JSON.stringify({ keys: [key.publicJwk] }));
  return key;
}

/** Development: the peers' public keys from the shared key folder, re-read at most every 5 s (a peer may start later). */
function devKeyFolderLookup(dir: string): ServiceKeyLookup {
  const cache = new Map<ServiceName, { keys: { keys: JWK[] } | undefined; at: number }>();
  return (service) => {
    const hit = cache.get(service);
    if (hit && Date.now() - hit.at < 5_000) return hit.keys;
    const path = join(dir, `service-${service}.jwks.json`);
    const keys = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { keys: JWK[] }) : undefined;
    cache.set(service, { keys, at: Date.now() });
    return keys;
  };
}
