import type { MutationResolvers } from '../../../generated/resolvers-types';
import { changeService, createService } from '../catalogue.service';

export const Mutation: Pick<MutationResolvers, 'createService' | 'changeService'> = {
  createService: (_p, { input }, ctx) => createService(ctx, input),
  changeService: (_p, { code, name }, ctx) => changeService(ctx, code, name),
};
