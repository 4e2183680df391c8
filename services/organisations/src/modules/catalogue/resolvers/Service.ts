import type { ServiceResolvers } from '../../../generated/resolvers-types';

export const Service: ServiceResolvers = {
  // R-AUTH-4: references ask what the root fields ask: the catalogue needs a signed-in caller.
  __resolveReference: (ref, { policy, stores }) => (policy.readDirectory(), stores.catalogue.service.load(ref.code)),
};
