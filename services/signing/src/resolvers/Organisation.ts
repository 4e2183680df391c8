import { connection, pageArgs, requireActor } from '@behorig/kit';
import type { AuditEventResolvers, OrganisationResolvers } from '../generated/resolvers-types';
import { AuditEventEntity } from '../entities/audit-event.entity';

export const Organisation: OrganisationResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  auditLog: async (org, { first, after, action }, { actor, em }) => {
    requireActor(actor);
    const { limit, offset } = pageArgs(first, after);
    const where = { organisationId: org.id, ...(action ? { action } : {}) };
    const [rows, total] = await em.findAndCount(AuditEventEntity, where, { orderBy: { seq: 'desc' }, limit, offset });
    return connection(rows, offset, limit, total);
  },
};

export const AuditEvent: AuditEventResolvers = {
  id: (e) => String(e.id),
  actor: (e) => (e.actorPersonId ? { __typename: 'Person', id: e.actorPersonId } : null),
  organisation: (e) => (e.organisationId ? { __typename: 'Organisation', id: e.organisationId } : null),
  before: (e) => (e.before == null ? null : JSON.stringify(e.before)),
  after: (e) => (e.after == null ? null : JSON.stringify(e.after)),
};
