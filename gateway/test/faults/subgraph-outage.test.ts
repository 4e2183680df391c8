import { Client } from 'pg';
import { buildServer as buildOrganisations } from '@behorig/organisations/src/server';
import { startSystem, type System } from '../support/system';
import { ARATRON, actorTokens } from '../security/actors';
import { post, sleep, startLoad, until } from './load';

/**
 * Fault: a subgraph stops while the gateway is under load. The gateway answers with
 * partial data and an error for the missing part, never hangs (every request ends within a
 * bound), and recovers within seconds once a new instance listens on the same port. Then graceful
 * shutdown: a request in flight when stop() is called still completes, and its change is kept.
 */
const BOUND_MS = 5_000;
// `me` comes from access, `organisation` from organisations; both nullable, so one can fail alone.
const MIXED = `query($o: ID!) { me { id givenName } organisation(id: $o) { id name } }`;

describe('faults: a subgraph stops and returns under load and shuts down gracefully', () => {
  let sys: System;
  let token: string;
  let orgPort: number;
  let replacement: Awaited<ReturnType<typeof buildOrganisations>> | undefined;
  const startOrganisations = async () => {
    const s = await buildOrganisations({ databaseUrl: sys.db.url, verify: sys.keys.verify, demoData: false, accessUrl: sys.urls.access });
    await s.listen(orgPort, '127.0.0.1');
    return s;
  };

  beforeAll(async () => {
    sys = await startSystem();
    token = (await actorTokens(sys)).reader!;
    orgPort = Number(new URL(sys.urls.organisations).port);
  });
  afterAll(async () => {
    await replacement?.stop();
    await sys?.stop();
  });

  it('answers partial data plus an error for the stopped subgraph, never hangs, and recovers within seconds', async () => {
    const load = startLoad((_i, signal) => post(sys.gatewayUrl, MIXED, { o: ARATRON }, token, signal), { workers: 4, deadlineMs: BOUND_MS, maxRequests: 3000, pauseMs: 5 });
    await sleep(1_000);
    const stoppedAt = Date.now();
    await sys.services.organisations.stop();
    // stop() drains what is in flight first; from here on the subgraph is gone.
    const goneAt = Date.now();
    await sleep(1_000);
    const restartAt = Date.now();
    replacement = await startOrganisations();
    // Recovery: a full answer again within seconds of the new instance listening.
    const recovered = await until(() => post(sys.gatewayUrl, MIXED, { o: ARATRON }, token, AbortSignal.timeout(BOUND_MS)), (r) => !r.body.errors && r.body.data?.organisation?.name === 'Aratron AB', 5_000, 50);
    const recoveredAt = Date.now();
    await sleep(1_000);
    const samples = await load.stop();

    // Never hangs: every request of the loop ended, well within the bound, with an HTTP answer.
    expect(samples.length).toBeGreaterThan(20);
    expect(samples.filter((s) => s.error)).toEqual([]);
    expect(Math.max(...samples.map((s) => s.end - s.start))).toBeLessThan(BOUND_MS);
    // During the outage: access's part is there, organisations' part is null with an error naming it.
    const during = samples.filter((s) => s.start > goneAt && s.end < restartAt);
    expect(during.length).toBeGreaterThan(3);
    for (const s of during) {
      expect(s.result!.status).toBe(200);
      expect(s.result!.body.data?.me).toMatchObject({ givenName: 'Agda' });
      expect(s.result!.body.data?.organisation).toBeNull();
      expect(s.result!.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/organisations service cannot be reached/), extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'organisations' } });
    }
    // Before and after: complete answers.
    const healthy = samples.filter((s) => s.end < stoppedAt || s.start > recoveredAt);
    expect(healthy.length).toBeGreaterThan(3);
    for (const s of healthy) expect(s.result!.body).toEqual({ data: { me: expect.objectContaining({ givenName: 'Agda' }), organisation: { id: ARATRON, name: 'Aratron AB' } } });
    expect(recovered.ms).toBeLessThan(5_000);
  });

  it('graceful shutdown: a mutation in flight when stop() is called completes and its change is kept; new requests are refused', async () => {
    const admin = (await actorTokens(sys)).authority!;
    // Hold a row lock so the mutation is provably in flight (blocked in its UPDATE) when stop() begins.
    const blocker = new Client({ connectionString: sys.db.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(`SELECT 1 FROM organisations.organisation WHERE id = $1 FOR UPDATE`, [ARATRON]);
    const inFlight = post(sys.urls.organisations, `mutation($id: ID!) { changeOrganisation(id: $id, input: { phone: "08-123 456 99" }) { phone } }`, { id: ARATRON }, admin, AbortSignal.timeout(10_000));
    await until(async () => (await blocker.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`)).rows[0].n, (n) => n > 0, 5_000, 20);
    const stopping = replacement!.stop();
    await sleep(200);
    // While draining, the port no longer accepts new work.
    const refusedNew = await post(sys.urls.organisations, `{ services { code } }`, undefined, admin, AbortSignal.timeout(2_000)).then(() => 'answered', () => 'refused');
    await blocker.query('COMMIT');
    await blocker.end();
    const res = await inFlight;
    await stopping;
    replacement = undefined;
    expect(refusedNew).toBe('refused');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { changeOrganisation: { phone: '08-123 456 99' } } });
    const db = new Client({ connectionString: sys.db.url });
    await db.connect();
    const { rows } = await db.query(`SELECT phone FROM organisations.organisation WHERE id = $1`, [ARATRON]);
    await db.end();
    expect(rows[0].phone).toBe('08-123 456 99');
  });
});
