import type { SigningOrderResolvers } from '../../../generated/resolvers-types';
import { assertMayFollow } from '../../../policy/signing.policy';
import { orderMessage, qrDataNow } from '../rules/order.rules';

export const SigningOrder: SigningOrderResolvers = {
  __resolveReference: async (ref, ctx) => {
    const order = await ctx.stores.orders.order.load(ref.orderRef);
    if (order) assertMayFollow(order, ctx.actor);
    return order;
  },
  // Computed on every poll from the server-side secret (R-SIGN-5): the secret never leaves.
  qrData: (o, _a, ctx) => qrDataNow(o, ctx.deps.now()),
  hintCode: (o) => o.hintCode ?? null,
  message: (o) => orderMessage(o),
  receipt: (o, _a, ctx) => (o.receiptId ? ctx.stores.orders.receipt.load(o.receiptId) : null),
  applyResult: (o) => o.applyResult ?? null,
  applyError: (o) => o.applyError ?? null,
};
