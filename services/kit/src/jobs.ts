import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import type { Logger } from './logger';

/**
 * The one job runner of every service (docs/architecture.md, "Scheduled work"): recurring jobs
 * (every N milliseconds, daily at an offset) and one-off, optionally delayed jobs with retry and
 * exponential back-off, all in one table per service schema, `<schema>.job`.
 *
 * Why a table and not graphile-worker or pg-boss: it must run across replicas without duplicates
 * behind PgBouncer in transaction pooling, where session state (LISTEN/NOTIFY, session advisory
 * locks, prepared statements) does not survive between statements. Every statement here is one
 * autocommit statement:
 *
 * - claim: `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)` sets `locked_at`/`locked_by`;
 *   a second runner skips the row while it is being claimed and, once the claim commits, no
 *   longer sees it as due — so a job runs once across replicas;
 * - recurring: each runner offers the current slot as a row keyed `task@slot` (`ON CONFLICT DO
 *   NOTHING`), with the slot computed from the database's clock, so replicas agree on it and each
 *   slot runs once; a slot is not offered while the previous one still runs (no pile-up);
 * - a runner that dies mid-job leaves a lease (`leaseMs`); after it expires another runner takes
 *   the job again (at-least-once only in that crash case — handlers stay idempotent).
 */

export interface JobRow {
  id: string;
  task: string;
  key: string | null;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  createdAt: Date;
}

export interface JobContext {
  job: JobRow;
  logger?: Logger;
}

export interface TaskDefinition<P = any> {
  handler: (payload: P, ctx: JobContext) => Promise<void>;
  /** How many times a one-off job is tried before it is marked failed (default 5). Recurring slots run once. */
  maxAttempts?: number;
  /** Back-off between attempts: initialMs · factor^(attempt-1), at most maxMs (defaults 5 s, 2, 1 h). */
  backoff?: { initialMs?: number; factor?: number; maxMs?: number };
  /** After this long a claimed job whose runner vanished is taken again (default 5 min). */
  leaseMs?: number;
}

export interface RecurringDefinition {
  task: string;
  /** The slot length: every N milliseconds (86_400_000 = daily). */
  everyMs: number;
  /** Shifts the slot start, e.g. 6 h for "daily at 06:00 UTC". */
  offsetMs?: number;
  payload?: unknown;
}

export interface AddJobOptions {
  /** Run no earlier than this (default: now, by the database's clock). */
  delayMs?: number;
  runAt?: Date;
  /** A job with the same key is added once (until it is cleaned up after it finished). */
  key?: string;
  maxAttempts?: number;
}

/** Something that runs one SQL statement: a pg Pool/Client (`query`, $n) or a MikroORM EntityManager (`execute`, ?). */
export type JobExecutor =
  | { query: (text: string, values?: unknown[]) => Promise<{ rows: any[] }> }
  | { execute: (sql: string, params?: unknown[]) => Promise<any> };

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

function table(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name ${schema}`);
  return `"${schema}".job`;
}

/** The DDL of `<schema>.job`; a service's migration runs it (migrations are the only way a schema changes). */
export function jobTableSql(schema: string): string {
  const t = table(schema);
  return `CREATE TABLE IF NOT EXISTS ${t} (
  id bigserial PRIMARY KEY,
  task text NOT NULL,
  key text UNIQUE,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  state text NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'done', 'failed')),
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts int NOT NULL DEFAULT 0,
  max_attempts int NOT NULL DEFAULT 1 CHECK (max_attempts >= 1),
  locked_at timestamptz,
  locked_by text,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX IF NOT EXISTS job_due_idx ON ${t} (run_at, id) WHERE state = 'waiting';
