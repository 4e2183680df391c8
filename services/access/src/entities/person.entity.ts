import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * One row per human, keyed by the canonical 12-digit personal number (R-USR-1, R-ID-1) — stored
 * only sealed (migration 003): the keyed hash finds and de-duplicates, the ciphertext is opened
 * only for someone allowed to manage the person (see personal-data.ts).
 */
export const PersonEntity = defineEntity({
  name: 'Person',
  tableName: 'person',
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    personalNumberHash: p.string().unique(),
    personalNumberEnc: p.string(),
    givenName: p.string(),
    surname: p.string(),
    birthDate: p.date(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type PersonRow = InferEntity<typeof PersonEntity>;
