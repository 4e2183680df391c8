import type { MembershipResolvers } from '../../../generated/resolvers-types';
import { unitActiveOn } from '../rules/membership-levels.rules';

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
