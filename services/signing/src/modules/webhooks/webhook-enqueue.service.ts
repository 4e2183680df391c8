import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { containsPersonalNumber, eventTypeOfAction, webhookPayload, type AuditEventForWebhook } from './rules/webhook-event.rules';
import { enqueueDeliveries } from './webhooks.store';

/** A Standard Webhooks message id; it is the `webhook-id` of every attempt of the delivery. */
const newMessageId = () => `msg_${randomUUID().replace(/-/g, '')}`;

/**
 * R-HOOK-1: called in the transaction that appends audit events to the log, with the events that
 * were new there (a re-delivered outbox event is a duplicate and is not passed again), so each
 * applied change becomes one delivery per matching subscription, exactly once.
 */
export async function enqueueWebhookDeliveries(tx: EntityManager, appended: readonly AuditEventForWebhook[]): Promise<number> {
  const events = appended.flatMap((e) => {
    const type = eventTypeOfAction(e.source, e.action);
    if (!type || !e.organisationId) return [];
    const body = JSON.stringify(webhookPayload(type, e));
    // Built field by field, so this never fires; if it ever did, nothing is sent rather than a number.
    if (containsPersonalNumber(body)) return [];
    return [{ auditEventId: e.id, organisationId: e.organisationId, eventType: type, body: () => body }];
  });
  return enqueueDeliveries(tx, events, newMessageId);
}
