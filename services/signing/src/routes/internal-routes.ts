import express, { type Express, type Request, type Response } from 'express';
import { actorFromAuthorization, requireInternalSecret } from '@behorig/kit';
import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { appendAuditEvents } from '../audit/audit-log';
import { BankIdError, BankIdUnavailableError, messageForErrorCode } from '../bankid';
import type { SigningDeps } from '../deps';
import { cancelForEditedSet, startSign } from '../orders/order-service';
import { enqueueWebhookDeliveries } from '../modules/webhooks/webhook-enqueue.service';

const SignOrderBody = z.object({
  organisationId: z.string().uuid(),
  changeSetId: z.string().uuid(),
  digest: z.string().min(1),
  userVisibleData: z.string().min(1).max(30_000),
  endUserIp: z.string().min(1),
});

const AuditEventsBody = z.object({
  source: z.enum(['organisations', 'access']),
  events: z.array(z.object({
    sourceId: z.union([z.string().min(1), z.number().int()]).transform(String),
    occurredAt: z.union([z.string(), z.date()]).pipe(z.coerce.date()),
    actor: z.string().min(1),
    organisationId: z.string().uuid().nullable(),
    action: z.string().min(1),
    target: z.string(),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
  })).max(1000),
});

const PERSON_LABEL = /^person:([0-9a-f-]{36})$/i;

/**
 * Service-to-service endpoints (docs/architecture.md), all behind the shared internal secret:
 * - POST /internal/sign-orders — access's signChanges starts a BankID sign order for the caller;
 * - POST /internal/sign-orders/:orderRef/cancel — access cancels the order of a set edited while being signed (R-SIGN-7);
 * - POST /internal/audit-events — every outbox relay delivers events into the hash chain.
 */
export function internalRoutes(app: Express, orm: MikroORM, deps: SigningDeps, secret: string): void {
  const guard = requireInternalSecret(secret);
  const json = express.json({ limit: '2mb' });

  app.post('/internal/sign-orders', guard, json, async (req: Request, res: Response) => {
    let actor;
    try {
      actor = await actorFromAuthorization(req.headers.authorization, deps.verify);
    } catch {
      return void res.status(401).json({ error: 'unauthenticated', message: 'The forwarded Authorization is not a valid token.' });
    }
    if (actor?.kind !== 'person') return void res.status(403).json({ error: 'person_required', message: 'Only a person can sign with BankID.' });
    const body = SignOrderBody.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: 'invalid_request', message: body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    try {
      const order = await startSign(orm.em.fork(), deps, actor, body.data);
      res.json({ orderRef: order.orderRef });
    } catch (e) {
      if (e instanceof BankIdUnavailableError) return void res.status(503).json({ error: 'bankid_unavailable', message: `BankID cannot be reached: ${e.message}` });
      if (e instanceof BankIdError) {
        return void res.status(e.errorCode === 'alreadyInProgress' ? 409 : 400).json({ error: e.errorCode, message: messageForErrorCode(e.errorCode).sv });
      }
      deps.logger.error({ err: e }, 'starting a sign order failed');
      res.status(500).json({ error: 'internal_error' });
    }
  });

  app.post('/internal/sign-orders/:orderRef/cancel', guard, json, async (req: Request, res: Response) => {
    try {
      const order = await cancelForEditedSet(orm.em.fork(), deps, String(req.params.orderRef));
      if (!order) return void res.status(404).json({ error: 'not_found' });
      res.json({ orderRef: order.orderRef, status: order.status });
    } catch (e) {
      if (e instanceof BankIdUnavailableError) return void res.status(503).json({ error: 'bankid_unavailable', message: e.message });
      deps.logger.error({ err: e }, 'cancelling a sign order failed');
      res.status(500).json({ error: 'internal_error' });
    }
  });

  app.post('/internal/audit-events', guard, json, async (req: Request, res: Response) => {
    const body = AuditEventsBody.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: 'invalid_request', message: body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    const { source, events } = body.data;
    try {
      const result = await orm.em.fork().transactional(async (tx) => {
        const appended = await appendAuditEvents(tx, events.map((e) => ({
          organisationId: e.organisationId, at: new Date(e.occurredAt.getTime()), actor: e.actor,
          actorPersonId: PERSON_LABEL.exec(e.actor)?.[1] ?? null, action: e.action, target: e.target,
          before: e.before ?? null, after: e.after ?? null, source, sourceId: e.sourceId,
          receiptId: receiptIdOf(e.after),
        })));
        // R-HOOK-1: each newly logged applied change becomes its webhook deliveries, in this transaction.
        await enqueueWebhookDeliveries(tx, appended.rows.filter((r) => r.organisationId).map((r) => ({ ...r, organisationId: r.organisationId! })));
        return { appended: appended.appended, duplicates: appended.duplicates };
      });
      res.json(result);
    } catch (e) {
      deps.logger.error({ err: e }, 'appending audit events failed');
      res.status(500).json({ error: 'internal_error' });
    }
  });
}

/** Access puts the receipt id into the events of an applied change set; link them to the receipt. */
function receiptIdOf(after: unknown): string | null {
  const id = (after as { receiptId?: unknown } | null | undefined)?.receiptId;
  return typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) ? id : null;
}
