import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A performing unit of one organisation for one service (R-ORG-3). */
export const UnitEntity = defineEntity({
  name: 'Unit',
  tableName: 'unit',
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    organisationId: p.uuid().index(),
    serviceCode: p.string(),
    name: p.string(),
    /** Closed units keep their history; closing never deletes. */
    closedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type UnitRow = InferEntity<typeof UnitEntity>;

/** R-ORG-5: which school forms a unit carries. */
export const UnitSchoolFormEntity = defineEntity({
  name: 'UnitSchoolForm',
  tableName: 'unit_school_form',
  properties: (p) => ({
    unitId: p.uuid().primary(),
    schoolFormCode: p.string().primary(),
  }),
});
export type UnitSchoolFormRow = InferEntity<typeof UnitSchoolFormEntity>;

export const AddressEntity = defineEntity({
  name: 'Address',
  tableName: 'address',
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    unitId: p.uuid().index(),
    street: p.string(),
    postalCode: p.string(),
    city: p.string(),
  }),
});
export type AddressRow = InferEntity<typeof AddressEntity>;
