import type { MutationResolvers } from '../../../generated/resolvers-types';
import { guard } from '../../../errors';
import { discardPendingChange, proposeStaff, proposeStaffChange, proposeStaffRemoval, signChanges } from '../changes.service';

/** Every mutation: all checks first, then one transaction with its audit event. */
export const Mutation: MutationResolvers = {
  proposeStaff: (_p, { organisationId, input }, ctx) => guard(() => proposeStaff(ctx, organisationId, input)),
  proposeStaffChange: (_p, { organisationId, personId, input, expectedVersion }, ctx) => guard(() => proposeStaffChange(ctx, organisationId, personId, input, expectedVersion)),
  proposeStaffRemoval: (_p, { organisationId, personId, expectedVersion }, ctx) => guard(() => proposeStaffRemoval(ctx, organisationId, personId, expectedVersion)),
  discardPendingChange: (_p, { id }, ctx) => guard(() => discardPendingChange(ctx, id)),
  signChanges: (_p, { organisationId }, ctx) => guard(() => signChanges(ctx, organisationId)),
};
