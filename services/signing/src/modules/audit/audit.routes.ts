import express, { type Express, type Request, type Response } from 'express';
import { actorFromAuthorization, auditDeliveryRefusal, callerServiceOf, requireServiceCredential } from '@behorig/kit/auth';
import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { SigningDeps } from '../../deps';
import { mayReadAuditLog, routeCaller } from '../../policy/signing.policy';
import { appendAuditEvents } from './audit.service';
import { auditStore } from './audit.store';
import { periodFilter } from './rules/audit-period';
import { enqueueWebhookDeliveries } from '../webhooks/webhook-enqueue.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /audit/export?organisationId=…&from=…&to=… with `Authorization: Bearer <token>` —
 * the organisation's audit log for the period as JSON Lines (one event per line, oldest first,
 * with seq, hash and prevHash so the export itself can be checked against the chain), and the
 * signed checkpoints as `{"type":"checkpoint",…,"jws":…}` lines, so that the export verifies
 * offline with the JWKS alone (`npm run -s verify-export`, docs/evidence.md).
 * `from`/`to` are ISO dates or instants (from inclusive, to exclusive); both optional.
 * Same visibility as Organisation.auditLog (R-AUDIT-3).
 */
export function auditRoutes(app: Express, orm: MikroORM, deps: SigningDeps): void {
  app.get('/audit/export', async (req: Request, res: Response) => {
    let actor;
    try {
      actor = await actorFromAuthorization(req.headers.authorization, deps.verify);
    } catch {
      return void res.status(401).json({ error: 'unauthenticated' });
    }
    if (!actor) return void res.status(401).json({ error: 'unauthenticated' });
    const organisationId = String(req.query.organisationId ?? '');
    if (!UUID.test(organisationId)) return void res.status(400).json({ error: 'invalid_request', field: 'organisationId' });
    let period;
    try {
      period = periodFilter(req.query.from ? String(req.query.from) : null, req.query.to ? String(req.query.to) : null);
    } catch (e) {
      return void res.status(400).json({ error: 'invalid_request', message: (e as Error).message });
    }
    let allowed: boolean;
    try {
      allowed = await mayReadAuditLog(routeCaller(actor, req.headers.authorization, deps.permissionSource, deps.permissionDecisions), organisationId);
    } catch (e) {
      // No definite answer from access (kit PermissionClient: SERVICE_UNAVAILABLE): the client may retry.
      const code = (e as { extensions?: { code?: unknown } }).extensions?.code;
      if (code === 'SERVICE_UNAVAILABLE') return void res.status(503).json({ error: 'access_unavailable' });
      if (code === 'UNAUTHENTICATED') return void res.status(401).json({ error: 'unauthenticated' });
      throw e;
    }
    if (!allowed) return void res.status(403).json({ error: 'forbidden', message: "Only the organisation's administrators and the authority may export its audit log." });
    const store = auditStore(orm.em.fork());
    const rows = await store.chainOf(organisationId, period);
    // R-AUDIT-4: the signed checkpoints from the first exported event on (up to the last one when
    // the period is closed), each right after the event it covers; any beyond the last event at the end.
    const checkpoints = rows.length === 0 ? [] : await store.checkpointsOf(organisationId, {
      fromSeq: rows[0].seq, ...(req.query.to ? { toSeq: rows[rows.length - 1].seq } : {}),
    });
    res.status(200).set('content-type', 'application/x-ndjson; charset=utf-8')
      .set('content-disposition', `attachment; filename="audit-${organisationId}.jsonl"`);
    const checkpointLine = (c: { seq: number; hash: string; jws: string }) =>
      `${JSON.stringify({ type: 'checkpoint', organisationId, seq: c.seq, hash: c.hash, jws: c.jws })}\n`;
    let next = 0;
    for (const r of rows) {
      res.write(`${JSON.stringify({
        type: 'event', seq: r.seq, at: r.at.toISOString(), organisationId: r.organisationId, actor: r.actor, actorPersonId: r.actorPersonId ?? null,
        action: r.action, target: r.target, before: r.before ?? null, after: r.after ?? null, source: r.source,
        sourceId: r.sourceId ?? null, receiptId: r.receiptId ?? null, prevHash: r.prevHash, hash: r.hash,
      })}\n`);
      while (next < checkpoints.length && checkpoints[next].seq <= r.seq) res.write(checkpointLine(checkpoints[next++]));
    }
    while (next < checkpoints.length) res.write(checkpointLine(checkpoints[next++]));
    res.end();
  });

  /**
   * POST /internal/audit-events — every outbox relay delivers events into the hash chain
   * (R-AUDIT-1), access and organisations only, each with its own service credential (R-AUTH-4).
   */
  const guard = requireServiceCredential(deps.credentials, ['access', 'organisations']);
  const json = express.json({ limit: '2mb' });
  app.post('/internal/audit-events', guard, json, async (req: Request, res: Response) => {
    const body = AuditEventsBody.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: 'invalid_request', message: body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    const { source, events } = body.data;
    // R-AUTH-4: only the credential's own service's events, none post-dated nor dated before what
    // that source has already delivered (beyond the skew); nothing written otherwise. Events already
    // in the log are a repeated delivery (at-least-once, R-AUDIT-1): they write nothing and are not
    // dated again, so a batch resent after a crash passes however far the log has moved on since.
    const caller = callerServiceOf(res);
    const store = auditStore(orm.em.fork());
    const known = source === caller ? await store.knownSourceIds(events.map((e) => ({ source, sourceId: e.sourceId }))) : new Set<string>();
    const fresh = events.filter((e) => !known.has(`${source}\u0000${e.sourceId}`));
    const floor = source === caller && fresh.length > 0 ? await store.sourceFloor(source) : null;
    const refusal = auditDeliveryRefusal(caller, { source, events: fresh }, deps.now(), floor);
    if (refusal) {
      deps.logger.warn({ source, events: events.length, reason: refusal }, 'audit events refused');
      return void res.status(403).json({ error: 'refused', message: refusal });
    }
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


/** Access puts the receipt id into the events of an applied change set; link them to the receipt. */
function receiptIdOf(after: unknown): string | null {
  const id = (after as { receiptId?: unknown } | null | undefined)?.receiptId;
  return typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) ? id : null;
}
