import type { OrganisationResolvers } from '../../../generated/resolvers-types';
import { requireSubscriptionAdmin } from '../../../policy/signing.policy';

export const Organisation: Pick<OrganisationResolvers, 'eventSubscriptions'> = {
  eventSubscriptions: async (org, _a, ctx) => {
    await requireSubscriptionAdmin(ctx, org.id);
    return ctx.stores.webhooks.eventSubscriptionsByOrganisation.load(org.id);
  },
};
