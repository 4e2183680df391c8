import { requireActor } from '@behorig/kit/auth';
import type { OrganisationResolvers } from '../../../generated/resolvers-types';
import { maySeeAgreementOf } from '../../../policy/access.policy';

export const Organisation: OrganisationResolvers = {
  /** Visible to the authority and the organisation's own members (R-AGR-1). */
  agreement: async (org, _a, ctx) => {
    requireActor(ctx.actor);
    return (await maySeeAgreementOf(ctx, org.id)) ? ctx.loaders.agreementByOrganisation.load(org.id) : null;
  },
};
