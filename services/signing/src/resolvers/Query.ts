import { badInput, forbidden, requireActor } from '@behorig/kit';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types';
import { verifyAuditChain } from '../audit/audit-log';
import { assertMayFollow, cancelOrder, completeLogin, refreshOrder, startLogin } from '../orders/order-service';
import { registerApiClient, revokeApiClient } from '../partners/api-clients';
import { mayReadReceipt, requireAuditVisibility } from '../visibility';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const Query: QueryResolvers = {
  signingOrder: async (_p, { orderRef }, ctx) => {
    const known = await ctx.loaders.order.load(orderRef);
    if (!known) return null;
    assertMayFollow(ctx.deps, known, ctx.actor);
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
  verifyAuditLog: async (_p, { organisationId }, ctx) => {
    requireActor(ctx.actor);
    if (!UUID.test(organisationId)) throw badInput('organisationId', 'organisationId must be an organisation id (UUID).', 'MALFORMED_ID');
    await requireAuditVisibility(ctx, organisationId);
    return verifyAuditChain(ctx.em, organisationId, ctx.deps.getKey);
  },
  receipt: async (_p, { id }, ctx) => {
    requireActor(ctx.actor);
    if (!UUID.test(id)) return null;
    const r = await ctx.loaders.receipt.load(id);
    if (!r) return null;
    if (!(await mayReadReceipt(ctx, r))) throw forbidden('Only the signer, the organisation\'s administrators and the authority may read this receipt.', 'RECEIPT_NOT_YOURS');
    return r;
  },
};

export const Mutation: MutationResolvers = {
  startLogin: (_p, _a, ctx) => startLogin(ctx.em, ctx.deps, ctx.ip),
  completeLogin: (_p, { orderRef }, ctx) => completeLogin(ctx.em, ctx.deps, orderRef),
  cancelOrder: (_p, { orderRef }, ctx) => cancelOrder(ctx.em, ctx.deps, ctx.actor, orderRef),
  registerApiClient: (_p, { organisationId, name, functions }, ctx) => registerApiClient(ctx, organisationId, name, functions),
  revokeApiClient: (_p, { clientId }, ctx) => revokeApiClient(ctx, clientId),
};
