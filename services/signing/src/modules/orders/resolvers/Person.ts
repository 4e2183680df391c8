import { connection, pageArgs } from '@behorig/kit/db';
import type { PersonResolvers } from '../../../generated/resolvers-types';
import { requireOwnReceipts } from '../../../policy/signing.policy';

export const Person: PersonResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  receipts: async (person, { first, after }, ctx) => {
    requireOwnReceipts(ctx, person.id);
    const { limit, offset } = pageArgs(first, after);
    const all = await ctx.stores.orders.receiptsBySigner.load(person.id);
    return connection(all.slice(offset, offset + limit), offset, limit, all.length);
  },
};
