import type { AccessDecisionResolvers } from '../../../generated/resolvers-types';

export const AccessDecision: AccessDecisionResolvers = {
  role: async (d, _a, { loaders }) => (d.roleCode ? ((await loaders.catalogue()).get(d.roleCode) ?? null) : null),
};
