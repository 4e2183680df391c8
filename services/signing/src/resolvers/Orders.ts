import { connection, forbidden, isAuthority, isUuid, notFound, pageArgs, requireActor } from '@behorig/kit';
import { mayReadReceipt } from '../visibility';
import type { PersonResolvers, ReceiptResolvers, SessionResolvers, SigningOrderResolvers } from '../generated/resolvers-types';
import { assertMayFollow, orderMessage, qrDataNow } from '../orders/order-service';

export const SigningOrder: SigningOrderResolvers = {
  __resolveReference: async (ref, ctx) => {
    const order = await ctx.loaders.order.load(ref.orderRef);
    if (order) assertMayFollow(ctx.deps, order, ctx.actor);
    return order;
  },
  // Computed on every poll from the server-side secret (R-SIGN-5): the secret never leaves.
  qrData: (o, _a, ctx) => qrDataNow(o, ctx.deps.now()),
  hintCode: (o) => o.hintCode ?? null,
  message: (o) => orderMessage(o),
  receipt: (o, _a, ctx) => (o.receiptId ? ctx.loaders.receipt.load(o.receiptId) : null),
  applyResult: (o) => o.applyResult ?? null,
  applyError: (o) => o.applyError ?? null,
};

export const Receipt: ReceiptResolvers = {
  // R-AUTH-4: a reference answers as the `receipt` root field does (visibility.ts mayReadReceipt).
  __resolveReference: async (ref, ctx) => {
    requireActor(ctx.actor);
    if (!isUuid(ref.id)) return null;
    const r = await ctx.loaders.receipt.load(ref.id);
    if (!r) return null;
    if (!(await mayReadReceipt(ctx, r))) throw forbidden('Only the signer, the organisation\'s administrators and the authority may read this receipt.', 'RECEIPT_NOT_YOURS');
    return r;
  },
  signer: (r) => {
    if (!r.signerPersonId) throw notFound('The signer is not a known person.', 'SIGNER_UNKNOWN');
    return { __typename: 'Person', id: r.signerPersonId };
  },
  organisation: (r) => ({ __typename: 'Organisation', id: r.organisationId }),
};

export const Person: PersonResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  receipts: async (person, { first, after }, ctx) => {
    const actor = requireActor(ctx.actor);
    const self = actor.kind === 'person' && actor.personId === person.id;
    if (!self && !isAuthority(actor)) throw forbidden('Only the person themself and the authority see their receipts.', 'RECEIPT_NOT_YOURS');
    const { limit, offset } = pageArgs(first, after);
    const all = await ctx.loaders.receiptsBySigner.load(person.id);
    return connection(all.slice(offset, offset + limit), offset, limit, all.length);
  },
};

export const Session: SessionResolvers = {
  person: (s) => {
    if (!s.personId) throw notFound('Authority staff without a person record have no Person.', 'PERSON_NOT_FOUND');
    return { __typename: 'Person', id: s.personId };
  },
};
