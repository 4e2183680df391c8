import type { SchoolFormResolvers } from '../../../generated/resolvers-types';

export const SchoolForm: SchoolFormResolvers = {
  // R-AUTH-4: references ask what the root fields ask: the catalogue needs a signed-in caller.
  __resolveReference: (ref, { policy, stores }) => (policy.readDirectory(), stores.catalogue.schoolForm.load(ref.code)),
};
