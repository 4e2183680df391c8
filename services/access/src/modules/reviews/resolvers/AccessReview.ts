import { requireActor } from '@behorig/kit/auth';
import { connection, pageArgs } from '@behorig/kit/db';
import type { AccessReviewResolvers } from '../../../generated/resolvers-types';
import { guard } from '../../../errors';
import { mayReadReviewsOf } from '../reviews.service';
import { itemsPage, reviewById } from '../reviews.store';

export const AccessReview: AccessReviewResolvers = {
  __resolveReference: async (ref, ctx) => {
    requireActor(ctx.actor);
    const review = await reviewById(ctx.em, ref.id);
    if (!review) return null;
    return guard(async () => {
      await mayReadReviewsOf(ctx, review.organisationId);
      return review;
    });
  },
  organisation: (r) => ({ __typename: 'Organisation', id: r.organisationId }),
  /** R-REV-1 progress: `decided: false` is what is left; totalCount counts the filtered items. */
  items: (r, { decided, first, after }, ctx) =>
    guard(async () => {
      const { limit, offset } = pageArgs(first, after);
      const { rows, total } = await itemsPage(ctx.em, r.id, decided, limit + 1, offset);
      return connection(rows, offset, limit, total);
    }),
};
