import { connection, pageArgs, requireActor } from '@behorig/kit';
import type { AuditEventResolvers, OrganisationResolvers } from '../generated/resolvers-types';
import { AuditEventEntity } from '../entities/audit-event.entity';
import { periodFilter } from '../audit/audit-query';
import { can, requireAuditVisibility } from '../visibility';
import { forbidden } from '@behorig/kit';

export const Organisation: OrganisationResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  auditLog: async (org, { first, after, action, from, to }, ctx) => {
    requireActor(ctx.actor);
    const { limit, offset } = pageArgs(first, after);
    const where = { organisationId: org.id, ...(action ? { action } : {}), ...periodFilter(from, to) };
    await requireAuditVisibility(ctx, org.id);
    const [rows, total] = await ctx.em.findAndCount(AuditEventEntity, where, { orderBy: { seq: 'desc' }, limit, offset });
    return connection(rows, offset, limit, total);
  },
  apiClients: async (org, _args, ctx) => {
    if (!(await can(ctx, org.id, 'MANAGE_USERS', 'READ'))) throw forbidden("Only the organisation's administrators and the authority see its partner systems.", 'PERMISSION_ADMINISTRATOR_REQUIRED');
    return ctx.loaders.apiClientsByOrganisation.load(org.id);
  },
};

export const AuditEvent: AuditEventResolvers = {
  id: (e) => String(e.id),
  actor: (e) => (e.actorPersonId ? { __typename: 'Person', id: e.actorPersonId } : null),
  actorLabel: (e) => e.actor,
  organisation: (e) => (e.organisationId ? { __typename: 'Organisation', id: e.organisationId } : null),
  before: (e) => (e.before == null ? null : JSON.stringify(e.before)),
  after: (e) => (e.after == null ? null : JSON.stringify(e.after)),
  receipt: (e, _a, ctx) => (e.receiptId ? ctx.loaders.receipt.load(e.receiptId) : null),
};
