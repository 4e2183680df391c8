import { Client } from 'pg';
import { createOutboxRelay } from '@behorig/kit/outbox';
import type { ServiceName } from '@behorig/kit/auth';
import { aratron, dorotea, person, startHarness, type Harness } from './support/harness';

const LOG = `query($r: [_Any!]!, $first: Int, $after: String, $action: String, $from: DateTime, $to: DateTime) {
  _entities(representations: $r) { ... on Organisation { auditLog(first: $first, after: $after, action: $action, from: $from, to: $to) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { seq action target actorLabel actor { id } source hash prevHash before after } } } } } }`;
const VERIFY = `query($o: ID!) { verifyAuditLog(organisationId: $o) { ok checked firstBrokenSeq } }`;
const org = (id: string) => [{ __typename: 'Organisation', id }];

const arvid = person('Arvid');
const laban = person('Laban');
const fridolf = person('Fridolf');

describe('audit log (R-AUDIT-1…3)', () => {
  let h: Harness;
  let tolvan: string;
  let arvidToken: string;
  beforeAll(async () => {
    h = await startHarness({ bankId: false });
    tolvan = await h.keys.token({ personalNumber: '191212121212', authority: true });
    arvidToken = await h.keys.token({ personalNumber: arvid.personalNumber, personId: arvid.id });
    h.access.grant(arvid.personalNumber, dorotea, 'MANAGE_USERS', 'UPDATE');
    h.access.grant(fridolf.personalNumber, aratron, 'MANAGE_USERS', 'UPDATE');
  });
  afterAll(async () => { await h.stop(); });

  const event = (sourceId: string, action: string, at: string, organisationId = dorotea) => ({
    sourceId, occurredAt: at, actor: `person:${arvid.id}`, organisationId, action, target: `person:${sourceId}`, before: null, after: { z: 1, a: { y: [1, 2], b: 'ö' } },
  });
  /**
   * Delivers events as the named service's relay would (its own credential, R-AUTH-4). Each event
   * is delivered when it happened: signing's clock is set to its occurredAt (the ingestion refuses
   * events more than 5 minutes from its clock), then set to the real time. The answers are added up.
   */
  let inFlight = 0;
  const post = async (source: string, events: { occurredAt: string }[], from?: ServiceName) => {
    inFlight++;
    let status = 0;
    const total = { appended: 0, duplicates: 0 };
    let error: unknown;
    try {
      for (const e of events) {
        h.clock.now = Date.parse(e.occurredAt);
        const res = await h.internal('/internal/audit-events', { source, events: [e] }, undefined, from);
        status = res.status;
        const body = (await res.json()) as { appended?: number; duplicates?: number };
        if (res.status !== 200) { error = body; break; }
        total.appended += body.appended ?? 0;
        total.duplicates += body.duplicates ?? 0;
      }
    } finally {
      // Back to the real time once no delivery is under way (parallel ones share the clock).
      if (--inFlight === 0) h.clock.now = Date.now();
    }
    return { status, json: async () => error ?? total };
  };

  it('R-AUDIT-1: POST /internal/audit-events appends to the per-organisation chain and de-duplicates on (source, sourceId)', async () => {
    expect((await post('access', [event('1', 'x', '2026-01-01T10:00:00Z')], 'gateway')).status).toBe(401);
    expect((await post('nobody', [event('1', 'x', '2026-01-01T10:00:00Z')])).status).toBe(400);

    const first = await post('access', [event('1', 'staff.proposed', '2026-01-01T10:00:00Z'), event('2', 'staff.proposed', '2026-01-02T10:00:00Z'), event('1', 'staff.proposed', '2026-01-01T10:00:00Z', aratron)]);
    expect(await first.json()).toEqual({ appended: 2, duplicates: 1 });
    // Redelivery of the same rows (a relay that crashed before marking them) changes nothing.
    const again = await post('access', [event('1', 'staff.proposed', '2026-01-01T10:00:00Z'), event('2', 'staff.proposed', '2026-01-02T10:00:00Z')]);
    expect(await again.json()).toEqual({ appended: 0, duplicates: 2 });
    // Same sourceId from another service is another event.
    const org = await post('organisations', [event('1', 'unit.created', '2026-01-03T10:00:00Z'), event('9', 'unit.created', '2026-01-03T11:00:00Z', aratron)]);
    expect(await org.json()).toEqual({ appended: 2, duplicates: 0 });

    const rows = await h.sql<{ seq: number; organisation_id: string; prev_hash: string; hash: string }>(`SELECT seq, organisation_id, prev_hash, hash FROM signing.audit_event ORDER BY organisation_id, seq`);
    const doro = rows.filter((r) => r.organisation_id === dorotea);
    expect(doro.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(doro[1].prev_hash).toBe(doro[0].hash);
    expect(rows.filter((r) => r.organisation_id === aratron).map((r) => r.seq)).toEqual([1]);
  });

  it('R-AUDIT-1: parallel deliveries to one organisation are serialised into one unbroken chain', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => post('access', [event(`p${i}`, 'parallel', '2026-02-01T10:00:00Z')])));
    expect((await h.gql(VERIFY, { o: dorotea }, tolvan)).data.verifyAuditLog).toEqual({ ok: true, checked: 11, firstBrokenSeq: null });
  });

  it('R-AUDIT-3: administrators of the organisation and the authority see its log, newest first, filtered and paged', async () => {
    const res = await h.gql(LOG, { r: org(dorotea), first: 2 }, arvidToken);
    expect(res.errors).toBeUndefined();
    const log = res.data._entities[0].auditLog;
    expect(log.totalCount).toBe(11);
    expect(log.edges.map((e: any) => e.node.seq)).toEqual([11, 10]);
    expect(log.pageInfo.hasNextPage).toBe(true);
    const next = (await h.gql(LOG, { r: org(dorotea), first: 2, after: log.pageInfo.endCursor }, arvidToken)).data._entities[0].auditLog;
    expect(next.edges.map((e: any) => e.node.seq)).toEqual([9, 8]);

    const filtered = (await h.gql(LOG, { r: org(dorotea), action: 'staff.proposed' }, tolvan)).data._entities[0].auditLog;
    expect(filtered.edges.map((e: any) => e.node.seq)).toEqual([2, 1]);
    expect(filtered.edges[0].node).toMatchObject({ actorLabel: `person:${arvid.id}`, actor: { id: arvid.id }, source: 'access', after: '{"a":{"b":"ö","y":[1,2]},"z":1}' });
    const period = (await h.gql(LOG, { r: org(dorotea), from: '2026-01-02T00:00:00Z', to: '2026-01-03T10:00:00Z' }, tolvan)).data._entities[0].auditLog;
    expect(period.edges.map((e: any) => e.node.seq)).toEqual([2]);
  });

  it('R-AUDIT-3: a non-administrator and an administrator of another organisation are FORBIDDEN; no token is UNAUTHENTICATED', async () => {
    const labanToken = await h.keys.token({ personalNumber: laban.personalNumber, personId: laban.id });
    const fridolfToken = await h.keys.token({ personalNumber: fridolf.personalNumber, personId: fridolf.id });
    for (const t of [labanToken, fridolfToken]) {
      const res = await h.gql(LOG, { r: org(dorotea) }, t);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await h.gql(VERIFY, { o: dorotea }, t)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await h.gql(LOG, { r: org(aratron) }, fridolfToken)).data._entities[0].auditLog.totalCount).toBe(1); // access:1 for Aratron was a duplicate of access:1
    expect((await h.gql(LOG, { r: org(dorotea) })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('R-AUDIT-4: the database itself refuses UPDATE, DELETE and TRUNCATE of audit rows, and nothing changes', async () => {
    const before = await h.sql<{ seq: number; target: string; hash: string }>(`SELECT seq, target, hash FROM signing.audit_event ORDER BY id`);
    expect(before.length).toBeGreaterThan(0);
    await expect(h.sql(`UPDATE signing.audit_event SET target = 'person:someone-else' WHERE organisation_id = ? AND seq = 1`, [dorotea]))
      .rejects.toThrow(/append-only: UPDATE is refused/);
    await expect(h.sql(`DELETE FROM signing.audit_event WHERE organisation_id = ?`, [dorotea])).rejects.toThrow(/append-only: DELETE is refused/);
    await expect(h.sql(`TRUNCATE signing.audit_event`)).rejects.toThrow(/append-only: TRUNCATE is refused/);
    // INSERT (how events arrive) is still allowed: appendAuditEvents is the only writer.
    expect(await h.sql(`SELECT seq, target, hash FROM signing.audit_event ORDER BY id`)).toEqual(before);
  });

  it('R-AUDIT-2: editing one row in the database makes verifyAuditLog report its seq', async () => {
    expect((await h.gql(VERIFY, { o: dorotea }, arvidToken)).data.verifyAuditLog).toEqual({ ok: true, checked: 11, firstBrokenSeq: null });
    await h.asOwner('signing.audit_event', `UPDATE signing.audit_event SET target = 'person:someone-else' WHERE organisation_id = ? AND seq = 5`, [dorotea]);
    expect((await h.gql(VERIFY, { o: dorotea }, arvidToken)).data.verifyAuditLog).toEqual({ ok: false, checked: 5, firstBrokenSeq: 5 });
    expect((await h.gql(VERIFY, { o: aratron }, tolvan)).data.verifyAuditLog.ok).toBe(true);
  });

  it('R-AUDIT-2: GET /audit/export streams JSON Lines for one organisation and period (bearer token, same visibility)', async () => {
    const url = (q: string) => `${h.base}/audit/export?organisationId=${dorotea}${q}`;
    const res = await fetch(url('&from=2026-01-01&to=2026-01-03'), { headers: { authorization: `Bearer ${arvidToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const all = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
    // The export also carries any checkpoint the signing service's recurring job has written over
    // this chain meanwhile (R-AUDIT-4); when one is there it covers no more than these events.
    const lines = all.filter((l) => l.type !== 'checkpoint');
    expect(all.filter((l) => l.type === 'checkpoint').every((c) => c.seq <= 2)).toBe(true);
    expect(lines.map((l) => [l.seq, l.action])).toEqual([[1, 'staff.proposed'], [2, 'staff.proposed']]);
    expect(lines[1].prevHash).toBe(lines[0].hash);
    expect((await fetch(url(''))).status).toBe(401);
    const labanToken = await h.keys.token({ personalNumber: laban.personalNumber });
    expect((await fetch(url(''), { headers: { authorization: `Bearer ${labanToken}` } })).status).toBe(403);
    expect((await fetch(url('&from=yesterday'), { headers: { authorization: `Bearer ${tolvan}` } })).status).toBe(400);
  });

  it('R-AUDIT-1: the kit outbox relay delivers a service\'s outbox into the chain; a crash between send and mark loses and doubles nothing', async () => {
    const pg = new Client({ connectionString: h.db.url });
    await pg.connect();
    try {
      // The organisations service's outbox table, as its migration creates it.
      await pg.query(`CREATE SCHEMA organisations; CREATE TABLE organisations.outbox_event (
        id bigserial PRIMARY KEY, occurred_at timestamptz NOT NULL DEFAULT now(), actor text NOT NULL, organisation_id uuid,
        action text NOT NULL, target text NOT NULL, before jsonb, after jsonb, delivered_at timestamptz)`);
      await pg.query(`SELECT setval('organisations.outbox_event_id_seq', 100)`); // ids 101… do not clash with the events posted above
      for (let i = 0; i < 5; i++) {
        await pg.query(`INSERT INTO organisations.outbox_event (actor, organisation_id, action, target, after) VALUES ($1, $2, 'unit.renamed', $3, $4)`,
          [`person:${fridolf.id}`, aratron, `unit:${i}`, JSON.stringify({ name: `Enhet ${i}` })]);
      }
      const relayOpts = { databaseUrl: h.db.url, schema: 'organisations' as const, signingUrl: h.base, credentials: h.serviceKeys.credentials('organisations'), batchSize: 3 };
      const crashing = createOutboxRelay({ ...relayOpts, afterSend: () => { throw new Error('killed after send'); } });
      await expect(crashing.relayOnce()).rejects.toThrow('killed after send');
      await crashing.stop();
      const sentOnce = await h.sql<{ n: string }>(`SELECT count(*) AS n FROM signing.audit_event WHERE action = 'unit.renamed'`);
      expect(Number(sentOnce[0].n)).toBe(3); // delivered, but not marked

      const relay = createOutboxRelay(relayOpts);
      expect(await relay.drain()).toBe(5);
      await relay.stop();
      const rows = await h.sql<{ target: string; source_id: string }>(`SELECT target, source_id FROM signing.audit_event WHERE action = 'unit.renamed' ORDER BY seq`);
      expect(rows.map((r) => r.target)).toEqual(['unit:0', 'unit:1', 'unit:2', 'unit:3', 'unit:4']);
      expect((await pg.query(`SELECT count(*) FROM organisations.outbox_event WHERE delivered_at IS NULL`)).rows[0].count).toBe('0');
      expect((await h.gql(VERIFY, { o: aratron }, tolvan)).data.verifyAuditLog).toEqual({ ok: true, checked: 6, firstBrokenSeq: null });
    } finally {
      await pg.end();
    }
  });
});
