import type { RoleResolvers } from '../../../generated/resolvers-types';

export const Role: RoleResolvers = {
  grants: async (role, _a, { loaders }) => (await loaders.catalogue()).get(role.code)?.grants ?? [],
};
