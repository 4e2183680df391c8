import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '@behorig/kit/server';
import type { TaskDefinition } from '@behorig/kit/jobs';
import { Webhook } from 'standardwebhooks';
import { appendAuditEvents, auditInstant } from '../audit/audit.service';
import { acknowledged, MAX_RETRY_MS, retryDelayMs, shouldGiveUp } from './rules/webhook-event.rules';
import { checkTargetUrl, type TargetMode } from './rules/webhook-target.rules';
import { postWebhook } from './webhook-transport';
import type { SecretSealer } from './webhook-secret';
import { DELIVER_TASK, deliveryWork, disableSubscription, markDeliveryFailed, recordAttempt } from './webhooks.store';

export interface WebhookDeliveryDeps {
  orm: () => MikroORM;
  secrets: SecretSealer;
  mode: TargetMode;
  logger: Logger;
  /** Wait before the first retry (WEBHOOK_FIRST_RETRY_MS; R-HOOK-1 wants one within 30 s). */
  firstRetryMs: number;
  now?: () => Date;
}

/**
 * R-HOOK-1: the runner's task that sends one delivery as a Standard Webhooks message. A failed
 * attempt throws, so the runner tries again with exponential back-off as the same job; every
 * attempt carries the same `webhook-id` (the delivery's id), a fresh `webhook-timestamp` and a
 * signature over `id.timestamp.body`. After a day of failures the subscription is disabled and an
 * audit event says so (the notice the administrators see on the subscriptions page and in the log).
 */
export function webhookTasks(deps: WebhookDeliveryDeps): Record<string, TaskDefinition<{ deliveryId: string }>> {
  const now = deps.now ?? (() => new Date());
  return {
    [DELIVER_TASK]: {
      maxAttempts: 1000,
      backoff: { initialMs: deps.firstRetryMs, factor: 2, maxMs: MAX_RETRY_MS },
      leaseMs: 60_000,
      handler: async ({ deliveryId }) => {
        const em = deps.orm().em.fork();
        const work = await deliveryWork(em, deliveryId);
        if (!work || work.delivery.status !== 'PENDING') return;
        if (!work.subscriptionActive) return void (await markDeliveryFailed(em, deliveryId));
        const at = now();
        const verdict = checkTargetUrl(work.url, deps.mode);
        let result: { statusCode: number | null; error: string | null };
        if (!verdict.ok) result = { statusCode: null, error: verdict.message };
        else {
          const signature = new Webhook(deps.secrets.unseal(work.secretSealed)).sign(deliveryId, at, work.body);
          result = await postWebhook(verdict, {
            'webhook-id': deliveryId, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature,
          }, work.body);
        }
        const delivered = result.statusCode !== null && acknowledged(result.statusCode);
        const failures = work.delivery.attempts + 1;
        const giveUp = !delivered && shouldGiveUp(work.delivery.firstAttemptAt ?? at, at);
        const next = delivered || giveUp ? null : new Date(at.getTime() + retryDelayMs(failures, deps.firstRetryMs));
        const error = delivered ? null : result.error ?? `The receiver answered ${result.statusCode}${result.statusCode! >= 300 && result.statusCode! < 400 ? ' (redirects are not followed)' : ''}`;
        await recordAttempt(em, deliveryId, { at, statusCode: result.statusCode, error, delivered, nextAttemptAt: next });
        if (delivered) return;
        if (giveUp) {
          await disableAfterFailures(em, work.delivery.subscriptionId, work.delivery.organisationId);
          deps.logger.warn({ subscriptionId: work.delivery.subscriptionId }, 'event subscription disabled after a day of failed deliveries');
          return;
        }
        throw new Error(`webhook delivery ${deliveryId} failed: ${error}`);
      },
    },
  };
}

async function disableAfterFailures(em: ReturnType<MikroORM['em']['fork']>, subscriptionId: string, organisationId: string): Promise<void> {
  const at = auditInstant();
  await em.transactional(async (tx) => {
    const row = await disableSubscription(tx, subscriptionId, 'DELIVERY_FAILED_FOR_A_DAY', at);
    if (!row) return;
    await appendAuditEvents(tx, [{
      organisationId, at, actor: 'service:signing', actorPersonId: null, action: 'eventSubscription.disabled',
      target: `eventSubscription:${subscriptionId}`, before: { active: true }, after: { active: false, reason: 'DELIVERY_FAILED_FOR_A_DAY' },
      source: 'signing', sourceId: null, receiptId: null,
    }]);
  });
}
