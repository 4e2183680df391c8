import type { SigningKey } from '@behorig/kit/auth';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createLocalJWKSet, type JWK, type JWTVerifyGetKey } from 'jose';
import { keysStore } from './keys.store';

/**
 * The keys this service publishes at /.well-known/jwks.json: its current key and every key it
 * signed with before (signing.published_key, append-only). Rotating the key is a new
 * SIGNING_PRIVATE_JWK and a rolling restart: the new key is published before it signs anything,
 * the old one stays published, so tokens signed with it verify until they expire and receipts
 * and audit checkpoints verify for good (docs/evidence.md).
 */
export interface PublishedKeys {
  /** Publishes the current key (idempotent) and loads every published key. Call once the schema exists. */
  publish(): Promise<void>;
  /** The JWKS as served, reloaded from the database at most every few seconds. */
  jwks(): Promise<{ keys: JWK[] }>;
  /** Resolves a JWS header's kid among the published keys; an unknown kid reloads them once. */
  getKey: JWTVerifyGetKey;
}

export function createPublishedKeys(orm: () => MikroORM, current: SigningKey, maxAgeMs = 5000): PublishedKeys {
  let set = { keys: [current.publicJwk] as JWK[] };
  let local = createLocalJWKSet(set);
  let loadedAt = 0;
  const reload = async () => {
    const keys = await keysStore(orm().em.fork()).all();
    if (!keys.some((k) => k.kid === current.kid)) keys.push(current.publicJwk);
    set = { keys };
    local = createLocalJWKSet(set);
    loadedAt = Date.now();
  };
  return {
    async publish() {
      const store = keysStore(orm().em.fork());
      await store.publish(current.kid, current.publicJwk);
      const stored = await store.find(current.kid);
      if (stored?.x !== current.publicJwk.x || stored?.y !== current.publicJwk.y) {
        throw new Error(`The key id "${current.kid}" is already published for another key: give the new signing key its own kid.`);
      }
      await reload();
    },
    async jwks() {
      if (Date.now() - loadedAt > maxAgeMs) await reload();
      return set;
    },
    getKey: async (header, token) => {
      try {
        return await local(header, token);
      } catch (e) {
        // Another replica may have started with a new key: look again before refusing.
        if ((e as { code?: string }).code !== 'ERR_JWKS_NO_MATCHING_KEY' || Date.now() - loadedAt < 1000) throw e;
        await reload();
        return local(header, token);
      }
    },
  };
}
