import { randomUUID } from 'node:crypto';
import { requireActor } from '@behorig/kit/auth';
import { badInput, notFound } from '@behorig/kit/errors';
import { actorLabel } from '@behorig/kit/outbox';
import type { Context } from '../../context';
import { requireSubscriptionAdmin } from '../../policy/signing.policy';
import { appendAuditEvents, auditInstant } from '../audit/audit.service';
import { checkTargetUrl, type TargetMode } from './rules/webhook-target.rules';
import { MAX_SUBSCRIPTIONS_PER_ORGANISATION, normaliseEventTypes } from './rules/webhook-event.rules';
import { newWebhookSecret } from './webhook-secret';
import { resolveAndCheck } from './webhook-transport';
import { countLiveSubscriptions, findSubscription, insertSubscription, removeSubscription, type EventSubscriptionRow } from './webhooks.store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const targetMode = (ctx: Context): TargetMode => (ctx.deps.production ? 'production' : 'development');

/** Everything checked first (input, permission, the target's addresses), then one transaction with its audit event. */
export async function subscribeToEvents(ctx: Context, organisationId: string, input: { url: string; events: readonly string[] }): Promise<{ subscription: EventSubscriptionRow; secret: string }> {
  const actor = requireActor(ctx.actor);
  if (!UUID.test(organisationId)) throw badInput('organisationId', 'organisationId must be an organisation id (UUID).', 'MALFORMED_ID');
  await requireSubscriptionAdmin(ctx, organisationId);
  const events = normaliseEventTypes(input.events);
  if (!events) throw badInput('events', 'Choose one or more of staff.added, staff.changed, staff.removed, period.changed, employment.ended.', 'UNKNOWN_EVENT_TYPE');
  const verdict = checkTargetUrl(input.url.trim(), targetMode(ctx));
  if (!verdict.ok) throw badInput('url', verdict.message, verdict.reason);
  const resolved = await resolveAndCheck(verdict);
  if (!resolved.ok) throw badInput('url', resolved.message, resolved.reason);
  if ((await countLiveSubscriptions(ctx.em, organisationId)) >= MAX_SUBSCRIPTIONS_PER_ORGANISATION) {
    throw badInput('url', `An organisation can have at most ${MAX_SUBSCRIPTIONS_PER_ORGANISATION} event subscriptions.`, 'TOO_MANY_SUBSCRIPTIONS');
  }
  const secret = newWebhookSecret();
  const at = auditInstant();
  const subscription = await ctx.em.transactional(async (tx) => {
    const row = await insertSubscription(tx, {
      id: randomUUID(), organisationId, url: verdict.url.toString(), events, secretSealed: ctx.deps.webhookSecrets.seal(secret), createdBy: actorLabel(actor), at,
    });
    await appendAuditEvents(tx, [{
      organisationId, at, actor: actorLabel(actor), actorPersonId: actor.kind === 'person' ? actor.personId : null,
      action: 'eventSubscription.created', target: `eventSubscription:${row.id}`, before: null,
      after: { url: row.url, events: row.events }, source: 'signing', sourceId: null, receiptId: null,
    }]);
    return row;
  });
  return { subscription, secret };
}

export async function unsubscribeFromEvents(ctx: Context, id: string): Promise<EventSubscriptionRow> {
  const actor = requireActor(ctx.actor);
  if (!UUID.test(id)) throw badInput('id', 'id must be an event subscription id (UUID).', 'MALFORMED_ID');
  const existing = await findSubscription(ctx.em, id);
  if (!existing) throw notFound('No event subscription with this id.', 'EVENT_SUBSCRIPTION_NOT_FOUND');
  await requireSubscriptionAdmin(ctx, existing.organisationId);
  const at = auditInstant();
  return ctx.em.transactional(async (tx) => {
    const row = await removeSubscription(tx, id, at);
    await appendAuditEvents(tx, [{
      organisationId: row.organisationId, at, actor: actorLabel(actor), actorPersonId: actor.kind === 'person' ? actor.personId : null,
      action: 'eventSubscription.removed', target: `eventSubscription:${row.id}`, before: { url: existing.url, events: existing.events, active: existing.active },
      after: null, source: 'signing', sourceId: null, receiptId: null,
    }]);
    return row;
  });
}
