import type { MutationResolvers } from '../../../generated/resolvers-types';
import { cancelOrder, completeLogin, startLogin } from '../orders.service';

export const Mutation: MutationResolvers = {
  startLogin: (_p, _a, ctx) => startLogin(ctx.em, ctx.deps, ctx.ip),
  completeLogin: (_p, { orderRef }, ctx) => completeLogin(ctx.em, ctx.deps, orderRef),
  cancelOrder: (_p, { orderRef }, ctx) => cancelOrder(ctx.em, ctx.deps, ctx.actor, orderRef),
};
