import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** Level 1 (R-USR-2): a person's membership of one organisation (organisation ids come from the organisations subgraph). */
export const MembershipEntity = defineEntity({
  name: 'Membership',
  tableName: 'membership',
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    personId: p.uuid().index(),
    organisationId: p.uuid().index(),
    /** Optimistic locking (migration 004): +1 on every write concerning the person here. */
    version: p.integer().default(1),
    /** R-USR-5: contact details belong to the membership, never to the shared identity row. */
    email: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type MembershipRow = InferEntity<typeof MembershipEntity>;

/** Level 2: a unit (and optionally one school form of it, R-ORG-5; null = all of them). */
export const MembershipUnitEntity = defineEntity({
  name: 'MembershipUnit',
  tableName: 'membership_unit',
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    membershipId: p.uuid().index(),
    unitId: p.uuid(),
    schoolFormCode: p.string().nullable(),
    /** R-END-2: the employment at this unit ends after this day (null = no end date). */
    validTo: p.date().nullable(),
    /** R-USR-2 level two (migration 006): the offices of the unit; null = all of them, including later ones. Written with SQL only. */
    addressIds: p.array<string>().nullable(),
  }),
});
export type MembershipUnitRow = InferEntity<typeof MembershipUnitEntity>;

/** Level 3: a role with its authorisation period (R-PERIOD-1; validTo inclusive, null = open-ended). */
export const RoleAssignmentEntity = defineEntity({
  name: 'RoleAssignment',
  tableName: 'role_assignment',
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    membershipId: p.uuid().index(),
    roleCode: p.string(),
    validFrom: p.date(),
    validTo: p.date().nullable(),
  }),
});
export type RoleAssignmentRow = InferEntity<typeof RoleAssignmentEntity>;
