import { requireActor } from '@behorig/kit';
import type { UnitResolvers } from '../generated/resolvers-types';

export const Unit: UnitResolvers = {
  // R-AUTH-4: as `organisation(id) { units }`: anyone signed in, nobody else.
  __resolveReference: (ref, { actor, loaders }) => (requireActor(actor), loaders.unit.load(ref.id)),
  organisation: async (unit, _a, { loaders }) => (await loaders.organisation.load(unit.organisationId))!,
  service: async (unit, _a, { loaders }) => (await loaders.service.load(unit.serviceCode))!,
  addresses: (unit, _a, { loaders }) => loaders.addressesByUnit.load(unit.id),
  schoolForms: (unit, _a, { loaders }) => loaders.schoolFormsByUnit.load(unit.id),
  closed: (unit) => unit.closedAt != null,
  closedAt: (unit) => unit.closedAt ?? null,
};
