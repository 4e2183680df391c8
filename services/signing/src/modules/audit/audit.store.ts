import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * The audit log (R-AUDIT-1/2): append-only, one hash chain per organisation
 * (`hash = SHA-256(prevHash ‖ canonical event)`); `seq` numbers events within the chain.
 * `source`/`sourceId` identify an event collected from another service's outbox (de-duplication);
 * signing's own events have source 'signing' and no sourceId.
 */
export const AuditEventEntity = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_event',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    organisationId: p.uuid().nullable(),
    seq: p.integer(),
    at: p.datetime(),
    actor: p.string(),
    actorPersonId: p.uuid().nullable(),
    action: p.string(),
    target: p.string(),
    before: p.json<unknown>().nullable(),
    after: p.json<unknown>().nullable(),
    hash: p.string(),
    prevHash: p.string(),
    source: p.string(),
    sourceId: p.string().nullable(),
    receiptId: p.uuid().nullable(),
  }),
});
export type AuditEventRow = InferEntity<typeof AuditEventEntity>;
