import { isUuid, requireActor } from '@behorig/kit';
import type { EmploymentResolvers, MembershipResolvers, PersonResolvers, RoleAssignmentResolvers } from '../generated/resolvers-types';
import { canSeePerson, visibleMemberships } from './visibility';
import { unitActiveOn } from '../access-data';
import { permissionScopesIndexed } from '../modules/permission-index/permission-index.service';
import { guard } from '../errors';
import { personalNumberFor } from '../personal-data';

export const Person: PersonResolvers = {
  /**
   * R-AUTH-4: a reference answers exactly as `person(id)` does. An invisible person resolves to
   * null (nothing of them leaves), so a nullable reference such as an audit event's actor shows
   * nobody instead of failing the whole list.
   */
  __resolveReference: async (ref, ctx) => {
    requireActor(ctx.actor);
    if (!isUuid(ref.id)) return null;
    return (await canSeePerson(ctx, ref.id)) ? ctx.loaders.person.load(ref.id) : null;
  },
  personalNumber: (person, _a, ctx) => personalNumberFor(ctx, person),
  /** R-USR-5: the e-mail of the membership the viewer sees (their own organisation's first). */
  email: async (person, _a, ctx) => (await visibleMemberships(ctx, person.id)).find((m) => m.email)?.email ?? null,
  memberships: (person, _a, ctx) => visibleMemberships(ctx, person.id),
  permissionScopes: (person, { on }, ctx) => guard(() => permissionScopesIndexed(ctx, person.id, on)),
};

export const Membership: MembershipResolvers = {
  email: (m) => m.email ?? null,
  organisation: (m) => ({ __typename: 'Organisation', id: m.organisationId }),
  units: async (m, _a, { loaders, today }) => {
    const rows = (await loaders.unitsByMembership.load(m.id)).filter((u) => unitActiveOn(u, today));
    // A unit granted per school form appears once per form; the unit itself is listed once.
    return [...new Set(rows.map((r) => r.unitId))].map((id) => ({ __typename: 'Unit' as const, id }));
  },
  // R-USR-2 level two: the offices of the person's current units there, as the units have them now.
  addresses: async (m, _a, ctx) => {
    const [rows, units] = await Promise.all([ctx.loaders.unitsByMembership.load(m.id), ctx.organisationUnits.load(m.organisationId)]);
    const live = rows.filter((u) => unitActiveOn(u, ctx.today));
    return units.filter((u) => live.some((r) => r.unitId === u.id)).flatMap((u) => {
      const limit = live.find((r) => r.unitId === u.id && r.addressIds && r.addressIds.length > 0)?.addressIds;
      return u.addressIds.filter((a) => !limit || limit.includes(a));
    }).map((id) => ({ __typename: 'Address' as const, id }));
  },
  employments: (m, _a, { loaders }) => loaders.unitsByMembership.load(m.id),
  roles: (m, _a, { loaders }) => loaders.rolesByMembership.load(m.id),
};

export const Employment: EmploymentResolvers = {
  unit: (u) => ({ __typename: 'Unit', id: u.unitId }),
  schoolFormCode: (u) => u.schoolFormCode ?? null,
  validTo: (u) => u.validTo ?? null,
  addressIds: (u) => (u.addressIds && u.addressIds.length > 0 ? u.addressIds : null),
};

export const RoleAssignment: RoleAssignmentResolvers = {
  role: async (a, _args, { loaders }) => (await loaders.catalogue()).get(a.roleCode)!,
};
