import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * Transactional outbox (R-AUDIT-1): every change writes its audit event here in the SAME
 * transaction as the change, so there is never a change without its event. The signing
 * service collects undelivered rows into the hash-chained audit log. One definition for every
 * service that writes an outbox; each has the table in its own schema, made by its own migration.
 */
export const OutboxEventEntity = defineEntity({
  name: 'OutboxEvent',
  tableName: 'outbox_event',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    occurredAt: p.datetime().onCreate(() => new Date()),
    actor: p.string(),
    organisationId: p.uuid().nullable(),
    action: p.string(),
    target: p.string(),
    before: p.json<unknown>().nullable(),
    after: p.json<unknown>().nullable(),
    deliveredAt: p.datetime().nullable(),
  }),
});
export type OutboxEventRow = InferEntity<typeof OutboxEventEntity>;
