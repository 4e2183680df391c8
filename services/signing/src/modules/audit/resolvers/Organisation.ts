import { requireActor } from '@behorig/kit/auth';
import { connection, pageArgs } from '@behorig/kit/db';
import type { OrganisationResolvers } from '../../../generated/resolvers-types';
import { requireAuditVisibility } from '../../../policy/signing.policy';
import { periodFilter } from '../rules/audit-period';

/** `Organisation.auditLog` (R-AUDIT-3); the reference itself is answered in resolvers.ts. */
export const Organisation: OrganisationResolvers = {
  auditLog: async (org, { first, after, action, from, to }, ctx) => {
    requireActor(ctx.actor);
    const { limit, offset } = pageArgs(first, after);
    const period = periodFilter(from, to);
    await requireAuditVisibility(ctx, org.id);
    const [rows, total] = await ctx.stores.audit.page(org.id, { action, ...period }, limit, offset);
    return connection(rows, offset, limit, total);
  },
};
