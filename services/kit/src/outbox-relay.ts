import { Pool } from 'pg';
import type { AuditEventsRequest } from './internal-api';
import type { ServiceCredentials } from './service-credentials';
import type { Logger } from './logger';

/**
 * The generic outbox relay (R-AUDIT-1): moves a service's `<schema>.outbox_event` rows to the
 * signing service's hash-chained audit log (`POST /internal/audit-events`).
 *
 * Delivery is at-least-once: rows are read WHERE delivered_at IS NULL in id order under
 * `FOR UPDATE SKIP LOCKED` (two relays never send the same row at the same time), POSTed, and
 * marked delivered in the same transaction only after a 2xx. A crash between sending and marking
 * leaves the rows undelivered, so they are sent again; the audit log de-duplicates on
 * (source, sourceId = outbox id). Together: nothing lost, nothing doubled.
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
  /** Test hook: runs after a successful POST and before the rows are marked (simulates a crash). */
  afterSend?: (ids: number[]) => void | Promise<void>;
}

export interface OutboxRelay {
  /** Sends one batch; returns how many rows were delivered (0 when there was nothing to send). */
  relayOnce(): Promise<number>;
  /** Sends batches until the outbox is empty. */
  drain(): Promise<number>;
  /** Polls every `intervalMs` until stopped. */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
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
  return createTableRelay<OutboxRow>({
    databaseUrl: opts.databaseUrl,
    table: `"${opts.schema}".outbox_event`,
    columns: 'id, occurred_at, actor, organisation_id, action, target, before, after',
    batchSize: opts.batchSize,
    logger: opts.logger,
    afterSend: opts.afterSend,
    name: 'outbox relay',
    async send(rows) {
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
      if (!res.ok) throw new Error(`The audit log answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    },
  });
}

/**
 * The relay's machinery for any outbox table `<schema>.<table>` with a bigserial `id` and a
 * nullable `delivered_at` (docs/architecture.md, "Outboxes"): rows are read undelivered in id order
 * under FOR UPDATE SKIP LOCKED, handed to `send`, and marked delivered in the same transaction only
 * when `send` returned. At-least-once, in id order per relay; the receiver de-duplicates.
 */
export interface TableRelayOptions<Row extends { id: string }> {
  databaseUrl: string;
  /** The quoted, schema-qualified table, e.g. `"organisations".unit_fact_outbox` (never user input). */
  table: string;
  /** The select list (must include `id`). */
  columns: string;
  /** Delivers one batch; throws when the receiver did not take it (the rows stay undelivered). */
  send(rows: Row[]): Promise<void>;
  batchSize?: number;
  logger?: Logger;
  afterSend?: (ids: number[]) => void | Promise<void>;
  /** How the logs name this relay. */
  name?: string;
}

export function createTableRelay<Row extends { id: string }>(opts: TableRelayOptions<Row>): OutboxRelay {
  const name = opts.name ?? 'outbox relay';
  const pool = new Pool({ connectionString: opts.databaseUrl, max: 1 });
  // A lost idle connection (database restart) is dropped by the pool; the next round reconnects.
  pool.on('error', (e) => opts.logger?.warn({ err: e }, `${name}: an idle database connection was lost`));
  const batchSize = opts.batchSize ?? 100;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let ended: Promise<void> | undefined;

  async function relayOnce(): Promise<number> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<Row>(
        `SELECT ${opts.columns} FROM ${opts.table} WHERE delivered_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      if (rows.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      await opts.send(rows);
      const ids = rows.map((r) => Number(r.id));
      await opts.afterSend?.(ids);
      await client.query(`UPDATE ${opts.table} SET delivered_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
      await client.query('COMMIT');
      return rows.length;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await relayOnce();
      total += n;
      if (n < batchSize) return total;
    }
  }

  return {
    relayOnce,
    drain,
    start(intervalMs = 1000) {
      if (timer) return;
      const tick = () => {
        running = drain()
          .catch((e: unknown) => opts.logger?.warn({ err: e }, `${name}: delivery failed; will retry`))
          .finally(() => { if (timer) timer = setTimeout(tick, intervalMs); });
      };
      timer = setTimeout(tick, 0);
    },
    async stop() {
      const t = timer;
      timer = undefined;
      if (t) clearTimeout(t);
      await running;
      // Stopping twice (a service stopped by a test, then by its system) ends the pool once.
      ended ??= pool.end();
      await ended;
    },
  };
}
