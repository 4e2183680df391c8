import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** R-AGR-1/2: one access agreement per organisation, naming its starting permission administrator. */
export const AgreementEntity = defineEntity({
  name: 'Agreement',
  tableName: 'agreement',
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    organisationId: p.uuid().unique(),
    status: p.enum(['RECEIVED', 'ACTIVE', 'NEEDS_NEW_ADMINISTRATOR'] as const),
    receivedOn: p.date(),
    activateBy: p.date(),
    activatedAt: p.datetime().nullable(),
    /** Sealed (migration 003). */
    adminPersonalNumberHash: p.string(),
    adminPersonalNumberEnc: p.string(),
    adminGivenName: p.string(),
    adminSurname: p.string(),
    adminEmail: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type AgreementRow = InferEntity<typeof AgreementEntity>;
