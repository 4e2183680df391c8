import express, { type Express } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { parsePersonalNumber } from '@behorig/kit/identity';
import { callerServiceOf, requireServiceCredential, type ServiceCredentials } from '@behorig/kit/auth';
import { ValidationError } from '@behorig/kit/errors';
import { writeOutboxEvent } from '@behorig/kit/outbox';
import { applyChangeSet, type ApplyDeps } from '../modules/changes/change-set-apply.service';
import { endSigning } from '../modules/changes/changes.service';
import { findLoginCandidate, findSealedNumber } from '../modules/people/people.store';
import { correctNameFromBankId } from '../modules/people/people.service';

/**
 * Service-to-service endpoints (not in the graph), for the signing service only and only with its
 * service credential (R-AUTH-4, kit requireServiceCredential). Reading a person by personal number
 * or a person's number writes an audit event (no organisation's chain; never the number itself):
 * - GET /internal/people/by-personal-number/:pnr — who may log in (signing's completeLogin, R-AUTH-1).
 * - GET /internal/people/:id/personal-number — the number BankID's sign order is bound to
 *   (signing's startSign, R-SIGN-2): session tokens name the person by id only.
 * - POST /internal/people/:id/bankid-name {givenName, surname, orderRef} — BankID's name for the
 *   person at their own log-in corrects the identity row, with an audit event (R-USR-5).
 * - POST /internal/change-sets/:id/apply {receipt} — apply a signed change set (R-SIGN-3/4).
 * - POST /internal/change-sets/:id/signing-ended {orderRef, digest, reason} — its BankID order
 *   ended unsigned: back to DRAFT with an audit event (R-SIGN-7).
 */
export function internalRoutes(credentials: ServiceCredentials, deps: ApplyDeps) {
  return (app: Express, orm: MikroORM) => {
    const guard = requireServiceCredential(credentials, ['signing']);
    const audited = (res: Parameters<typeof callerServiceOf>[0], action: string, target: string) =>
      writeOutboxEvent(orm.em.fork(), 'access', { actor: { kind: 'service', service: callerServiceOf(res) }, organisationId: null, action, target });
    app.get('/internal/people/by-personal-number/:pnr', guard, async (req, res, next) => {
      try {
        let canonical: string;
        try {
          canonical = parsePersonalNumber(String(req.params.pnr), 'pnr', deps.today()).canonical;
        } catch (e) {
          if (e instanceof ValidationError) return void res.status(400).json({ error: 'bad_personal_number', message: e.message });
          throw e;
        }
        const today = deps.today();
        const found = await findLoginCandidate(orm.em.fork(), deps.vault.hash(canonical), today);
        await audited(res, 'access.person.looked_up_by_personal_number', found ? `person:${found.id}` : 'person:none');
        if (!found) return void res.status(404).json({ error: 'not_found' });
        res.json({ personId: found.id, givenName: found.givenName, surname: found.surname, hasActiveMembership: found.active });
      } catch (e) {
        next(e);
      }
    });
    app.get('/internal/people/:id/personal-number', guard, async (req, res, next) => {
      try {
        if (!/^[0-9a-f-]{36}$/i.test(String(req.params.id))) return void res.status(404).json({ error: 'not_found' });
        const sealed = await findSealedNumber(orm.em.fork(), String(req.params.id));
        if (!sealed) return void res.status(404).json({ error: 'not_found' });
        await audited(res, 'access.person.personal_number_read', `person:${String(req.params.id)}`);
        res.json({ personalNumber: deps.vault.open(sealed) });
      } catch (e) {
        next(e);
      }
    });
    app.post('/internal/people/:id/bankid-name', guard, express.json({ limit: '4kb' }), async (req, res, next) => {
      try {
        const b = (req.body ?? {}) as { givenName?: unknown; surname?: unknown; orderRef?: unknown };
        if (!/^[0-9a-f-]{36}$/i.test(String(req.params.id))) return void res.status(404).json({ error: 'not_found' });
        if (typeof b.givenName !== 'string' || typeof b.surname !== 'string' || typeof b.orderRef !== 'string') {
          return void res.status(400).json({ error: 'invalid_request', message: 'givenName, surname and orderRef are required' });
        }
        const result = await correctNameFromBankId(orm.em, String(req.params.id), { givenName: b.givenName, surname: b.surname, orderRef: b.orderRef });
        if (!result) return void res.status(404).json({ error: 'not_found' });
        res.json(result);
      } catch (e) {
        if (e instanceof ValidationError) return void res.status(400).json({ error: 'invalid_name', message: e.message });
        next(e);
      }
    });
    app.post('/internal/change-sets/:id/signing-ended', guard, express.json({ limit: '16kb' }), async (req, res, next) => {
      try {
        const b = (req.body ?? {}) as { orderRef?: unknown; digest?: unknown; reason?: unknown };
        if (!/^[0-9a-f-]{36}$/i.test(String(req.params.id))) return void res.status(404).json({ error: 'not_found', message: 'There is no such change set.' });
        if (typeof b.orderRef !== 'string' || typeof b.digest !== 'string' || typeof b.reason !== 'string' || !/^[A-Za-z_]{1,64}$/.test(b.reason)) {
          return void res.status(400).json({ error: 'invalid_request', message: 'orderRef, digest and reason are required' });
        }
        res.json(await endSigning(orm.em, String(req.params.id), { orderRef: b.orderRef, digest: b.digest, reason: b.reason }));
      } catch (e) {
        next(e);
      }
    });
    app.post('/internal/change-sets/:id/apply', guard, express.json({ limit: '64kb' }), async (req, res, next) => {
      try {
        const receipt = (req.body as { receipt?: unknown } | undefined)?.receipt;
        if (typeof receipt !== 'string' || !receipt) return void res.status(400).json({ error: 'invalid_receipt', message: 'receipt (a JWS) is required' });
        if (!/^[0-9a-f-]{36}$/i.test(String(req.params.id))) return void res.status(404).json({ error: 'not_found', message: 'There is no such change set.' });
        const result = await applyChangeSet(orm.em, deps, String(req.params.id), receipt);
        res.status(result.status).json(result.body);
      } catch (e) {
        next(e);
      }
    });
  };
}
