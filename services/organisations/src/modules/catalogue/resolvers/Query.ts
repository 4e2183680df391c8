import type { QueryResolvers } from '../../../generated/resolvers-types';

// R-ORG-2, R-ORG-5: the catalogues are part of the directory, readable by anyone signed in.
export const Query: Pick<QueryResolvers, 'services' | 'schoolForms'> = {
  services: (_p, _a, { policy, stores }) => (policy.readDirectory(), stores.catalogue.allServices()),
  schoolForms: (_p, _a, { policy, stores }) => (policy.readDirectory(), stores.catalogue.allSchoolForms()),
};
