import type { MutationResolvers } from '../../../generated/resolvers-types';
import { changeOrganisation, createOrganisation } from '../organisations.service';

/** Every mutation checks permission and input before it writes, then writes and audits in one transaction. */
export const Mutation: Pick<MutationResolvers, 'createOrganisation' | 'changeOrganisation'> = {
  createOrganisation: (_p, { input }, ctx) => createOrganisation(ctx, input),
  changeOrganisation: (_p, { id, input }, ctx) => changeOrganisation(ctx, id, input),
};
