import type { MutationResolvers } from '../../../generated/resolvers-types';
import { guard } from '../../../errors';
import { activateAgreement, registerAgreement } from '../agreements.service';

/** Every mutation: all checks first, then one transaction with its audit event. */
export const Mutation: MutationResolvers = {
  registerAgreement: (_p, { input }, ctx) => guard(() => registerAgreement(ctx, input)),
  activateAgreement: (_p, { id }, ctx) => guard(() => activateAgreement(ctx, id)),
};
