import type { OrganisationResolvers } from '../../../generated/resolvers-types';
import { guard } from '../../../errors';
import { mayReadReviewsOf } from '../reviews.service';
import { reviewsByOrganisations } from '../reviews.store';

export const Organisation: Pick<OrganisationResolvers, 'accessReviews'> = {
  accessReviews: (org, _a, ctx) =>
    guard(async () => {
      await mayReadReviewsOf(ctx, org.id);
      return reviewsByOrganisations(ctx.em, [org.id]);
    }),
};
