import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** One row per human, keyed by the canonical 12-digit personal number (R-USR-1, R-ID-1). */
export const PersonEntity = defineEntity({
  name: 'Person',
  tableName: 'person',
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    personalNumber: p.string().unique(),
    givenName: p.string(),
    surname: p.string(),
    email: p.string().nullable(),
    birthDate: p.date(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type PersonRow = InferEntity<typeof PersonEntity>;
