import { requireActor } from '@behorig/kit/auth';
import { isUuid, notFound } from '@behorig/kit/errors';
import type { ReceiptResolvers } from '../../../generated/resolvers-types';
import { requireReceiptReader } from '../../../policy/signing.policy';

export const Receipt: ReceiptResolvers = {
  // R-AUTH-4: a reference answers as the `receipt` root field does (signing.policy.ts mayReadReceipt).
  __resolveReference: async (ref, ctx) => {
    requireActor(ctx.actor);
    if (!isUuid(ref.id)) return null;
    const r = await ctx.stores.orders.receipt.load(ref.id);
    return r ? requireReceiptReader(ctx, r) : null;
  },
  signer: (r) => {
    // A service seal has no person signer (docs/evidence.md "Service seals").
    if (r.sealedBy) return null;
    if (!r.signerPersonId) throw notFound('The signer is not a known person.', 'SIGNER_UNKNOWN');
    return { __typename: 'Person', id: r.signerPersonId };
  },
  sealedBy: (r) => (r.sealedBy === 'authority' ? 'AUTHORITY_SERVICE' : null),
  organisation: (r) => ({ __typename: 'Organisation', id: r.organisationId }),
};
