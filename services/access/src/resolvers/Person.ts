import type { MembershipResolvers, PersonResolvers, RoleAssignmentResolvers } from '../generated/resolvers-types';
import { visibleMemberships } from './visibility';

export const Person: PersonResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.person.load(ref.id),
  memberships: (person, _a, ctx) => visibleMemberships(ctx, person.id),
};

export const Membership: MembershipResolvers = {
  organisation: (m) => ({ __typename: 'Organisation', id: m.organisationId }),
  units: async (m, _a, { loaders }) => {
    const rows = await loaders.unitsByMembership.load(m.id);
    // A unit granted per school form appears once per form; the unit itself is listed once.
    return [...new Set(rows.map((r) => r.unitId))].map((id) => ({ __typename: 'Unit' as const, id }));
  },
  roles: (m, _a, { loaders }) => loaders.rolesByMembership.load(m.id),
};

export const RoleAssignment: RoleAssignmentResolvers = {
  role: async (a, _args, { loaders }) => (await loaders.role.load(a.roleCode))!,
};
