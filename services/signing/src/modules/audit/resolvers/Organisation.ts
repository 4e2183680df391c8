import { requireActor } from '@behorig/kit/auth';
import { connection, pageArgs } from '@behorig/kit/db';
import type { OrganisationResolvers } from '../../../generated/resolvers-types';
import { requireAuditVisibility } from '../../../policy/signing.policy';
import { periodFilter } from '../rules/audit-period';
import { personFilter } from '../rules/audit-filter';

/** `Organisation.auditLog` (R-AUDIT-3); the reference itself is answered in resolvers.ts. */
export const Organisation: OrganisationResolvers = {
  auditLog: async (org, { first, after, action, from, to, actorId, personId }, ctx) => {
    requireActor(ctx.actor);
    const { limit, offset } = pageArgs(first, after);
    const filter = { action, ...periodFilter(from, to), ...personFilter(actorId, personId) };
    await requireAuditVisibility(ctx, org.id);
    const [rows, total] = await ctx.stores.audit.page(org.id, filter, limit, offset);
    return connection(rows, offset, limit, total);
  },
};
