import type { QueryResolvers } from '../../../generated/resolvers-types';
import { guard } from '../../../errors';
import { accessReview } from '../reviews.service';

export const Query: Pick<QueryResolvers, 'accessReview'> = {
  accessReview: (_p, { id }, ctx) => guard(() => accessReview(ctx, id)),
};
