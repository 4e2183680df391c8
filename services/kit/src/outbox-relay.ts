import { Pool } from 'pg';
import type { AuditEventsRequest } from './internal-api';
import type { ServiceCredentials } from './service-credentials';
import type { Logger } from './logger';
import { relayLoop, type OutboxRelay } from './relay-loop';

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
  const pool = new Pool({ connectionString: opts.databaseUrl, max: 1 });
  // A lost idle connection (database restart) is dropped by the pool; the next round reconnects.
  pool.on('error', (e) => opts.logger?.warn({ err: e }, 'outbox relay: an idle database connection was lost'));
  const endpoint = `${opts.signingUrl.replace(/\/$/, '')}/internal/audit-events`;
  const batchSize = opts.batchSize ?? 100;

  async function relayOnce(): Promise<number> {
    const client = await pool.connect();
    // While a batch is out (the HTTP call), the checked-out connection has no query to fail; a
    // database restart then shows only as an 'error' event, which must not crash the service.
    const lostMidway = (e: Error) => opts.logger?.warn({ err: e }, 'outbox relay: the database connection was lost during a delivery');
    client.on('error', lostMidway);
    try {
      await client.query('BEGIN');
      const { rows: [turn] } = await client.query<{ mine: boolean }>('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS mine', [`behorig:outbox-relay:${opts.schema}`]);
      if (!turn.mine) {
        // Another relay is delivering this outbox; it carries on in id order.
        await client.query('COMMIT');
        return 0;
      }
      const { rows } = await client.query<OutboxRow>(
        `SELECT id, occurred_at, actor, organisation_id, action, target, before, after
           FROM "${opts.schema}".outbox_event WHERE delivered_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      if (rows.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
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
      const ids = rows.map((r) => Number(r.id));
      if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
        const text = await res.text();
        let reason = text.slice(0, 500);
        try { reason = String((JSON.parse(text) as { message?: unknown }).message ?? reason); } catch { /* not JSON: the text itself */ }
        const refused = new AuditDeliveryRefusedError(res.status, reason, ids[0], ids[ids.length - 1]);
        opts.logger?.error({ schema: opts.schema, status: res.status, firstId: refused.firstId, lastId: refused.lastId, events: ids.length, reason },
          `outbox relay: signing refused ${opts.schema} audit events ${refused.firstId}–${refused.lastId}; the outbox is held at ${refused.firstId} (nothing is skipped or lost, later events wait) until the refusal is resolved — docs/operations.md, "Audit delivery refused"`);
        throw refused;
      }
      if (!res.ok) throw new Error(`The audit log answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
      await opts.afterSend?.(ids);
      await client.query(`UPDATE "${opts.schema}".outbox_event SET delivered_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
      await client.query('COMMIT');
      return rows.length;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.off('error', lostMidway);
      client.release();
    }
  }

  return relayLoop({
    relayOnce,
    batchSize,
    pool,
    onError(e, intervalMs) {
      // A refusal is logged as an error where it happens; sending it again every second would not change it.
      if (e instanceof AuditDeliveryRefusedError) return Math.max(intervalMs, opts.refusedRetryMs ?? 60_000);
      opts.logger?.warn({ err: e }, 'outbox relay: delivery failed; will retry');
      return intervalMs;
    },
  });
}
