import express, { type Express, type Request, type Response } from 'express';
import { actorFromAuthorization, requireServiceCredential } from '@behorig/kit/auth';
import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { BankIdError, BankIdUnavailableError, messageForErrorCode } from '../../bankid';
import type { SigningDeps } from '../../deps';
import { maySign } from '../../policy/signing.policy';
import { cancelForEditedSet, startSign } from './orders.service';
import { SealConflictError, sealChangeSet } from './service-seal.service';

const ServiceSealBody = z.object({
  organisationId: z.string().uuid(),
  changeSetId: z.string().uuid(),
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  reviewId: z.string().uuid(),
  changes: z.number().int().min(1).max(100_000),
});

const SignOrderBody = z.object({
  organisationId: z.string().uuid(),
  changeSetId: z.string().uuid(),
  digest: z.string().min(1),
  userVisibleData: z.string().min(1).max(30_000),
  endUserIp: z.string().min(1),
});

/**
 * The orders feature's service-to-service endpoints (docs/architecture.md), for the access
 * service only, with its own service credential (R-AUTH-4, kit requireServiceCredential):
 * - POST /internal/sign-orders — access's signChanges starts a BankID sign order for the caller;
 * - POST /internal/sign-orders/:orderRef/cancel — access cancels the order of a set edited while being signed (R-SIGN-7);
 * - POST /internal/service-seals — access's review-deadline job has a set that only takes access
 *   away sealed by the authority's service (R-REV-1, docs/evidence.md "Service seals").
 */
export function ordersRoutes(app: Express, orm: MikroORM, deps: SigningDeps): void {
  const guard = requireServiceCredential(deps.credentials, ['access']);
  const json = express.json({ limit: '2mb' });

  app.post('/internal/sign-orders', guard, json, async (req: Request, res: Response) => {
    let actor;
    try {
      actor = await actorFromAuthorization(req.headers.authorization, deps.verify);
    } catch {
      return void res.status(401).json({ error: 'unauthenticated', message: 'The forwarded Authorization is not a valid token.' });
    }
    if (!maySign(actor)) return void res.status(403).json({ error: 'person_required', message: 'Only a person can sign with BankID.' });
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

  app.post('/internal/service-seals', guard, json, async (req: Request, res: Response) => {
    const body = ServiceSealBody.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: 'invalid_request', message: body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    try {
      res.json(await sealChangeSet(orm.em.fork(), deps, body.data));
    } catch (e) {
      if (e instanceof SealConflictError) return void res.status(409).json({ error: 'sealed_with_another_digest', message: e.message });
      deps.logger.error({ err: e }, 'sealing a change set failed');
      res.status(500).json({ error: 'internal_error' });
    }
  });
}
