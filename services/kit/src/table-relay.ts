import { Pool } from 'pg';
import type { Logger } from './logger';
import { relayLoop, type OutboxRelay } from './relay-loop';

/**
 * A relay for any outbox table `<schema>.<table>` with a bigserial `id` and a nullable
 * `delivered_at` other than the audit outbox (organisations' unit facts, docs/architecture.md
 * "Unit facts"): rows are read undelivered in id order under FOR UPDATE SKIP LOCKED, handed to
 * `send`, and marked delivered in the same transaction only when `send` returned. At least once;
 * the receiver makes redelivery harmless (unit facts carry versions). The audit relay
 * (outbox-relay.ts) is this relay with one delivery at a time and its own refusal handling.
 *
 * With `holdRefused`, a row the receiver refuses for what it is (not for who sent it or when) is
 * held instead of blocking every row behind it: marked `refused_at`/`refusal`, logged once as an
 * error, never sent again by the relay, and the rest of the batch is delivered
 * (docs/operations.md, "Unit facts refused"). Anything else that fails is retried as before.
 */

/** What `send` answers when the receiver took the batch but refused some of its rows. */
export interface TableRelaySendResult {
  /** The refused rows by id (of the batch handed to `send`), and the receiver's reason. */
  refused?: { id: string; reason: string }[];
}

/**
 * The receiver refused a whole batch for its content (a 4xx that is not about credentials, a
 * timeout or load): sending it again unchanged would be refused again. With `holdRefused` the
 * relay then sends the batch's rows one by one and holds those refused on their own.
 */
export class BatchRefusedError extends Error {
  constructor(readonly status: number, readonly reason: string) {
    super(`The receiver refused the batch (HTTP ${status}): ${reason}`);
    this.name = 'BatchRefusedError';
  }
}

export interface TableRelayOptions<Row extends { id: string }> {
  databaseUrl: string;
  /** The quoted, schema-qualified table, e.g. `"organisations".unit_fact_outbox` (never user input). */
  table: string;
  /** The select list (must include `id`). */
  columns: string;
  /**
   * Delivers one batch; throws when the receiver did not take it (the rows stay undelivered). May
   * answer the rows the receiver refused (only with `holdRefused`).
   */
  send(rows: Row[]): Promise<void | TableRelaySendResult>;
  /**
   * Hold refused rows (the table has `refused_at timestamptz` and `refusal text`): rows `send`
   * answers as refused, or a batch it throws `BatchRefusedError` for, row by row. Held rows are
   * not read again until an operator clears `refused_at`.
   */
  holdRefused?: boolean;
  batchSize?: number;
  logger?: Logger;
  afterSend?: (ids: number[]) => void | Promise<void>;
  /** How the logs name this relay. */
  name?: string;
  /**
   * When set, one relay of this table delivers at a time (a transaction-scoped advisory lock on
   * this key; the others find it taken and wait for their next round), so rows leave in id order
   * even with several replicas.
   */
  oneAtATime?: string;
  /**
   * A failed round waits `intervalMs` and is logged as a warning, unless this gives its own wait
   * for the error (one the sender has already logged, that sending again soon would not change).
   */
  retryAfter?: (e: unknown, intervalMs: number) => number | undefined;
}

export function createTableRelay<Row extends { id: string }>(opts: TableRelayOptions<Row>): OutboxRelay {
  const name = opts.name ?? 'outbox relay';
  const pool = new Pool({ connectionString: opts.databaseUrl, max: 1 });
  // A lost idle connection (database restart) is dropped by the pool; the next round reconnects.
  pool.on('error', (e) => opts.logger?.warn({ err: e }, `${name}: an idle database connection was lost`));
  const batchSize = opts.batchSize ?? 100;

  /** Sends the batch; with `holdRefused`, answers the rows the receiver refused for what they are. */
  async function deliver(rows: Row[]): Promise<Map<string, string>> {
    const refused = new Map<string, string>();
    const take = (answer: void | TableRelaySendResult, batch: Row[]) => {
      const ids = new Set(batch.map((r) => String(r.id)));
      for (const r of answer?.refused ?? []) if (ids.has(String(r.id))) refused.set(String(r.id), r.reason);
    };
    try {
      take(await opts.send(rows), rows);
    } catch (e) {
      if (!(opts.holdRefused && e instanceof BatchRefusedError)) throw e;
      // The whole batch was refused: one row at a time finds the rows refused on their own.
      if (rows.length === 1) refused.set(String(rows[0].id), e.reason);
      else {
        for (const row of rows) {
          try {
            take(await opts.send([row]), [row]);
          } catch (one) {
            if (!(one instanceof BatchRefusedError)) throw one;
            refused.set(String(row.id), one.reason);
          }
        }
      }
    }
    if (refused.size > 0 && !opts.holdRefused) throw new Error(`${name}: the receiver refused ${refused.size} row(s), and this relay does not hold rows`);
    return refused;
  }

  async function relayOnce(): Promise<number> {
    const client = await pool.connect();
    // While a batch is out (the HTTP call), the checked-out connection has no query to fail; a
    // database restart then shows only as an 'error' event, which must not crash the service.
    const lostMidway = (e: Error) => opts.logger?.warn({ err: e }, `${name}: the database connection was lost during a delivery`);
    client.on('error', lostMidway);
    let held = new Map<string, string>();
    let count: number;
    try {
      await client.query('BEGIN');
      if (opts.oneAtATime !== undefined) {
        const { rows: [turn] } = await client.query<{ mine: boolean }>('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS mine', [opts.oneAtATime]);
        if (!turn.mine) {
          await client.query('COMMIT');
          return 0;
        }
      }
      const { rows } = await client.query<Row>(
        `SELECT ${opts.columns} FROM ${opts.table} WHERE delivered_at IS NULL${opts.holdRefused ? ' AND refused_at IS NULL' : ''} ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      if (rows.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      count = rows.length;
      held = await deliver(rows);
      const ids = rows.map((r) => Number(r.id)).filter((id) => !held.has(String(id)));
      await opts.afterSend?.(ids);
      await client.query(`UPDATE ${opts.table} SET delivered_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
      if (held.size > 0) {
        await client.query(
          `UPDATE ${opts.table} t SET refused_at = now(), refusal = h.refusal FROM unnest($1::bigint[], $2::text[]) AS h(id, refusal) WHERE t.id = h.id`,
          [[...held.keys()].map(Number), [...held.values()].map((r) => r.slice(0, 500))],
        );
      }
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.off('error', lostMidway);
      client.release();
    }
    // Once per held row, after the commit that held it (the relay never reads it again).
    for (const [id, reason] of held) {
      opts.logger?.error({ id: Number(id), reason }, `${name}: the receiver refused row ${id}; it is held (later rows are delivered) until an operator re-queues it — docs/operations.md`);
    }
    return count;
  }

  return relayLoop({
    relayOnce,
    batchSize,
    pool,
    onError(e, intervalMs) {
      const own = opts.retryAfter?.(e, intervalMs);
      if (own !== undefined) return own;
      opts.logger?.warn({ err: e }, `${name}: delivery failed; will retry`);
      return intervalMs;
    },
  });
}
