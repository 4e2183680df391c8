import type { EntityManager } from '@mikro-orm/postgresql';
import { childrenLoader, defineTable } from '@behorig/kit/db';
import { addJob } from '@behorig/kit/jobs';

/** All SQL of partner event subscriptions (R-HOOK-1). Rows are mapped to these typed objects here. */
export interface EventSubscriptionRow {
  id: string;
  organisationId: string;
  url: string;
  events: string[];
  active: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
  removedAt: Date | null;
}

export type WebhookDeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

export interface WebhookDeliveryRow {
  id: string;
  subscriptionId: string;
  organisationId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  firstAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

export interface DeliveryWork {
  delivery: WebhookDeliveryRow;
  body: string;
  url: string;
  secretSealed: string;
  subscriptionActive: boolean;
}

/** The tables of this feature, declared once (the schema-agreement test checks them against the migrations). */
export const EVENT_SUBSCRIPTION = defineTable('signing.event_subscription', {
  id: 'id', organisationId: 'organisation_id', url: 'url', events: 'events', secretSealed: 'secret_sealed', active: 'active',
  disabledAt: 'disabled_at', disabledReason: 'disabled_reason', createdAt: 'created_at', createdBy: 'created_by', removedAt: 'removed_at',
});
export const WEBHOOK_DELIVERY = defineTable('signing.webhook_delivery', {
  id: 'id', subscriptionId: 'subscription_id', organisationId: 'organisation_id', auditEventId: 'audit_event_id', eventType: 'event_type',
  body: 'body', status: 'status', attempts: 'attempts', firstAttemptAt: 'first_attempt_at', lastAttemptAt: 'last_attempt_at',
  lastStatusCode: 'last_status_code', lastError: 'last_error', nextAttemptAt: 'next_attempt_at', deliveredAt: 'delivered_at', createdAt: 'created_at',
});
/** The job runner's table (kit `@behorig/kit/jobs` issues its SQL; declared here so the schema agreement covers it). */
export const JOB = defineTable('signing.job', {
  id: 'id', task: 'task', key: 'key', payload: 'payload', state: 'state', runAt: 'run_at', attempts: 'attempts', maxAttempts: 'max_attempts',
  lockedAt: 'locked_at', lockedBy: 'locked_by', lastError: 'last_error', createdAt: 'created_at', finishedAt: 'finished_at',
});
export const tables = [EVENT_SUBSCRIPTION, WEBHOOK_DELIVERY, JOB];

/** The job that delivers one message (the runner retries it with back-off). */
export const DELIVER_TASK = 'webhooks.deliver';

const SUBSCRIPTION_COLUMNS = `id, organisation_id, url, events, active, disabled_at, disabled_reason, created_at, removed_at`;
const DELIVERY_COLUMNS = `id, subscription_id, organisation_id, event_type, status, attempts, first_attempt_at, last_attempt_at, last_status_code, last_error, next_attempt_at, delivered_at, created_at`;

type Raw = Record<string, any>;
const date = (v: unknown): Date | null => (v == null ? null : new Date(v as string));

const toSubscription = (r: Raw): EventSubscriptionRow => ({
  id: r.id, organisationId: r.organisation_id, url: r.url, events: r.events, active: r.active,
  disabledAt: date(r.disabled_at), disabledReason: r.disabled_reason, createdAt: new Date(r.created_at), removedAt: date(r.removed_at),
});

const toDelivery = (r: Raw): WebhookDeliveryRow => ({
  id: r.id, subscriptionId: r.subscription_id, organisationId: r.organisation_id, eventType: r.event_type, status: r.status,
  attempts: r.attempts, firstAttemptAt: date(r.first_attempt_at), lastAttemptAt: date(r.last_attempt_at), lastStatusCode: r.last_status_code,
  lastError: r.last_error, nextAttemptAt: date(r.next_attempt_at), deliveredAt: date(r.delivered_at), createdAt: new Date(r.created_at),
});

export async function insertSubscription(em: EntityManager, s: { id: string; organisationId: string; url: string; events: string[]; secretSealed: string; createdBy: string; at: Date }): Promise<EventSubscriptionRow> {
  const [row] = await em.execute<Raw[]>(
    `INSERT INTO ${EVENT_SUBSCRIPTION} (id, organisation_id, url, events, secret_sealed, created_by, created_at)
     VALUES (?, ?, ?, ?::text[], ?, ?, ?) RETURNING ${SUBSCRIPTION_COLUMNS}`,
    [s.id, s.organisationId, s.url, `{${s.events.join(',')}}`, s.secretSealed, s.createdBy, s.at.toISOString()],
  );
  return toSubscription(row);
}

export async function findSubscription(em: EntityManager, id: string): Promise<EventSubscriptionRow | null> {
  const [row] = await em.execute<Raw[]>(`SELECT ${SUBSCRIPTION_COLUMNS} FROM ${EVENT_SUBSCRIPTION} WHERE id = ? AND removed_at IS NULL`, [id]);
  return row ? toSubscription(row) : null;
}

export async function countLiveSubscriptions(em: EntityManager, organisationId: string): Promise<number> {
  const [row] = await em.execute<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${EVENT_SUBSCRIPTION} WHERE organisation_id = ? AND removed_at IS NULL`, [organisationId]);
  return row.n;
}

/** Removing keeps the row (deliveries refer to it) and stops every pending delivery. */
export async function removeSubscription(em: EntityManager, id: string, at: Date): Promise<EventSubscriptionRow> {
  const [row] = await em.execute<Raw[]>(
    `UPDATE ${EVENT_SUBSCRIPTION} SET removed_at = ?, active = false WHERE id = ? AND removed_at IS NULL RETURNING ${SUBSCRIPTION_COLUMNS}`,
    [at.toISOString(), id],
  );
  return toSubscription(row);
}

/** One statement for a batch of organisations (the `Organisation.eventSubscriptions` loader). */
export async function subscriptionsOfOrganisations(em: EntityManager, organisationIds: readonly string[]): Promise<EventSubscriptionRow[]> {
  const rows = await em.execute<Raw[]>(
    `SELECT ${SUBSCRIPTION_COLUMNS} FROM ${EVENT_SUBSCRIPTION} WHERE organisation_id = ANY(?::uuid[]) AND removed_at IS NULL ORDER BY created_at, id`,
    [`{${organisationIds.join(',')}}`],
  );
  return rows.map(toSubscription);
}

/** The latest deliveries of a batch of subscriptions, at most `limit` each, in one statement. */
export async function recentDeliveries(em: EntityManager, subscriptionIds: readonly string[], limit: number): Promise<WebhookDeliveryRow[]> {
  const rows = await em.execute<Raw[]>(
    `SELECT d.* FROM unnest(?::uuid[]) AS s(id) CROSS JOIN LATERAL (
       SELECT ${DELIVERY_COLUMNS} FROM ${WEBHOOK_DELIVERY} WHERE subscription_id = s.id ORDER BY created_at DESC, id DESC LIMIT ?) d`,
    [`{${subscriptionIds.join(',')}}`, limit],
  );
  return rows.map(toDelivery);
}

/**
 * In the transaction that appends access's audit events: one delivery per matching live
 * subscription, and its job. `ON CONFLICT` keeps an event delivered once per subscription even
 * if this ran twice for it.
 */
export async function enqueueDeliveries(em: EntityManager, events: readonly { auditEventId: string; organisationId: string; eventType: string; body: (subscriptionId: string, deliveryId: string) => string }[], newId: () => string): Promise<number> {
  if (events.length === 0) return 0;
  const orgs = [...new Set(events.map((e) => e.organisationId))];
  const subs = await em.execute<{ id: string; organisation_id: string; events: string[] }[]>(
    `SELECT id, organisation_id, events FROM ${EVENT_SUBSCRIPTION} WHERE organisation_id = ANY(?::uuid[]) AND active AND removed_at IS NULL`,
    [`{${orgs.join(',')}}`],
  );
  let n = 0;
  for (const e of events) {
    for (const s of subs.filter((x) => x.organisation_id === e.organisationId && x.events.includes(e.eventType))) {
      const id = newId();
      const inserted = await em.execute<{ id: string }[]>(
        `INSERT INTO ${WEBHOOK_DELIVERY} (id, subscription_id, organisation_id, audit_event_id, event_type, body)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (subscription_id, audit_event_id) DO NOTHING RETURNING id`,
        [id, s.id, e.organisationId, e.auditEventId, e.eventType, e.body(s.id, id)],
      );
      if (inserted.length === 0) continue;
      await addJob(em, 'signing', DELIVER_TASK, { deliveryId: id }, { key: `webhook:${id}`, maxAttempts: 1000 });
      n++;
    }
  }
  return n;
}

export async function deliveryWork(em: EntityManager, deliveryId: string): Promise<DeliveryWork | null> {
  const [row] = await em.execute<Raw[]>(
    `SELECT d.${DELIVERY_COLUMNS.split(', ').join(', d.')}, d.body, s.url, s.secret_sealed, (s.active AND s.removed_at IS NULL) AS subscription_active
       FROM ${WEBHOOK_DELIVERY} d JOIN ${EVENT_SUBSCRIPTION} s ON s.id = d.subscription_id WHERE d.id = ?`,
    [deliveryId],
  );
  return row ? { delivery: toDelivery(row), body: row.body, url: row.url, secretSealed: row.secret_sealed, subscriptionActive: row.subscription_active } : null;
}

export async function recordAttempt(em: EntityManager, deliveryId: string, a: { at: Date; statusCode: number | null; error: string | null; delivered: boolean; nextAttemptAt: Date | null }): Promise<void> {
  await em.execute(
    `UPDATE ${WEBHOOK_DELIVERY} SET attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, ?), last_attempt_at = ?,
       last_status_code = ?, last_error = ?, status = CASE WHEN ? THEN 'DELIVERED' ELSE status END, delivered_at = CASE WHEN ? THEN ? ELSE delivered_at END,
       next_attempt_at = ? WHERE id = ?`,
    [a.at.toISOString(), a.at.toISOString(), a.statusCode, a.error, a.delivered, a.delivered, a.at.toISOString(), a.nextAttemptAt?.toISOString() ?? null, deliveryId],
  );
}

export async function markDeliveryFailed(em: EntityManager, deliveryId: string): Promise<void> {
  await em.execute(`UPDATE ${WEBHOOK_DELIVERY} SET status = 'FAILED', next_attempt_at = NULL WHERE id = ? AND status = 'PENDING'`, [deliveryId]);
}

/** Disables a subscription and gives up its pending deliveries; returns the row when this call disabled it. */
export async function disableSubscription(em: EntityManager, id: string, reason: string, at: Date): Promise<EventSubscriptionRow | null> {
  const [row] = await em.execute<Raw[]>(
    `UPDATE ${EVENT_SUBSCRIPTION} SET active = false, disabled_at = ?, disabled_reason = ? WHERE id = ? AND active RETURNING ${SUBSCRIPTION_COLUMNS}`,
    [at.toISOString(), reason, id],
  );
  if (!row) return null;
  await em.execute(`UPDATE ${WEBHOOK_DELIVERY} SET status = 'FAILED', next_attempt_at = NULL WHERE subscription_id = ? AND status = 'PENDING'`, [id]);
  return toSubscription(row);
}

export interface EventSubscriptionWithSecretResult { subscription: EventSubscriptionRow; secret: string }

/** This feature's per-request DataLoaders over the functions above (one statement per batch). */
export const webhooksStore = (em: EntityManager) => ({
  eventSubscriptionsByOrganisation: childrenLoader<EventSubscriptionRow>((ids) => subscriptionsOfOrganisations(em, ids), (s) => s.organisationId),
  recentWebhookDeliveries: childrenLoader<WebhookDeliveryRow>((ids) => recentDeliveries(em, ids, 50), (d) => d.subscriptionId),
});
export type WebhooksStore = ReturnType<typeof webhooksStore>;

/** R-NOTE-1: the organisation's subscriptions disabled after a day of failures on or after `since` (and not removed since). */
export async function disabledSubscriptionsSince(em: EntityManager, organisationId: string, since: string): Promise<{ id: string; url: string; disabledAt: Date }[]> {
  const rows = await em.execute<{ id: string; url: string; disabled_at: string | Date }[]>(
    `SELECT id, url, disabled_at FROM ${EVENT_SUBSCRIPTION}
      WHERE organisation_id = ? AND active = false AND removed_at IS NULL AND disabled_at >= ?::date ORDER BY disabled_at DESC`,
    [organisationId, since],
  );
  return rows.map((r) => ({ id: r.id, url: r.url, disabledAt: new Date(r.disabled_at) }));
}
