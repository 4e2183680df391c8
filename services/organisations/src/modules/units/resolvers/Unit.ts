import type { UnitResolvers } from '../../../generated/resolvers-types';

export const Unit: UnitResolvers = {
  // R-AUTH-4: as `organisation(id) { units }`: anyone signed in, nobody else.
  __resolveReference: (ref, { policy, stores }) => (policy.readDirectory(), stores.units.byId.load(ref.id)),
  organisation: async (unit, _a, { stores }) => (await stores.organisations.byId.load(unit.organisationId))!,
  service: async (unit, _a, { stores }) => (await stores.catalogue.service.load(unit.serviceCode))!,
  addresses: (unit, _a, { stores }) => stores.units.addressesByUnit.load(unit.id),
  schoolForms: (unit, _a, { stores }) => stores.units.schoolFormsByUnit.load(unit.id),
  closed: (unit) => unit.closedAt != null,
  closedAt: (unit) => unit.closedAt ?? null,
};
