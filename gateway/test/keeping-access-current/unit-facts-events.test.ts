import { Client } from 'pg';
import { DEMO } from '@behorig/kit/demo';
import { mintToken } from '@behorig/kit/auth';
import { gqlRequest } from '@behorig/kit/testing';
import { startSystem, type System } from '../support/system';
import { poll } from '../support/poll';

/**
 * Unit facts arrive as events (docs/architecture.md, "Unit facts"; R-SCOPE-4): a unit closed in the
 * organisations subgraph reaches access through organisations' fact outbox, and the next checks at
 * that unit refuse — answered by access alone: the organisations subgraph runs no statement while
 * a check is answered. The gateway resolves the decision's organisation by reference when asked.
 */
const tolvan = DEMO.people.find((p) => p.givenName === 'Tolvan')!;
const laban = DEMO.people.find((p) => p.givenName === 'Laban')!;
const fridolf = DEMO.people.find((p) => p.givenName === 'Fridolf')!;
const STOD = DEMO.units.aratronStod.id;
const ARATRON = DEMO.organisations.aratron.id;
const CHECK = `query($p: ID!, $o: ID!, $u: ID, $f: String!) { checkAccess(personId: $p, organisationId: $o, unitId: $u, function: $f, access: READ) { allowed reason role { code } organisation { id } } }`;

