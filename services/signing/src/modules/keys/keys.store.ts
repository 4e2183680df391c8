import type { EntityManager } from '@mikro-orm/postgresql';
import type { JWK } from 'jose';
import { defineTable } from '@behorig/kit/db';

/** Every public key this service ever signed with (append-only, migration 006). */
export const PUBLISHED_KEY = defineTable('signing.published_key', { kid: 'kid', jwk: 'jwk', publishedAt: 'published_at' }, { dates: ['publishedAt'] });

export const tables = [PUBLISHED_KEY];

const k = PUBLISHED_KEY.c;

/** All SQL of the keys feature. */
export function keysStore(em: EntityManager) {
  return {
    /** Publishes a key unless its kid is already published (then the stored key is kept, append-only). */
    async publish(kid: string, jwk: JWK): Promise<void> {
      await em.execute(`INSERT INTO ${PUBLISHED_KEY} (${k.kid}, ${k.jwk}) VALUES (?, ?::jsonb) ON CONFLICT (${k.kid}) DO NOTHING`, [kid, JSON.stringify(jwk)]);
    },
    async find(kid: string): Promise<JWK | null> {
      const [row] = await em.execute<{ jwk: JWK }[]>(`SELECT ${PUBLISHED_KEY.list(['jwk'])} FROM ${PUBLISHED_KEY} WHERE ${k.kid} = ?`, [kid]);
      return row?.jwk ?? null;
    },
    /** Oldest first. */
    async all(): Promise<JWK[]> {
      const rows = await em.execute<{ jwk: JWK }[]>(`SELECT ${PUBLISHED_KEY.list(['jwk'])} FROM ${PUBLISHED_KEY} ORDER BY ${k.publishedAt}, ${k.kid}`);
      return rows.map((r) => r.jwk);
    },
  };
}
