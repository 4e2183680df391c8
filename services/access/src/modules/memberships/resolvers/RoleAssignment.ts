import type { RoleAssignmentResolvers } from '../../../generated/resolvers-types';

export const RoleAssignment: RoleAssignmentResolvers = {
  role: async (a, _args, { loaders }) => (await loaders.catalogue()).get(a.roleCode)!,
};
