import { Client } from 'pg';
import { addJob, backoffMs, createJobRunner, jobTableSql, type JobRunner } from './jobs';
import { createTestDatabase, type TestDatabase } from './testing';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(25);
  }
}

describe('job runner (one table per service schema, FOR UPDATE SKIP LOCKED)', () => {
  let db: TestDatabase;
  let pg: Client;
  const runners: JobRunner[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('jobs');
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    await pg.query(`CREATE SCHEMA svc; ${jobTableSql('svc')}`);
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await pg.query('TRUNCATE svc.job');
  });
  afterAll(async () => {
    await pg.end();
    await db.drop();
  });

  it('two runners on one database run every one-off job exactly once', async () => {
    const ran: string[] = [];
    const tasks = {
      work: {
        handler: async (p: { n: number }, ctx: { job: { id: string } }) => {
          ran.push(`${p.n}:${ctx.job.id}`);
          await sleep(10);
        },
      },
    };
    for (let n = 0; n < 30; n++) await addJob(pg, 'svc', 'work', { n });
    const a = createJobRunner({ schema: 'svc', databaseUrl: db.url, tasks, pollMs: 20, batchSize: 3, workerId: 'a' });
    const b = createJobRunner({ schema: 'svc', databaseUrl: db.url, tasks, pollMs: 20, batchSize: 3, workerId: 'b' });
    runners.push(a, b);
    a.start();
    b.start();
    await until(() => ran.length >= 30);
    await sleep(200);
    expect(ran).toHaveLength(30);
    expect(new Set(ran.map((r) => r.split(':')[0])).size).toBe(30);
    const { rows } = await pg.query(`SELECT locked_by, count(*)::int AS n FROM svc.job WHERE state = 'done' GROUP BY locked_by`);
    // Both runners took part, and every row is done once.
    expect(rows.map((r) => r.locked_by).sort()).toEqual(['a', 'b']);
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(30);
  });

  it('a recurring job runs once per slot across two runners', async () => {
    const slots: string[] = [];
    const tasks = { tick: { handler: async (_p: unknown, ctx: { job: { key: string | null } }) => { slots.push(ctx.job.key ?? '?'); } } };
    const recurring = [{ task: 'tick', everyMs: 100 }];
    const a = createJobRunner({ schema: 'svc', databaseUrl: db.url, tasks, recurring, pollMs: 15, workerId: 'a' });
    const b = createJobRunner({ schema: 'svc', databaseUrl: db.url, tasks, recurring, pollMs: 15, workerId: 'b' });
    runners.push(a, b);
    a.start();
    b.start();
    await sleep(1500);
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    expect(slots.length).toBeGreaterThanOrEqual(3);
    expect(new Set(slots).size).toBe(slots.length);
    expect(slots.every((k) => /^tick@\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(k))).toBe(true);
  });

  it('a failing job is retried with back-off, as the same job, until it succeeds', async () => {
    const attempts: { id: string; attempt: number; at: number }[] = [];
    const tasks = {
      flaky: {
        maxAttempts: 5,
        backoff: { initialMs: 150, factor: 2 },
        handler: async (_p: unknown, ctx: { job: { id: string; attempts: number } }) => {
          attempts.push({ id: ctx.job.id, attempt: ctx.job.attempts, at: Date.now() });
          if (ctx.job.attempts < 3) throw new Error('receiver said 503');
        },
      },
    };
    const a = createJobRunner({ schema: 'svc', databaseUrl: db.url, tasks, pollMs: 10 });
    runners.push(a);
    await a.add('flaky', {});
    a.start();
    await until(async () => (await pg.query(`SELECT 1 FROM svc.job WHERE state = 'done'`)).rowCount === 1);
    expect(attempts.map((x) => x.attempt)).toEqual([1, 2, 3]);
    expect(new Set(attempts.map((x) => x.id)).size).toBe(1);
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(140);
    expect(attempts[2].at - attempts[1].at).toBeGreaterThanOrEqual(290);
    expect(backoffMs(1, { initialMs: 5000 })).toBe(5000);
    expect(backoffMs(20, { initialMs: 5000, maxMs: 3_600_000 })).toBe(3_600_000);
  });

  it('gives up after maxAttempts and keeps the last error', async () => {
    const tasks = { doomed: { maxAttempts: 2, backoff: { initialMs: 20 }, handler: async () => { throw new Error('never works'); } } };
    const a = createJobRunner({ schema: 'svc', databaseUrl: db.url, tasks, pollMs: 10 });
    runners.push(a);
    await a.add('doomed', {}, { maxAttempts: 2 });
    a.start();
    await until(async () => (await pg.query(`SELECT 1 FROM svc.job WHERE state = 'failed'`)).rowCount === 1);
    const { rows } = await pg.query(`SELECT attempts, last_error FROM svc.job`);
    expect(rows).toEqual([{ attempts: 2, last_error: 'never works' }]);
  });

  it('a delayed job waits; a keyed job is added once; a job added in a rolled-back transaction never runs', async () => {
    const ran: string[] = [];
    const tasks = { later: { handler: async (p: { tag: string }) => { ran.push(p.tag); } } };
    const a = createJobRunner({ schema: 'svc', databaseUrl: db.url, tasks, pollMs: 10 });
    runners.push(a);
    expect(await a.add('later', { tag: 'delayed' }, { delayMs: 400, key: 'k1' })).toBe(true);
    expect(await a.add('later', { tag: 'again' }, { key: 'k1' })).toBe(false);
    await pg.query('BEGIN');
    await addJob(pg, 'svc', 'later', { tag: 'rolled-back' });
    await pg.query('ROLLBACK');
    const started = Date.now();
    a.start();
    await until(() => ran.length === 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    await sleep(100);
    expect(ran).toEqual(['delayed']);
  });

  it('a job whose runner vanished is taken again after its lease; a live lease is respected', async () => {
    const ran: string[] = [];
    const tasks = { leased: { leaseMs: 300, handler: async (_p: unknown, ctx: { job: { attempts: number } }) => { ran.push(`attempt ${ctx.job.attempts}`); } } };
    await addJob(pg, 'svc', 'leased', {});
    // Another runner claimed it and died before finishing.
    await pg.query(`UPDATE svc.job SET locked_at = now(), locked_by = 'gone', attempts = 1`);
    const a = createJobRunner({ schema: 'svc', databaseUrl: db.url, tasks, pollMs: 20 });
    runners.push(a);
    expect(await a.runDue()).toBe(0);
    await sleep(350);
    expect(await a.runDue()).toBe(1);
    expect(ran).toEqual(['attempt 2']);
  });
});