describe('unit facts arrive as events, and checks never ask the organisations subgraph (R-SCOPE-4)', () => {
  let sys: System;
  let counting = false;
  const organisationsStatements: string[] = [];
  let authority: string;
  beforeAll(async () => {
    sys = await startSystem({}, { organisations: { onQuery: (sql) => { if (counting) organisationsStatements.push(sql); } } });
    authority = (await mintToken(sys.keys.key, { kind: 'person', personId: tolvan.id, authority: true })).token;
  });
  afterAll(async () => { await sys.stop(); });

  /** A check through the gateway, counting what the organisations subgraph ran meanwhile. */
  const check = async (personId: string, unitId: string | null, fn: string) => {
    organisationsStatements.length = 0;
    counting = true;
    const res = await gqlRequest<{ checkAccess: { allowed: boolean; reason: string; role: { code: string } | null; organisation: { id: string } } }>(sys.gatewayUrl, CHECK, { p: personId, o: ARATRON, u: unitId, f: fn }, authority);
    counting = false;
    expect(res.errors).toBeUndefined();
    expect(organisationsStatements).toEqual([]);
    return res.data!.checkAccess;
  };

  it('R-SCOPE-4: closeUnit in organisations → shortly after, checkAccess at that unit refuses with UNIT_CLOSED, and nothing asked organisations at check time', async () => {
    const pg = new Client({ connectionString: sys.db.url });
    await pg.connect();
    const registrarFunction = (await pg.query<{ function: string }>(`SELECT function FROM access.role_grant WHERE role_code = 'REGISTRAR' ORDER BY function LIMIT 1`)).rows[0].function;
    // The demo units reached access as facts from organisations' outbox (its seed published them).
    expect((await pg.query(`SELECT count(*)::int AS n FROM organisations.unit_fact_outbox WHERE delivered_at IS NULL`)).rows[0].n).toBe(0);
    expect((await pg.query(`SELECT closed FROM access.unit_fact WHERE unit_id = $1`, [STOD])).rows).toEqual([{ closed: false }]);

    expect(await check(laban.id, STOD, registrarFunction)).toMatchObject({ allowed: true, reason: 'GRANTED', role: { code: 'REGISTRAR' }, organisation: { id: ARATRON } });
    expect(await check(fridolf.id, STOD, 'MANAGE_USERS')).toMatchObject({ allowed: true, reason: 'GRANTED' });

    const closed = await gqlRequest<{ closeUnit: { closed: boolean } }>(sys.gatewayUrl, `mutation($id: ID!) { closeUnit(id: $id) { closed } }`, { id: STOD }, authority);
    expect(closed.errors).toBeUndefined();
    expect(closed.data?.closeUnit.closed).toBe(true);

    const after = await poll(() => check(laban.id, STOD, registrarFunction), (d) => !d.allowed, 5000);
    expect(after).toMatchObject({ allowed: false, reason: 'UNIT_CLOSED', role: null, organisation: { id: ARATRON } });
    // An org-wide role (R-USR-3) no longer reaches the closed unit either, but still the organisation.
    expect(await check(fridolf.id, STOD, 'MANAGE_USERS')).toMatchObject({ allowed: false, reason: 'UNIT_CLOSED' });
    expect(await check(fridolf.id, null, 'MANAGE_USERS')).toMatchObject({ allowed: true, reason: 'GRANTED' });
    // The fact went through the outbox and was delivered; access refreshed its index in the same transaction.
    expect((await pg.query(`SELECT count(*)::int AS n FROM organisations.unit_fact_outbox WHERE delivered_at IS NULL`)).rows[0].n).toBe(0);
    expect((await pg.query(`SELECT count(*)::int AS n FROM access.permission_grant WHERE unit_id = $1`, [STOD])).rows[0].n).toBe(0);
    await pg.end();
  });

  it('R-USR-2: an office removed in organisations grants nothing at it any more', async () => {
    // The authority adds an office to Kista's unit, then removes it again.
    const KISTA = DEMO.units.vuxKista.id;
    const VUX = DEMO.organisations.vux.id;
    const added = await gqlRequest<{ addAddress: { id: string } }>(sys.gatewayUrl, `mutation($u: ID!, $i: AddressInput!) { addAddress(unitId: $u, input: $i) { id } }`, { u: KISTA, i: { street: 'Kistavägen 1', postalCode: '164 40', city: 'Kista' } }, authority);
    expect(added.errors).toBeUndefined();
    const office = added.data!.addAddress.id;
    const saga = DEMO.people.find((p) => p.givenName === 'Saga')!;
    const pg = new Client({ connectionString: sys.db.url });
    await pg.connect();
    const fn = (await pg.query<{ function: string }>(`SELECT function FROM access.role_grant WHERE role_code = 'BER_ADMINISTRATOR' ORDER BY function LIMIT 1`)).rows[0].function;
    await pg.end();
    const Q = `query($p: ID!, $o: ID!, $a: ID, $f: String!) { checkAccess(personId: $p, organisationId: $o, addressId: $a, function: $f, access: READ) { allowed reason } }`;
    const at = async () => (await gqlRequest<{ checkAccess: { allowed: boolean; reason: string } }>(sys.gatewayUrl, Q, { p: saga.id, o: VUX, a: office, f: fn }, authority)).data!.checkAccess;
    // Her employment at the unit covers every office of it, the new one too (R-USR-2).
    expect(await poll(at, (d) => d.allowed, 5000)).toEqual({ allowed: true, reason: 'GRANTED' });
    const removed = await gqlRequest(sys.gatewayUrl, `mutation($id: ID!) { removeAddress(id: $id) { id } }`, { id: office }, authority);
    expect(removed.errors).toBeUndefined();
    expect(await poll(at, (d) => d.reason === 'OFFICE_OF_OTHER_ORGANISATION', 5000)).toEqual({ allowed: false, reason: 'OFFICE_OF_OTHER_ORGANISATION' });
  });

  it('a malformed fact in the outbox is held on its own: a unit closed after it still reaches access, and the metrics show the held row (docs/operations.md, "Unit facts refused")', async () => {
    const SODER = DEMO.units.vuxSoder.id;
    const pg = new Client({ connectionString: sys.db.url });
    await pg.connect();
    try {
      // A row no code of organisations writes (a bug or a bad deploy): access cannot read it.
      const { rows: [bad] } = await pg.query<{ id: string }>(
        `INSERT INTO organisations.unit_fact_outbox (fact) VALUES ($1) RETURNING id`,
        [{ kind: 'unit', unitId: 'not-a-uuid', organisationId: DEMO.organisations.vux.id, serviceCode: 'KOMVUX', name: 'X', closed: false, schoolFormCodes: [], addressIds: [], version: 1 }],
      );
      const closed = await gqlRequest<{ closeUnit: { closed: boolean } }>(sys.gatewayUrl, `mutation($id: ID!) { closeUnit(id: $id) { closed } }`, { id: SODER }, authority);
      expect(closed.errors).toBeUndefined();
      // The later fact arrives although the malformed one came first.
      const soder = async () => (await pg.query<{ closed: boolean }>(`SELECT closed FROM access.unit_fact WHERE unit_id = $1`, [SODER])).rows[0];
      expect(await poll(soder, (r) => r.closed, 5000)).toEqual({ closed: true });
      // Only the malformed row is held, with access's reason; nothing else waits.
      const outbox = await pg.query<{ id: string; delivered: boolean; refused: boolean; refusal: string | null }>(
        `SELECT id, delivered_at IS NOT NULL AS delivered, refused_at IS NOT NULL AS refused, refusal FROM organisations.unit_fact_outbox WHERE delivered_at IS NULL OR refused_at IS NOT NULL ORDER BY id`,
      );
      expect(outbox.rows).toEqual([{ id: bad.id, delivered: false, refused: true, refusal: expect.stringMatching(/not a well-formed unit fact/) }]);
      const metrics = await (await fetch(`${sys.base.organisations}/metrics`)).text();
      expect(metrics).toMatch(/^behorig_unit_fact_held\{service="organisations"\} 1$/m);
      expect(metrics).toMatch(/^behorig_unit_fact_backlog\{service="organisations"\} 0$/m);
      // A held row is not sent again by itself: the relay's next rounds leave it alone.
      await new Promise((r) => setTimeout(r, 600));
      expect((await pg.query(`SELECT refused_at IS NOT NULL AS refused, delivered_at IS NULL AS waiting FROM organisations.unit_fact_outbox WHERE id = $1`, [bad.id])).rows).toEqual([{ refused: true, waiting: true }]);
    } finally {
      await pg.end();
    }
  });
});
