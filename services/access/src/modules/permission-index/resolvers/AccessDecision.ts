import type { AccessDecisionResolvers } from '../../../generated/resolvers-types';

/** R-SCOPE-2: the organisation is an entity reference (the gateway resolves its name); the role comes from the cached catalogue. */
export const AccessDecision: AccessDecisionResolvers = {
  organisation: (d) => ({ __typename: 'Organisation', id: d.organisationId }),
  role: async (d, _a, { loaders }) => (d.roleCode ? ((await loaders.catalogue()).get(d.roleCode) ?? null) : null),
};
