import { forbidden } from '@behorig/kit';
import type { OrganisationResolvers } from '../../../generated/resolvers-types';
import { maySeeSubscriptions } from '../webhooks.service';

export const Organisation: Pick<OrganisationResolvers, 'eventSubscriptions'> = {
  eventSubscriptions: async (org, _a, ctx) => {
    if (!(await maySeeSubscriptions(ctx, org.id))) {
      throw forbidden("Only the organisation's permission administrators and its partner systems with MANAGE_USERS see its event subscriptions.", 'PERMISSION_ADMINISTRATOR_REQUIRED');
    }
    return ctx.loaders.eventSubscriptionsByOrganisation.load(org.id);
  },
};
