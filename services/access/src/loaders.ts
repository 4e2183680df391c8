import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childrenLoader } from '@behorig/kit';
import { PersonEntity, type PersonRow } from './entities/person.entity';
import { MembershipEntity, MembershipUnitEntity, RoleAssignmentEntity, type MembershipRow, type MembershipUnitRow, type RoleAssignmentRow } from './entities/membership.entity';
import { RoleEntity, type RoleRow } from './entities/role.entity';

/** One SQL statement per batch: `WHERE … IN (...)` — never one per item (house style 3). */
export function createLoaders(em: EntityManager) {
  return {
    person: byIdLoader<PersonRow>((ids) => em.find(PersonEntity, { id: { $in: [...ids] } }), (p) => p.id),
    role: byIdLoader<RoleRow>((codes) => em.find(RoleEntity, { code: { $in: [...codes] } }), (r) => r.code),
    membershipsByPerson: childrenLoader<MembershipRow>((ids) => em.find(MembershipEntity, { personId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc' } }), (m) => m.personId),
    unitsByMembership: childrenLoader<MembershipUnitRow>((ids) => em.find(MembershipUnitEntity, { membershipId: { $in: [...ids] } }), (u) => u.membershipId),
    rolesByMembership: childrenLoader<RoleAssignmentRow>((ids) => em.find(RoleAssignmentEntity, { membershipId: { $in: [...ids] } }, { orderBy: { validFrom: 'asc' } }), (r) => r.membershipId),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
