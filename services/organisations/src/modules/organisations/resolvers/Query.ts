import type { QueryResolvers } from '../../../generated/resolvers-types';
import { organisationByNumber, searchOrganisations } from '../organisations.service';

export const Query: Pick<QueryResolvers, 'organisation' | 'organisationByNumber' | 'organisations'> = {
  organisation: (_p, { id }, ctx) => (ctx.policy.readDirectory(), ctx.stores.organisations.byId.load(id)),
  organisationByNumber: (_p, { orgNumber }, ctx) => organisationByNumber(ctx, orgNumber),
  organisations: (_p, args, ctx) => searchOrganisations(ctx, args),
};
