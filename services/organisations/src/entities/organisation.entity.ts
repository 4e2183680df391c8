import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** R-ORG-1. Foreign keys stay scalar ids: resolvers batch children through DataLoaders instead. */
export const OrganisationEntity = defineEntity({
  name: 'Organisation',
  tableName: 'organisation',
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    orgNumber: p.string().unique(),
    name: p.string(),
    kind: p.enum(['AUTHORITY', 'MUNICIPALITY', 'SUPPLIER', 'EDUCATION_PROVIDER'] as const),
    postalAddress: p.string().nullable(),
    phone: p.string().nullable(),
    fax: p.string().nullable(),
    website: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type OrganisationRow = InferEntity<typeof OrganisationEntity>;
