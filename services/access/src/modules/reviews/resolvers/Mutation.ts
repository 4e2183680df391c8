import type { MutationResolvers } from '../../../generated/resolvers-types';
import { guard } from '../../../errors';
import { decideReviewItems, startAccessReview } from '../reviews.service';

export const Mutation: Pick<MutationResolvers, 'startAccessReview' | 'decideReviewItems'> = {
  startAccessReview: (_p, { input }, ctx) => guard(() => startAccessReview(ctx, input)),
  decideReviewItems: (_p, { reviewId, decisions }, ctx) => guard(() => decideReviewItems(ctx, reviewId, decisions)),
};
