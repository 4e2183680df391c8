import { requireActor } from '@behorig/kit/auth';
import { badInput, isUuid } from '@behorig/kit/errors';
import type { QueryResolvers } from '../../../generated/resolvers-types';
import { requireAuditVisibility } from '../../../policy/signing.policy';
import { verifyAuditChain } from '../audit.service';

export const Query: QueryResolvers = {
  /** R-AUDIT-2/4: the organisation's chain against its rows and signed checkpoints. */
  verifyAuditLog: async (_p, { organisationId }, ctx) => {
    requireActor(ctx.actor);
    if (!isUuid(organisationId)) throw badInput('organisationId', 'organisationId must be an organisation id (UUID).', 'MALFORMED_ID');
    await requireAuditVisibility(ctx, organisationId);
    return verifyAuditChain(ctx.em, organisationId, ctx.deps.getKey);
  },
};
