import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** The authority's service catalogue (R-ORG-2) and the school-form catalogue (R-ORG-5): reference data keyed by code. */
export const ServiceEntity = defineEntity({
  name: 'Service',
  tableName: 'service',
  properties: (p) => ({
    code: p.string().primary(),
    name: p.string(),
  }),
});
export type ServiceRow = InferEntity<typeof ServiceEntity>;

export const SchoolFormEntity = defineEntity({
  name: 'SchoolForm',
  tableName: 'school_form',
  properties: (p) => ({
    code: p.string().primary(),
    name: p.string(),
  }),
});
export type SchoolFormRow = InferEntity<typeof SchoolFormEntity>;
