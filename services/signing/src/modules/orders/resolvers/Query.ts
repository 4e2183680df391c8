import { requireActor } from '@behorig/kit/auth';
import { isUuid } from '@behorig/kit/errors';
import type { QueryResolvers } from '../../../generated/resolvers-types';
import { assertMayFollow, requireReceiptReader } from '../../../policy/signing.policy';
import { refreshOrder } from '../orders.service';

export const Query: QueryResolvers = {
  signingOrder: async (_p, { orderRef }, ctx) => {
    const known = await ctx.stores.orders.order.load(orderRef);
    if (!known) return null;
    assertMayFollow(known, ctx.actor);
    return refreshOrder(ctx.em, ctx.deps, orderRef);
  },
  verifyReceipt: async (_p, { token }, ctx) => {
    try {
      await ctx.deps.verifyReceipt(token);
      return true;
    } catch {
      return false;
    }
  },
  receipt: async (_p, { id }, ctx) => {
    requireActor(ctx.actor);
    if (!isUuid(id)) return null;
    const r = await ctx.stores.orders.receipt.load(id);
    return r ? requireReceiptReader(ctx, r) : null;
  },
};
