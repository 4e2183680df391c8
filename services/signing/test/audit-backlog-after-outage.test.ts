import { Client } from 'pg';
import { createLogger } from '@behorig/kit/server';
import { createOutboxRelay, type OutboxRelay } from '@behorig/kit/outbox';
import { dorotea, person, startHarness, type Harness } from './support/harness';

/**
 * R-AUDIT-1 with R-AUTH-4: an outbox backlog that built up while signing was down for longer than
 * the 5-minute skew reaches the log when signing is back, in order, each event once. Back-dating
 * before what the source has already delivered, and post-dating, stay refused. A refused delivery
 * holds the outbox where it is and says so in the relay's log (it is never skipped: that would lose
 * evidence).
 *
 * The access outbox here is the real table shape and the real kit relay, in the harness database;
 * signing's clock (`h.clock`) stands for the time signing comes back.
 */
describe('audit backlog after a signing outage (R-AUDIT-1, R-AUTH-4)', () => {
  let h: Harness;
  let pg: Client;
  let relay: OutboxRelay;
  const lines: Record<string, unknown>[] = [];
  const arvid = person('Arvid');
  const MIN = 60_000;
  const t0 = Date.now();

  beforeAll(async () => {
    h = await startHarness({ bankId: false });
    pg = new Client({ connectionString: h.db.url });
    await pg.connect();
    // access's outbox (services/access migration 001), in the harness's database.
    await pg.query(`CREATE SCHEMA access; CREATE TABLE access.outbox_event (
      id bigserial PRIMARY KEY, occurred_at timestamptz NOT NULL DEFAULT now(), actor text NOT NULL, organisation_id uuid,
      action text NOT NULL, target text NOT NULL, before jsonb, after jsonb, delivered_at timestamptz)`);
    relay = createOutboxRelay({
      databaseUrl: h.db.url, schema: 'access', signingUrl: h.base, credentials: h.serviceKeys.credentials('access'),
      logger: createLogger('access', 'info', { write: (s: string) => { lines.push(JSON.parse(s)); } }),
    });
  });
  afterAll(async () => {
    await relay?.stop();
    await pg?.end();
    await h?.stop();
  });

  /** An outbox row written at `at` (what access's transaction stamped). */
  const write = async (action: string, at: number) => {
    const { rows } = await pg.query<{ id: string }>(
      `INSERT INTO access.outbox_event (occurred_at, actor, organisation_id, action, target) VALUES ($1, $2, $3, $4, 'person:x') RETURNING id`,
      [new Date(at).toISOString(), `person:${arvid.id}`, dorotea, action]);
    return rows[0].id;
  };
  const logged = async () => (await h.sql<{ action: string; at: Date }>(
    `SELECT action, at FROM signing.audit_event WHERE source = 'access' ORDER BY seq`)).map((r) => r.action);
  const undelivered = async () => (await pg.query<{ action: string }>('SELECT action FROM access.outbox_event WHERE delivered_at IS NULL ORDER BY id')).rows.map((r) => r.action);
  const deliver = async (occurredAt: number, sourceId: string) => h.internal('/internal/audit-events', {
    source: 'access', events: [{ sourceId, occurredAt: new Date(occurredAt).toISOString(), actor: `person:${arvid.id}`, organisationId: dorotea, action: 'forged', target: 'person:x' }],
  });

  it('R-AUDIT-1: events that waited 90 minutes in the outbox while signing was down are logged when it is back, in order, once', async () => {
    h.clock.now = t0;
    await write('before.outage', t0);
    expect(await relay.drain()).toBe(1);
    // Signing is down; access keeps working and its outbox grows.
    for (const m of [1, 20, 45, 89]) await write(`during.outage.${m}`, t0 + m * MIN);
    // Signing is back 90 minutes later.
    h.clock.now = t0 + 90 * MIN;
    expect(await relay.drain()).toBe(4);
    expect(await undelivered()).toEqual([]);
    expect(await logged()).toEqual(['before.outage', 'during.outage.1', 'during.outage.20', 'during.outage.45', 'during.outage.89']);
    // Delivered again (a relay that crashed before marking): de-duplicated, not refused.
    await pg.query('UPDATE access.outbox_event SET delivered_at = NULL');
    expect(await relay.drain()).toBe(5);
    expect(await logged()).toHaveLength(5);
  });

  it('R-AUTH-4: an event back-dated before what the source has already delivered (beyond the skew), or post-dated, is still refused; nothing is written', async () => {
    const before = await logged();
    // access's latest logged event is at t0+89 min; signing's clock is t0+90 min.
    for (const [what, at] of [['inside the outage, before the latest delivered event', t0 + 30 * MIN], ['long ago', Date.UTC(2020, 0, 1)], ['6 minutes ahead', t0 + 96 * MIN]] as const) {
      const res = await deliver(at, `forged-${what}`);
      expect({ what, status: res.status }).toEqual({ what, status: 403 });
    }
    expect(await logged()).toEqual(before);
    // Within the skew of the latest delivered event (transactions commit slightly out of order): accepted.
    const res = await deliver(t0 + 85 * MIN, 'late-commit');
    expect(await res.json()).toEqual({ appended: 1, duplicates: 0 });
  });

  it('R-AUDIT-1: a refused delivery holds the outbox at that row, keeps every row, and is logged as an error naming the rows and the reason', async () => {
    lines.length = 0;
    await write('dated.before.its.predecessors', t0 + 10 * MIN);
    await write('behind.it', t0 + 90 * MIN);
    await expect(relay.drain()).rejects.toThrow(/refused/i);
    expect(await undelivered()).toEqual(['dated.before.its.predecessors', 'behind.it']);
    const refusal = lines.find((l) => l.level === 50);
    expect(refusal).toMatchObject({ schema: 'access', status: 403, firstId: expect.any(Number), lastId: expect.any(Number) });
    expect(String(refusal!.msg)).toMatch(/refused/);
    expect(String(refusal!.reason)).toMatch(/occurredAt/);
  });
});
