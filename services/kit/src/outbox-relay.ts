import type { AuditEventsRequest } from './internal-api';
import type { ServiceCredentials } from './service-credentials';
import type { Logger } from './logger';
import type { OutboxRelay } from './relay-loop';
import { createTableRelay } from './table-relay';

export type { OutboxRelay } from './relay-loop';

/**
 * The generic outbox relay (R-AUDIT-1): moves a service's `<schema>.outbox_event` rows to the
 * signing service's hash-chained audit log (`POST /internal/audit-events`).
 *
 * Delivery is at-least-once: rows are read WHERE delivered_at IS NULL in id order under
 * `FOR UPDATE SKIP LOCKED` (two relays never send the same row at the same time), POSTed, and
 * marked delivered in the same transaction only after a 2xx. A crash between sending and marking
 * leaves the rows undelivered, so they are sent again; the audit log de-duplicates on
 * (source, sourceId = outbox id). Together: nothing lost, nothing doubled.
 *
 * One relay per schema delivers at a time (a transaction-scoped advisory lock; the others find
 * it taken and wait for their next round), so the log receives each outbox in id order even with
 * several replicas: signing dates a delivery against what the source has already delivered
 * (R-AUTH-4, docs/security.md), and a backlog delivered out of order could fall behind itself.
 *
 * A delivery signing refuses (4xx) is never skipped — that would lose evidence — so it holds the
 * outbox at its first row; the relay logs it as an error naming the rows and signing's reason,
 * and tries again after `refusedRetryMs` (docs/operations.md, "Audit delivery refused").
 */
export interface OutboxRelayOptions {
  databaseUrl: string;
  /** The service's PostgreSQL schema, e.g. 'access'. Also the `source` the log records. */
  schema: 'organisations' | 'access';
  /** Base URL of the signing service, e.g. http://localhost:4003. */
  signingUrl: string;
  /** This service's credentials (R-AUTH-4): signing accepts only events whose source is the credential's service. */
  credentials: ServiceCredentials;
  batchSize?: number;
  logger?: Logger;
  /** Wait after a refused delivery before trying it again (default 60 s; a refusal does not pass by itself). */
  refusedRetryMs?: number;
  /** Test hook: runs after a successful POST and before the rows are marked (simulates a crash). */
  afterSend?: (ids: number[]) => void | Promise<void>;
}

/** Signing refused a delivery (4xx): it will not pass by being sent again unchanged. */
export class AuditDeliveryRefusedError extends Error {
  constructor(readonly status: number, readonly reason: string, readonly firstId: number, readonly lastId: number) {
    super(`The audit log refused events ${firstId}–${lastId} (HTTP ${status}): ${reason}`);
    this.name = 'AuditDeliveryRefusedError';
  }
}

interface OutboxRow {
  id: string;
  occurred_at: Date;
  actor: string;
  organisation_id: string | null;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

export function createOutboxRelay(opts: OutboxRelayOptions): OutboxRelay {
  if (!/^[a-z_]+$/.test(opts.schema)) throw new Error(`Invalid schema name ${opts.schema}`);
  if (opts.credentials.service !== opts.schema) throw new Error(`The ${opts.schema} outbox is delivered with ${opts.schema}'s credentials, not ${opts.credentials.service}'s`);
  const endpoint = `${opts.signingUrl.replace(/\/$/, '')}/internal/audit-events`;

  async function send(rows: OutboxRow[]): Promise<void> {
    const events: AuditEventsRequest['events'] = rows.map((r) => ({
      sourceId: String(r.id), occurredAt: r.occurred_at.toISOString(), actor: r.actor, organisationId: r.organisation_id,
      action: r.action, target: r.target, before: r.before, after: r.after,
    }));
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: await opts.credentials.headers('signing'),
      body: JSON.stringify({ source: opts.schema, events } satisfies AuditEventsRequest),
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
      const text = await res.text();
      let reason = text.slice(0, 500);
      try { reason = String((JSON.parse(text) as { message?: unknown }).message ?? reason); } catch { /* not JSON: the text itself */ }
      const refused = new AuditDeliveryRefusedError(res.status, reason, Number(rows[0].id), Number(rows[rows.length - 1].id));
      opts.logger?.error({ schema: opts.schema, status: res.status, firstId: refused.firstId, lastId: refused.lastId, events: rows.length, reason },
        `outbox relay: signing refused ${opts.schema} audit events ${refused.firstId}–${refused.lastId}; the outbox is held at ${refused.firstId} (nothing is skipped or lost, later events wait) until the refusal is resolved — docs/operations.md, "Audit delivery refused"`);
      throw refused;
    }
    if (!res.ok) throw new Error(`The audit log answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  }

  return createTableRelay<OutboxRow>({
    databaseUrl: opts.databaseUrl,
    table: `"${opts.schema}".outbox_event`,
    columns: 'id, occurred_at, actor, organisation_id, action, target, before, after',
    send,
    batchSize: opts.batchSize,
    logger: opts.logger,
    afterSend: opts.afterSend,
    name: 'outbox relay',
    oneAtATime: `behorig:outbox-relay:${opts.schema}`,
    // A refusal is logged as an error where it happens; sending it again every second would not change it.
    retryAfter: (e, intervalMs) => (e instanceof AuditDeliveryRefusedError ? Math.max(intervalMs, opts.refusedRetryMs ?? 60_000) : undefined),
  });
}
