import type { OrganisationResolvers } from '../../../generated/resolvers-types';
import { requirePartnerListReader } from '../../../policy/signing.policy';

/** `Organisation.apiClients` (R-AUTH-2); the reference itself is answered in resolvers.ts. */
export const Organisation: OrganisationResolvers = {
  apiClients: async (org, _args, ctx) => {
    await requirePartnerListReader(ctx, org.id);
    return ctx.stores.partners.apiClientsByOrganisation.load(org.id);
  },
};
