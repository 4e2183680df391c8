import { DEMO } from '@behorig/kit/demo';
import { startAccess, person, ORG, UNIT, type AccessSystem } from './support/system';

/**
 * Concurrency and exactly-once, against the running service with parallel requests
 * (Promise.all): two administrators editing one person (optimistic locking: the second gets
 * CONFLICT and nothing is lost), double signing of one change set (one sign order), and parallel
 * applies of one receipt (applied once).
 */
const VERSION = `query($id: ID!) { person(id: $id) { memberships { organisation { id } version } } }`;
const CHANGE = `mutation($org: ID!, $p: ID!, $input: StaffChangeInput!, $v: Int) { proposeStaffChange(organisationId: $org, personId: $p, input: $input, expectedVersion: $v) { id baseVersion roles { code } validTo } }`;
const REMOVE = `mutation($org: ID!, $p: ID!, $v: Int) { proposeStaffRemoval(organisationId: $org, personId: $p, expectedVersion: $v) { id } }`;
const SIGN = `mutation($org: ID!) { signChanges(organisationId: $org) { orderRef } }`;
const PERIOD = `mutation($org: ID!, $ids: [ID!]!, $to: Date!) { changeAuthorisationPeriod(organisationId: $org, personIds: $ids, validTo: $to) { id } }`;
const codes = (results: { errors?: { extensions?: { code?: string } }[] }[]) => results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();

