import type { Express, Request, Response } from 'express';
import { requireServiceCredential } from '@behorig/kit/auth';
import type { MikroORM } from '@mikro-orm/postgresql';
import { isValidIsoDate } from '@behorig/kit/dates';
import { isUuid } from '@behorig/kit/errors';
import type { SigningDeps } from '../../deps';
import { disabledSubscriptionsSince } from './webhooks.store';

/**
 * GET /internal/organisations/:id/disabled-event-subscriptions?since=YYYY-MM-DD — for the access
 * service only (R-AUTH-4): the subscriptions disabled after a day of failed deliveries (R-HOOK-1),
 * which access shows as notices (R-NOTE-1). Access never reads this service's tables.
 */
export function webhooksRoutes(app: Express, orm: MikroORM, deps: SigningDeps): void {
  app.get('/internal/organisations/:id/disabled-event-subscriptions', requireServiceCredential(deps.credentials, ['access']), async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const since = String(req.query.since ?? '');
    if (!isUuid(id) || !isValidIsoDate(since)) return void res.status(400).json({ error: 'invalid_request', message: 'An organisation id and since=YYYY-MM-DD are required.' });
    const rows = await disabledSubscriptionsSince(orm.em.fork(), id, since);
    res.json({ subscriptions: rows.map((r) => ({ id: r.id, url: r.url, disabledAt: r.disabledAt.toISOString() })) });
  });
}
