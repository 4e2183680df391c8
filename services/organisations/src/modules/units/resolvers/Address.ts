import type { AddressResolvers } from '../../../generated/resolvers-types';

export const Address: AddressResolvers = {
  // R-AUTH-4: references ask what the root fields ask: offices need a signed-in caller.
  __resolveReference: (ref, { policy, stores }) => (policy.readDirectory(), stores.units.address.load(ref.id)),
};