describe('concurrency and exactly-once', () => {
  let sys: AccessSystem;
  beforeAll(async () => { sys = await startAccess(); });
  afterAll(async () => { await sys.stop(); });

  const versionOf = async (personId: string, org: string, token: string): Promise<number> =>
    (await sys.gql(VERSION, { id: personId }, token)).data.person.memberships.find((m: { organisation: { id: string } }) => m.organisation.id === org).version;
  const apply = async (setId: string, receipt: string) =>
    fetch(`${sys.base}/internal/change-sets/${setId}/apply`, { method: 'POST', headers: await sys.fromSigning(), body: JSON.stringify({ receipt }) })
      .then(async (r) => ({ status: r.status, body: (await r.json()) as { alreadyApplied?: boolean; error?: string; message: string } }));
  const openSet = async (org: string) => (await sys.sql<{ id: string; status: string }>(`SELECT id, status FROM access.change_set WHERE organisation_id = ? AND status IN ('DRAFT','SIGNING')`, [org]))[0];

  const laban = person('Laban');
  const viking = person('Viking');

  it('optimistic locking: two administrators edit Laban at once with the version they read — one wins, the other gets CONFLICT, then edits on top', async () => {
    const [fridolf, anselm] = [await sys.tokens.of('Fridolf'), await sys.tokens.of('Anselm')];
    const v = await versionOf(laban.id, ORG.aratron, fridolf);
    const events = await sys.count('outbox_event', `action = 'access.change.proposed'`);
    const results = await Promise.all([
      sys.gql(CHANGE, { org: ORG.aratron, p: laban.id, input: { roleCodes: ['REGISTRAR', 'READER'] }, v }, fridolf),
      sys.gql(CHANGE, { org: ORG.aratron, p: laban.id, input: { validTo: '2027-06-30' }, v }, anselm),
    ]);
    expect(codes(results)).toEqual(['CONFLICT', 'OK']);
    const winner = results.find((r) => !r.errors)!.data.proposeStaffChange;
    expect(winner.baseVersion).toBe(v + 1);
    // Exactly the winner's change is pending, with exactly one audit event: the loser wrote nothing.
    expect(await sys.count('pending_change', 'person_id = ?', [laban.id])).toBe(1);
    expect(await sys.count('pending_change', 'id = ?', [winner.id])).toBe(1);
    expect(await sys.count('outbox_event', `action = 'access.change.proposed'`)).toBe(events + 1);
    // The loser reloads (sees the new version and the pending change) and proposes both edits together: nothing lost.
    const loser = results.indexOf(results.find((r) => r.errors)!) === 0 ? fridolf : anselm;
    const stale = await sys.gql(CHANGE, { org: ORG.aratron, p: laban.id, input: { roleCodes: ['REGISTRAR', 'READER'], validTo: '2027-06-30' }, v }, loser);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const again = await sys.gql(CHANGE, { org: ORG.aratron, p: laban.id, input: { roleCodes: ['REGISTRAR', 'READER'], validTo: '2027-06-30' }, v: await versionOf(laban.id, ORG.aratron, loser) }, loser);
    expect(again.errors).toBeUndefined();
    expect(again.data.proposeStaffChange).toMatchObject({ roles: [{ code: 'REGISTRAR' }, { code: 'READER' }], validTo: '2027-06-30', baseVersion: v + 2 });
    expect(await sys.count('pending_change', 'person_id = ?', [laban.id])).toBe(1);
  });

  it('optimistic locking: proposeStaffRemoval with an outdated version is CONFLICT and changes nothing', async () => {
    const fridolf = await sys.tokens.of('Fridolf');
    const v = await versionOf(viking.id, ORG.aratron, fridolf);
    const [pending, events] = [await sys.count('pending_change'), await sys.count('outbox_event')];
    const res = await sys.gql(REMOVE, { org: ORG.aratron, p: viking.id, v: v - 1 }, fridolf);
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect([await sys.count('pending_change'), await sys.count('outbox_event'), await versionOf(viking.id, ORG.aratron, fridolf)]).toEqual([pending, events, v]);
  });

  it('R-SIGN-2: two administrators press "sign" at once — exactly one sign order is started, the other gets CONFLICT', async () => {
    const before = sys.signing.requests.length;
    const results = await Promise.all([sys.gql(SIGN, { org: ORG.aratron }, await sys.tokens.of('Fridolf')), sys.gql(SIGN, { org: ORG.aratron }, await sys.tokens.of('Anselm'))]);
    expect(codes(results)).toEqual(['CONFLICT', 'OK']);
    expect(sys.signing.requests.length).toBe(before + 1);
    const set = await openSet(ORG.aratron);
    expect(set.status).toBe('SIGNING');
    expect(await sys.count('outbox_event', `action = 'access.changes.signing_started' AND after->>'changeSetId' = ?`, [set.id])).toBe(1);
  });

  it('R-SIGN-4: the same receipt applied three times at once is applied exactly once', async () => {
    const set = await openSet(ORG.aratron);
    const receipt = await sys.receiptFor(set.id, person('Fridolf').personalNumber);
    const results = await Promise.all([apply(set.id, receipt), apply(set.id, receipt), apply(set.id, receipt)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.body.alreadyApplied).sort()).toEqual([false, true, true]);
    expect(await sys.count('outbox_event', `action = 'access.changes.applied' AND after->>'changeSetId' = ?`, [set.id])).toBe(1);
    expect(await sys.count('outbox_event', `action = 'access.staff.changed' AND after->>'changeSetId' = ?`, [set.id])).toBe(1);
    const roles = await sys.sql<{ role_code: string; valid_to: string }>(
      `SELECT ra.role_code, ra.valid_to::text AS valid_to FROM access.role_assignment ra JOIN access.membership m ON m.id = ra.membership_id WHERE m.person_id = ? AND m.organisation_id = ? ORDER BY ra.role_code`, [laban.id, ORG.aratron]);
    expect(roles).toEqual([{ role_code: 'READER', valid_to: '2027-06-30' }, { role_code: 'REGISTRAR', valid_to: '2027-06-30' }]);
  });

  it('R-SIGN-4: two different receipts for one set at once — one applies, the other is refused (409), applied once', async () => {
    const arvid = await sys.tokens.of('Arvid');
    const andrea = DEMO.andreaSandin;
    const propose = await sys.gql(`mutation($org: ID!, $input: StaffInput!) { proposeStaff(organisationId: $org, input: $input) { id } }`, {
      org: ORG.dorotea, input: { personalNumber: andrea.personalNumber, givenName: andrea.givenName, surname: andrea.surname, roleCodes: ['SERVICE_ADMIN'], unitIds: [UNIT.doroteaUbk], validFrom: '2026-11-23', validTo: '2027-12-31' },
    }, arvid);
    expect(propose.errors).toBeUndefined();
    expect((await sys.gql(SIGN, { org: ORG.dorotea }, arvid)).errors).toBeUndefined();
    const set = await openSet(ORG.dorotea);
    const [a, b] = [await sys.receiptFor(set.id, person('Arvid').personalNumber), await sys.receiptFor(set.id, person('Arvid').personalNumber)];
    const results = await Promise.all([apply(set.id, a), apply(set.id, b)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error).toBe('not_signing');
    expect(await sys.count('person', 'personal_number_hash = ?', [sys.hashOf(andrea.personalNumber)])).toBe(1);
    expect(await sys.count('outbox_event', `action = 'access.staff.added' AND after->>'changeSetId' = ?`, [set.id])).toBe(1);
  });

  it('optimistic locking at apply: a change proposed before an immediate period change is never applied over it (409 stale_change, nothing lost)', async () => {
    const [fridolf, anselm] = [await sys.tokens.of('Fridolf'), await sys.tokens.of('Anselm')];
    const proposed = await sys.gql(CHANGE, { org: ORG.aratron, p: viking.id, input: { validTo: '2027-03-31' } }, fridolf);
    expect(proposed.errors).toBeUndefined();
    expect((await sys.gql(SIGN, { org: ORG.aratron }, fridolf)).errors).toBeUndefined();
    const set = await openSet(ORG.aratron);
    // Meanwhile Anselm shortens Viking's period at once (R-PERIOD-4 takes effect immediately).
    expect((await sys.gql(PERIOD, { org: ORG.aratron, ids: [viking.id], to: '2027-01-31' }, anselm)).errors).toBeUndefined();
    const res = await apply(set.id, await sys.receiptFor(set.id, person('Fridolf').personalNumber));
    expect(res).toMatchObject({ status: 409, body: { error: 'stale_change' } });
    expect(res.body.message).toContain('Viking Evertsson');
    const [assignment] = await sys.sql<{ valid_to: string }>(
      `SELECT ra.valid_to::text AS valid_to FROM access.role_assignment ra JOIN access.membership m ON m.id = ra.membership_id WHERE m.person_id = ? AND m.organisation_id = ?`, [viking.id, ORG.aratron]);
    expect(assignment.valid_to).toBe('2027-01-31'); // Anselm's write survives
    expect((await openSet(ORG.aratron)).status).toBe('DRAFT');
    expect(await sys.count('outbox_event', `action = 'access.changes.applied' AND after->>'changeSetId' = ?`, [set.id])).toBe(0);
    // Signing again is refused until the stale change is discarded and proposed anew.
    const again = await sys.gql(SIGN, { org: ORG.aratron }, fridolf);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0].message).toContain('Viking Evertsson');
  });
});
