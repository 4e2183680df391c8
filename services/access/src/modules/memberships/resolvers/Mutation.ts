import type { MutationResolvers } from '../../../generated/resolvers-types';
import { guard } from '../../../errors';
import { changeAuthorisationPeriod, endEmployment } from '../staff-admin.service';

/** Every mutation: all checks first, then one transaction with its audit event. */
export const Mutation: MutationResolvers = {
  changeAuthorisationPeriod: (_p, { organisationId, personIds, validTo }, ctx) => guard(() => changeAuthorisationPeriod(ctx, organisationId, personIds, validTo)),
  endEmployment: (_p, { input }, ctx) => guard(() => endEmployment(ctx, input)),
};
