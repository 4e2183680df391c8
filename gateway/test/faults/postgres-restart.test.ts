import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { addDays, stockholmDate } from '@behorig/kit/dates';
import { freePort } from '@behorig/kit/db';
import { startSystem, type System } from '../support/system';
import { ARATRON, ARATRON_UNIT, actorTokens, fresh, freshPersonalNumber } from '../security/actors';
import { post, sleep, startLoad, until } from './load';

/**
 * Fault: PostgreSQL restarts while the system is under mixed write load. A DEDICATED
 * embedded PostgreSQL (own port, temp dir) is used so the machine's server is untouched. The
 * services must reconnect by themselves (no restart), no request may hang, and no accepted change
 * may be lost: every mutation that answered without an error is in the database afterwards.
 */
const SERVER_VAR = 'BEHORIG_TEST_DB_SERVER';

/** Starts the dedicated server in a child process; `stop()` shuts PostgreSQL down (fast shutdown: connections are cut). */
async function startDedicatedPostgres(dataDir: string, port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'embedded-postgres-process.mjs'), dataDir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('embedded PostgreSQL did not start within 30 s')), 30_000);
    child.stdout!.on('data', (d: Buffer) => { if (d.toString().includes('ready')) { clearTimeout(timer); resolve(); } });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`embedded PostgreSQL exited with ${code}`)); });
  });
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
const BOUND_MS = 10_000;

describe('faults: PostgreSQL restarts under load', () => {
  let pg: { url: string; stop: () => Promise<void> };
  let dataDir: string;
  let port: number;
  let sys: System;
  let admin: string;
  const previousServer = process.env[SERVER_VAR];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'behorig-faults-pg-'));
    chmodSync(dir, 0o755); // run as root, PostgreSQL runs as the `postgres` user and must reach its data directory
    dataDir = join(dir, 'data');
    port = await freePort();
    pg = await startDedicatedPostgres(dataDir, port);
    process.env[SERVER_VAR] = pg.url; // createTestDatabase() (inside startSystem) now uses the dedicated server
    sys = await startSystem();
    admin = (await actorTokens(sys)).authority!;
  });
  afterAll(async () => {
    await sys?.stop().catch(() => undefined);
    await pg?.stop().catch(() => undefined);
    if (previousServer === undefined) delete process.env[SERVER_VAR];
    else process.env[SERVER_VAR] = previousServer;
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('reconnects without a restart, never hangs, and keeps every accepted change', async () => {
    const today = stockholmDate();
    type Op = { kind: 'contact' | 'staff'; key: string };
    const load = startLoad<{ op: Op; ok: boolean; code?: string; message?: string }>(async (i, signal) => {
      // Mixed writes to two subgraphs (organisations and access) and their outboxes.
      if (i % 2 === 0) {
        const key = fresh('Omstart');
        const r = await post(sys.gatewayUrl, `mutation($o: ID!, $i: ContactPersonInput!) { createContactPerson(organisationId: $o, input: $i) { id } }`, { o: ARATRON, i: { givenName: 'Pg', surname: key } }, admin, signal);
        return { op: { kind: 'contact', key }, ok: !r.body.errors && !!r.body.data?.createContactPerson?.id, code: r.body.errors?.[0].extensions?.code, message: r.body.errors?.[0].message };
      }
      const r = await post(sys.gatewayUrl, `mutation($o: ID!, $i: StaffInput!) { proposeStaff(organisationId: $o, input: $i) { id } }`, {
        o: ARATRON, i: { personalNumber: freshPersonalNumber(), givenName: 'Pg', surname: fresh('Omstart'), roleCodes: ['READER'], unitIds: [ARATRON_UNIT], validFrom: today, validTo: addDays(today, 30) },
      }, admin, signal);
      return { op: { kind: 'staff', key: r.body.data?.proposeStaff?.id ?? '' }, ok: !r.body.errors && !!r.body.data?.proposeStaff?.id, code: r.body.errors?.[0].extensions?.code, message: r.body.errors?.[0].message };
    }, { workers: 3, deadlineMs: BOUND_MS, maxRequests: 600, pauseMs: 10 });

    await sleep(800);
    await pg.stop();
    await sleep(1_000);
    pg = await startDedicatedPostgres(dataDir, port);
    const restartedAt = Date.now();
    // Reconnection: writes succeed again within seconds, with the same service instances.
    const recovered = await until(() => post(sys.gatewayUrl, `mutation($o: ID!, $i: ContactPersonInput!) { createContactPerson(organisationId: $o, input: $i) { id } }`, { o: ARATRON, i: { givenName: 'Pg', surname: fresh('Tillbaka') } }, admin, AbortSignal.timeout(BOUND_MS)),
      (r) => !r.body?.errors && !!r.body?.data?.createContactPerson?.id, 15_000, 200);
    await sleep(800);
    const samples = await load.stop();

    expect(samples.filter((s) => s.error)).toEqual([]); // every request got an HTTP answer (no deadline hit, no reset)
    expect(Math.max(...samples.map((s) => s.end - s.start))).toBeLessThan(BOUND_MS);
    const results = samples.map((s) => s.result!);
    const failed = results.filter((r) => !r.ok);
    expect(failed.length).toBeGreaterThan(0); // the outage was real
    // …and was told as such: retry shortly, not an anonymous internal error.
    expect(failed.filter((f) => f.code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    expect(results.filter((r) => r.ok).length).toBeGreaterThan(5);
    expect(samples.some((s) => s.start > restartedAt + recovered.ms && s.result!.ok)).toBe(true);

    // No accepted change lost.
    const db = new Client({ connectionString: sys.db.url });
    await db.connect();
    const contacts = new Set((await db.query(`SELECT surname FROM organisations.contact_person`)).rows.map((r) => r.surname as string));
    const staff = new Set((await db.query(`SELECT id FROM access.pending_change`)).rows.map((r) => r.id as string));
    await db.end();
    const accepted = results.filter((r) => r.ok).map((r) => r.op);
    const lost = accepted.filter((op) => !(op.kind === 'contact' ? contacts.has(op.key) : staff.has(op.key)));
    expect(lost).toEqual([]);
    process.stdout.write(`postgres restart: ${samples.length} requests, ${accepted.length} accepted, ${failed.length} refused during the outage (${[...new Set(failed.map((f) => f.code))].join(', ')}), recovered ${recovered.ms} ms after restart\n`);
  });
});
