import { requireActor } from '@behorig/kit/auth';
import type { QueryResolvers } from '../../../generated/resolvers-types';

export const Query: QueryResolvers = {
  roles: async (_p, { system }, ctx) => {
    requireActor(ctx.actor);
    const all = [...(await ctx.loaders.catalogue()).values()];
    return system ? all.filter((r) => r.system === system) : all;
  },
};
