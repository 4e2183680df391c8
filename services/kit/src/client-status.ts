import { createTokenVerifier, type Actor, type TokenVerifier } from './auth';

/**
 * R-AUTH-3: revoking a partner client stops its already-issued tokens within seconds. Every
 * verifier asks the client's current status (live or revoked, and its granted functions) on every
 * request, remembered for at most `ttlMs` (5 s) per client; the replica that revokes forgets it at
 * once (`invalidate`). The status source is the signing service: its own table there, and
 * `POST /oauth/introspect` (RFC 7662, the token itself as the question) everywhere else.
 */
export interface ClientStatus { active: boolean; functions: string[] }
export type ClientStatusLookup = (clientId: string, token: string) => Promise<ClientStatus>;

export interface ClientStatusCache {
  get(clientId: string, token: string): Promise<ClientStatus>;
  invalidate(clientId: string): void;
}

export const CLIENT_STATUS_TTL_MS = 5_000;

export function createClientStatusCache(lookup: ClientStatusLookup, options: { ttlMs?: number; now?: () => number; maxSize?: number } = {}): ClientStatusCache {
  const ttl = Math.min(options.ttlMs ?? CLIENT_STATUS_TTL_MS, CLIENT_STATUS_TTL_MS);
  const now = options.now ?? Date.now;
  const maxSize = options.maxSize ?? 10_000;
  const cache = new Map<string, { status: Promise<ClientStatus>; until: number }>();
  return {
    async get(clientId, token) {
      const hit = cache.get(clientId);
      if (hit && hit.until > now()) return hit.status;
      const status = lookup(clientId, token);
      if (cache.size >= maxSize) cache.delete(cache.keys().next().value as string);
      cache.set(clientId, { status, until: now() + ttl });
      // A failed look-up is never remembered: the next request asks again.
      status.catch(() => { if (cache.get(clientId)?.status === status) cache.delete(clientId); });
      return status;
    },
    invalidate(clientId) {
      cache.delete(clientId);
    },
  };
}

/**
 * Wraps a token verifier: a partner client's token passes only while the client is live, and acts
 * with exactly the functions it holds NOW (a token minted before a change carries no more).
 */
export function withClientStatus(verify: TokenVerifier, statuses: ClientStatusCache): TokenVerifier {
  return async (token) => {
    const actor: Actor = await verify(token);
    if (actor.kind !== 'client') return actor;
    const status = await statuses.get(actor.clientId, token);
    if (!status.active) throw Object.assign(new Error('The partner client has been revoked.'), { code: 'ERR_CLIENT_REVOKED' });
    return { ...actor, functions: actor.functions.filter((f) => status.functions.includes(f)) };
  };
}

/** The look-up over HTTP: `POST <signing>/oauth/introspect` with the client's own token. */
export function httpClientStatusLookup(introspectUrl: string, timeoutMs = 3_000): ClientStatusLookup {
  return async (_clientId, token) => {
    const res = await fetch(introspectUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new Error(`The token introspection answered ${res.status}.`);
    const body = (await res.json()) as { active?: boolean; scope?: string };
    return { active: body.active === true, functions: typeof body.scope === 'string' && body.scope ? body.scope.split(' ') : [] };
  };
}

/**
 * The verifier every service but signing runs: tokens checked against the JWKS, partner clients'
 * status asked at the same signing service (`/oauth/introspect` beside `/.well-known/jwks.json`).
 */
export function createServiceTokenVerifier(jwksUrl: string): TokenVerifier {
  const statuses = createClientStatusCache(httpClientStatusLookup(new URL('/oauth/introspect', jwksUrl).toString()));
  return withClientStatus(createTokenVerifier({ jwksUrl }), statuses);
}
