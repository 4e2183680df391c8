import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** An organisation's contact person (R-ORG-1). `updatedBy` is a display label, never a personal number. */
export const ContactPersonEntity = defineEntity({
  name: 'ContactPerson',
  tableName: 'contact_person',
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    organisationId: p.uuid().index(),
    givenName: p.string(),
    surname: p.string(),
    email: p.string().nullable(),
    phone1: p.string().nullable(),
    phone2: p.string().nullable(),
    adminContact: p.boolean(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
    updatedBy: p.string(),
  }),
});
export type ContactPersonRow = InferEntity<typeof ContactPersonEntity>;

/** A bankgiro or plusgiro account of an organisation (R-ORG-1); exactly one is the default. */
export const PaymentAccountEntity = defineEntity({
  name: 'PaymentAccount',
  tableName: 'payment_account',
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    organisationId: p.uuid().index(),
    type: p.enum(['BANKGIRO', 'PLUSGIRO'] as const),
    number: p.string(),
    reviewStatus: p.enum(['NOT_REVIEWED', 'REVIEWED', 'REJECTED'] as const),
    isDefault: p.boolean(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
    updatedBy: p.string(),
  }),
});
export type PaymentAccountRow = InferEntity<typeof PaymentAccountEntity>;
