import { connection, pageArgs, requireActor } from '@behorig/kit';
import type { OrganisationResolvers } from '../../../generated/resolvers-types';
import { requireAuditVisibility } from '../../../policy/signing.policy';
import { AuditEventEntity } from '../audit.store';
import { periodFilter } from '../rules/audit-period';
import { personFilter } from '../rules/audit-filter';

/** `Organisation.auditLog` (R-AUDIT-3); the reference itself is answered in resolvers.ts. */
export const Organisation: OrganisationResolvers = {
  auditLog: async (org, { first, after, action, from, to, actorId, personId }, ctx) => {
    requireActor(ctx.actor);
    const { limit, offset } = pageArgs(first, after);
    const where = { organisationId: org.id, ...(action ? { action } : {}), ...periodFilter(from, to), ...personFilter(actorId, personId) };
    await requireAuditVisibility(ctx, org.id);
    const [rows, total] = await ctx.em.findAndCount(AuditEventEntity, where, { orderBy: { seq: 'desc' }, limit, offset });
    return connection(rows, offset, limit, total);
  },
};
