import type { AuditEventResolvers } from '../../../generated/resolvers-types';

export const AuditEvent: AuditEventResolvers = {
  id: (e) => String(e.id),
  actor: (e) => (e.actorPersonId ? { __typename: 'Person', id: e.actorPersonId } : null),
  actorLabel: (e) => e.actor,
  organisation: (e) => (e.organisationId ? { __typename: 'Organisation', id: e.organisationId } : null),
  before: (e) => (e.before == null ? null : JSON.stringify(e.before)),
  after: (e) => (e.after == null ? null : JSON.stringify(e.after)),
  // The receipt's own read policy is not asked here: whoever sees the audit log sees its receipts (R-AUTH-4).
  receipt: (e, _a, ctx) => (e.receiptId ? ctx.stores.orders.receipt.load(e.receiptId) : null),
};
