import type { MutationResolvers } from '../generated/resolvers-types';
import { guard } from '../errors';
import { activateAgreement, registerAgreement } from '../agreements';
import { discardPendingChange, proposeStaff, proposeStaffChange, proposeStaffRemoval, signChanges } from '../staff-changes';
import { changeAuthorisationPeriod, endEmployment } from '../staff-admin';

/** Every mutation: all checks first, then one transaction with its audit event. */
export const Mutation: MutationResolvers = {
  registerAgreement: (_p, { input }, ctx) => guard(() => registerAgreement(ctx, input)),
  activateAgreement: (_p, { id }, ctx) => guard(() => activateAgreement(ctx, id)),
  proposeStaff: (_p, { organisationId, input }, ctx) => guard(() => proposeStaff(ctx, organisationId, input)),
  proposeStaffChange: (_p, { organisationId, personId, input, expectedVersion }, ctx) => guard(() => proposeStaffChange(ctx, organisationId, personId, input, expectedVersion)),
  proposeStaffRemoval: (_p, { organisationId, personId, expectedVersion }, ctx) => guard(() => proposeStaffRemoval(ctx, organisationId, personId, expectedVersion)),
  discardPendingChange: (_p, { id }, ctx) => guard(() => discardPendingChange(ctx, id)),
  signChanges: (_p, { organisationId }, ctx) => guard(() => signChanges(ctx, organisationId)),
  changeAuthorisationPeriod: (_p, { organisationId, personIds, validTo }, ctx) => guard(() => changeAuthorisationPeriod(ctx, organisationId, personIds, validTo)),
  endEmployment: (_p, { input }, ctx) => guard(() => endEmployment(ctx, input)),
};
