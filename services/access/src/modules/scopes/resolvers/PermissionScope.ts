import type { PermissionScopeResolvers } from '../../../generated/resolvers-types';

export const PermissionScope: PermissionScopeResolvers = {
  organisation: (s) => ({ __typename: 'Organisation', id: s.organisationId }),
  // R-USR-3: an org-wide role covers every open unit of the organisation, including units created
  // later, so its list is read from the unit facts when asked (batched per request); a closed unit
  // grants nothing (R-SCOPE-4).
  units: async (s, _a, ctx) => (s.orgWide ? (await ctx.organisationUnits.load(s.organisationId)).filter((u) => !u.closed).map((u) => u.id) : s.unitIds).map((id) => ({ __typename: 'Unit' as const, id })),
  // R-USR-2 level two: the offices the role applies at, as the units have them now (an office removed
  // from its unit is gone; a unit not limited to some offices covers every office, also later ones).
  addresses: async (s, _a, ctx) => {
    const units = await ctx.organisationUnits.load(s.organisationId);
    const mine = s.orgWide ? units.filter((u) => !u.closed) : units.filter((u) => s.unitIds.includes(u.id));
    return mine.flatMap((u) => {
      const limit = s.unitAddressIds?.[u.id];
      return u.addressIds.filter((a) => !limit || limit.includes(a));
    }).map((id) => ({ __typename: 'Address' as const, id }));
  },
  role: async (s, _a, { loaders }) => (await loaders.catalogue()).get(s.roleCode)!,
};
