import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** The role catalogue is data, not code (R-ROLE-1); grants form the role matrix (R-ROLE-2). */
export const RoleEntity = defineEntity({
  name: 'Role',
  tableName: 'role',
  properties: (p) => ({
    code: p.string().primary(),
    name: p.string(),
    system: p.string(),
    orgWideOnly: p.boolean(),
    isPermissionAdmin: p.boolean(),
    isResponsible: p.boolean(),
    sortOrder: p.integer(),
  }),
});
export type RoleRow = InferEntity<typeof RoleEntity>;

export const RoleGrantEntity = defineEntity({
  name: 'RoleGrant',
  tableName: 'role_grant',
  properties: (p) => ({
    roleCode: p.string().primary(),
    function: p.string().primary(),
    access: p.enum(['READ', 'UPDATE'] as const),
  }),
});
export type RoleGrantRow = InferEntity<typeof RoleGrantEntity>;