CREATE INDEX IF NOT EXISTS job_task_idx ON ${t} (task, state);`;
}

async function run(db: JobExecutor, sqlWithQuestionMarks: string, values: unknown[]): Promise<any[]> {
  if ('query' in db) {
    let i = 0;
    const text = sqlWithQuestionMarks.replace(/\?/g, () => `$${++i}`);
    return (await db.query(text, values)).rows;
  }
  const out = await db.execute(sqlWithQuestionMarks, values);
  return Array.isArray(out) ? out : [];
}

/**
 * Adds a one-off job. Pass the transaction's executor to add it atomically with the change that
 * needs it (e.g. a webhook delivery with the audit event it reports). Returns whether it was added
 * (false when a job with the same key exists).
 */
export async function addJob(db: JobExecutor, schema: string, task: string, payload: unknown, opts: AddJobOptions = {}): Promise<boolean> {
  const rows = await run(
    db,
    `INSERT INTO ${table(schema)} (task, key, payload, run_at, max_attempts)
     VALUES (?, ?, ?::jsonb, COALESCE(?::timestamptz, now() + (?::bigint * interval '1 millisecond')), ?)
     ON CONFLICT (key) DO NOTHING RETURNING id`,
    [task, opts.key ?? null, JSON.stringify(payload ?? {}), opts.runAt ? opts.runAt.toISOString() : null, Math.max(0, Math.round(opts.delayMs ?? 0)), opts.maxAttempts ?? 5],
  );
  return rows.length > 0;
}

/** Back-off before attempt `attempt + 1`, after `attempt` failed attempts (1-based). */
export function backoffMs(attempt: number, b: TaskDefinition['backoff'] = {}): number {
  const initial = b.initialMs ?? 5_000;
  const factor = b.factor ?? 2;
  const max = b.maxMs ?? 3_600_000;
  return Math.min(max, Math.round(initial * Math.pow(factor, Math.max(0, attempt - 1))));
}

export interface JobRunnerOptions {
  schema: string;
  /** Either a connection string (the runner opens a small pool of its own) or a pool to share. */
  databaseUrl?: string;
  pool?: Pool;
  tasks: Record<string, TaskDefinition>;
  recurring?: RecurringDefinition[];
  /** How often an idle runner looks for due jobs (default 1000 ms). */
  pollMs?: number;
  /** Jobs claimed per round, run one after another (default 10). */
  batchSize?: number;
  /** Finished jobs are deleted after this long (default 1 day). */
  keepFinishedMs?: number;
  logger?: Logger;
  workerId?: string;
}

export interface JobRunner {
  readonly workerId: string;
  start(): void;
  /** Stops polling and waits for the job in hand. */
  stop(): Promise<void>;
  /** One round: offer recurring slots, then claim and run due jobs until none is due. Returns how many ran. */
  runDue(): Promise<number>;
  add(task: string, payload: unknown, opts?: AddJobOptions): Promise<boolean>;
}

export function createJobRunner(opts: JobRunnerOptions): JobRunner {
  const t = table(opts.schema);
  const ownPool = !opts.pool;
  const pool = opts.pool ?? new Pool({ connectionString: opts.databaseUrl, max: 2 });
  // An idle connection the server ends (a restart, a failover) must not crash the process: the
  // pool drops it and the next round connects afresh (docs/operations.md).
  if (ownPool) pool.on('error', (e) => opts.logger?.warn({ err: e }, 'job runner: an idle database connection was lost'));
  const workerId = opts.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const taskNames = Object.keys(opts.tasks);
  const recurring = opts.recurring ?? [];
  for (const r of recurring) {
    if (!opts.tasks[r.task]) throw new Error(`Recurring job ${r.task} has no task definition`);
    if (!(r.everyMs >= 10)) throw new Error(`Recurring job ${r.task}: everyMs must be at least 10`);
  }
  const batchSize = opts.batchSize ?? 10;
  const pollMs = opts.pollMs ?? 1000;
  const keepFinishedMs = opts.keepFinishedMs ?? 86_400_000;
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;
  let inFlight: Promise<unknown> = Promise.resolve();
  let lastCleanup = 0;

  async function offerRecurring(): Promise<void> {
    for (const r of recurring) {
      // The slot comes from the database's clock, so every replica computes the same key.
      await pool.query(
        `INSERT INTO ${t} (task, key, payload, run_at, max_attempts)
         SELECT $1::text, $1::text || '@' || to_char(s.slot AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), $2::jsonb, s.slot, 1
           FROM (SELECT to_timestamp((floor((extract(epoch FROM now()) * 1000 - $4::bigint) / $3::bigint) * $3::bigint + $4::bigint) / 1000.0) AS slot) s
          WHERE NOT EXISTS (SELECT 1 FROM ${t} WHERE task = $1 AND state = 'waiting')
         ON CONFLICT (key) DO NOTHING`,
        [r.task, JSON.stringify(r.payload ?? {}), r.everyMs, r.offsetMs ?? 0],
      );
    }
  }

  async function claim(): Promise<JobRow[]> {
    // Lease per task: a job is claimable when waiting, due, and unclaimed or its lease expired.
    const leases = taskNames.map((n) => opts.tasks[n].leaseMs ?? 300_000);
    const { rows } = await pool.query(
      `UPDATE ${t} j SET locked_at = now(), locked_by = $1, attempts = j.attempts + 1
        WHERE j.id IN (
          SELECT q.id FROM ${t} q
            JOIN unnest($2::text[], $3::bigint[]) AS l(task, lease_ms) ON l.task = q.task
           WHERE q.state = 'waiting' AND q.run_at <= now()
             AND (q.locked_at IS NULL OR q.locked_at < now() - l.lease_ms * interval '1 millisecond')
           ORDER BY q.run_at, q.id LIMIT $4 FOR UPDATE OF q SKIP LOCKED)
        RETURNING j.id, j.task, j.key, j.payload, j.attempts, j.max_attempts, j.run_at, j.created_at`,
      [workerId, taskNames, leases, batchSize],
    );
    return rows.map((r) => ({
      id: String(r.id), task: r.task, key: r.key, payload: r.payload, attempts: r.attempts,
      maxAttempts: r.max_attempts, runAt: r.run_at, createdAt: r.created_at,
    }));
  }

  async function execute(job: JobRow): Promise<void> {
    const def = opts.tasks[job.task];
    try {
      await def.handler(job.payload, { job, logger: opts.logger });
      await pool.query(
        `UPDATE ${t} SET state = 'done', finished_at = now(), locked_at = NULL, last_error = NULL WHERE id = $1 AND locked_by = $2`,
        [job.id, workerId],
      );
    } catch (e) {
      const message = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      const final = job.attempts >= job.maxAttempts;
      opts.logger?.warn({ task: job.task, jobId: job.id, attempt: job.attempts, final, err: message }, final ? 'job failed for good' : 'job failed; will retry');
      await pool.query(
        final
          ? `UPDATE ${t} SET state = 'failed', finished_at = now(), locked_at = NULL, last_error = $3 WHERE id = $1 AND locked_by = $2`
          : `UPDATE ${t} SET locked_at = NULL, last_error = $3, run_at = now() + $4::bigint * interval '1 millisecond' WHERE id = $1 AND locked_by = $2`,
        final ? [job.id, workerId, message] : [job.id, workerId, message, backoffMs(job.attempts, def.backoff)],
      );
    }
  }

  async function cleanup(): Promise<void> {
    if (Date.now() - lastCleanup < 60_000) return;
    lastCleanup = Date.now();
    await pool.query(
      `DELETE FROM ${t} WHERE id IN (SELECT id FROM ${t} WHERE state <> 'waiting' AND finished_at < now() - $1::bigint * interval '1 millisecond' LIMIT 1000)`,
      [keepFinishedMs],
    );
  }

  async function runDue(): Promise<number> {
    await offerRecurring();
    let ran = 0;
    while (!stopping) {
      const jobs = await claim();
      for (const job of jobs) {
        await execute(job);
        ran++;
      }
      if (jobs.length < batchSize) break;
    }
    await cleanup();
    return ran;
  }

  function schedule(delay: number) {
    if (stopping) return;
    timer = setTimeout(() => {
      inFlight = runDue()
        .catch((e: unknown) => opts.logger?.warn({ err: e }, 'job runner: a round failed; trying again'))
        .finally(() => schedule(pollMs));
    }, delay);
    timer.unref?.();
  }

  let stopped: Promise<void> | undefined;
  return {
    workerId,
    start() {
      if (timer || stopping) return;
      schedule(0);
    },
    // Idempotent: a service's shutdown and a test's teardown may both stop the runner.
    stop() {
      stopped ??= (async () => {
        stopping = true;
        if (timer) clearTimeout(timer);
        await inFlight;
        if (ownPool) await pool.end();
      })();
      return stopped;
    },
    runDue,
    add: (task, payload, o) => addJob(pool, opts.schema, task, payload, o),
  };
}
