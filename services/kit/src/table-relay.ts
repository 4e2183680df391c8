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

  async function relayOnce(): Promise<number> {
    const client = await pool.connect();
    // While a batch is out (the HTTP call), the checked-out connection has no query to fail; a
    // database restart then shows only as an 'error' event, which must not crash the service.
    const lostMidway = (e: Error) => opts.logger?.warn({ err: e }, `${name}: the database connection was lost during a delivery`);
    client.on('error', lostMidway);
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
      client.off('error', lostMidway);
      client.release();
    }
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
