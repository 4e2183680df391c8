import { DEMO } from '@behorig/kit/demo';
import { luhnCheckDigit } from '@behorig/kit/identity';
import { applyChangeSet } from '../src/modules/changes/change-set-apply.service';
import { startAccess, person, ORG, UNIT, type AccessSystem } from './support/system';

/**
 * Offices, level two of R-USR-2: a staff member works at units and, within them, at offices
 * (addresses). Through the access GraphQL API with the organisations subgraph's answers served by
 * the in-test directory (today = 2026-11-22).
 */
const validPnr = (yyyymmdd: string, serial: string) => `${yyyymmdd}${serial}${luhnCheckDigit(yyyymmdd.slice(2) + serial)}`;
const OLLE = validPnr('19790305', '118');
const [STHLM, UPPSALA] = DEMO.units.aratronStod.addresses.map((a) => a.id);
const DOROTEA_OFFICE = DEMO.units.doroteaUbk.addresses[0].id;
const PROPOSE = `mutation($org: ID!, $input: StaffInput!) { proposeStaff(organisationId: $org, input: $input) { id kind unitIds addressIds } }`;
const CHANGE = `mutation($org: ID!, $p: ID!, $input: StaffChangeInput!) { proposeStaffChange(organisationId: $org, personId: $p, input: $input) { id kind addressIds } }`;
const OPEN_SET = `query($org: ID!) { _entities(representations: [{ __typename: "Organisation", id: $org }]) { ... on Organisation { changesToSign { id } } } }`;
const CHECK = `query($p: ID!, $o: ID!, $u: ID, $a: ID) { checkAccess(personId: $p, organisationId: $o, unitId: $u, addressId: $a, function: "REPORTS", access: UPDATE) { allowed reason } }`;
const ME = `{ me { id memberships { addresses { id } employments { unit { id } addressIds } } permissionScopes { role { code } units { id } addresses { id } } } }`;
const olleInput = (over: Record<string, unknown> = {}) => ({
  personalNumber: OLLE, givenName: 'Olle', surname: 'Kontorsson', roleCodes: ['REPORTING', 'RECEIVE_PARTICIPANTS'], unitIds: [UNIT.aratronStod], addressIds: [STHLM], validFrom: '2026-11-22', ...over,
});

describe('offices (R-USR-2 level two)', () => {
  let sys: AccessSystem;
  beforeAll(async () => { sys = await startAccess(); });
  afterAll(async () => { await sys.stop(); });

  async function signAndApply(org: string, token: string, signerPnr: string) {
    const set = (await sys.gql(OPEN_SET, { org }, token)).data._entities[0].changesToSign;
    expect((await sys.gql(`mutation($org: ID!) { signChanges(organisationId: $org) { orderRef } }`, { org }, token)).errors).toBeUndefined();
    const result = await applyChangeSet(sys.server.orm.em, sys.server.deps, set.id, await sys.receiptFor(set.id, signerPnr));
    expect(result).toEqual({ status: 200, body: { status: 'APPLIED', alreadyApplied: false } });
  }

  it('R-USR-2: FORBIDDEN for another organisation\'s administrator, BAD_USER_INPUT for an office of another unit; nothing written', async () => {
    const n = await sys.count('pending_change');
    const events = await sys.count('outbox_event');
    expect((await sys.gql(PROPOSE, { org: ORG.aratron, input: olleInput() }, await sys.tokens.of('Arvid'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const stray = await sys.gql(PROPOSE, { org: ORG.aratron, input: olleInput({ addressIds: [DOROTEA_OFFICE] }) }, await sys.tokens.of('Fridolf'));
    expect(stray.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OFFICE_NOT_OF_UNIT', field: 'input.addressIds' });
    expect(await sys.count('pending_change')).toBe(n);
    expect(await sys.count('outbox_event')).toBe(events);
  });

  it('R-USR-2, R-SIGN-1: proposeStaff with one office lands in changes to sign with its audit event, and grants after signing only there', async () => {
    const fridolf = await sys.tokens.of('Fridolf');
    const events = await sys.count('outbox_event', `action = 'access.change.proposed' AND organisation_id = ?`, [ORG.aratron]);
    const res = await sys.gql(PROPOSE, { org: ORG.aratron, input: olleInput() }, fridolf);
    expect(res.errors).toBeUndefined();
    expect(res.data.proposeStaff).toMatchObject({ kind: 'NEW', unitIds: [UNIT.aratronStod], addressIds: [STHLM] });
    expect(await sys.count('outbox_event', `action = 'access.change.proposed' AND organisation_id = ?`, [ORG.aratron])).toBe(events + 1);
    await signAndApply(ORG.aratron, fridolf, person('Fridolf').personalNumber);

    const olle = await sys.tokens.pnr(OLLE);
    const me = (await sys.gql(ME, undefined, olle)).data.me;
    expect(me.memberships[0].addresses).toEqual([{ id: STHLM }]);
    expect(me.memberships[0].employments).toEqual([{ unit: { id: UNIT.aratronStod }, addressIds: [STHLM] }]);
    expect(me.permissionScopes.map((s: { addresses: unknown }) => s.addresses)).toEqual([[{ id: STHLM }], [{ id: STHLM }]]);
    const at = async (a: string | null, u: string | null = UNIT.aratronStod) => (await sys.gql(CHECK, { p: me.id, o: ORG.aratron, u, a }, olle)).data.checkAccess;
    expect((await at(STHLM)).allowed).toBe(true);
    expect((await at(STHLM, null)).allowed).toBe(true); // the office names its unit
    expect(await at(UPPSALA)).toMatchObject({ allowed: false, reason: 'OFFICE_NOT_COVERED' });
    expect(await at(DOROTEA_OFFICE)).toMatchObject({ allowed: false, reason: 'OFFICE_OF_OTHER_ORGANISATION' });
    expect((await at(null)).allowed).toBe(true);
  });

  it('R-USR-2: the staff list shows offices; a change to all offices (addressIds null) includes offices added later', async () => {
    const fridolf = await sys.tokens.of('Fridolf');
    const staff = await sys.gql(`query($o: ID!) { _entities(representations: [{ __typename: "Organisation", id: $o }]) { ... on Organisation { staff(search: "Kontorsson") { edges { node { id memberships { addresses { id } } } } } } } }`, { o: ORG.aratron }, fridolf);
    const node = staff.data._entities[0].staff.edges[0].node;
    expect(node.memberships[0].addresses).toEqual([{ id: STHLM }]);
    const res = await sys.gql(CHANGE, { org: ORG.aratron, p: node.id, input: { addressIds: null } }, fridolf);
    expect(res.errors).toBeUndefined();
    expect(res.data.proposeStaffChange).toMatchObject({ kind: 'CHANGED', addressIds: null });
    await signAndApply(ORG.aratron, fridolf, person('Fridolf').personalNumber);
    const me = (await sys.gql(ME, undefined, await sys.tokens.pnr(OLLE))).data.me;
    expect(me.memberships[0].addresses).toEqual([{ id: STHLM }, { id: UPPSALA }]);
    expect(me.memberships[0].employments[0].addressIds).toBeNull();
  });

  it('R-USR-2, R-SCOPE-4: an office removed from its unit grants nothing any more and leaves the scopes', async () => {
    const olle = await sys.tokens.pnr(OLLE);
    const me = (await sys.gql(ME, undefined, olle)).data.me;
    expect((await sys.gql(CHECK, { p: me.id, o: ORG.aratron, u: UNIT.aratronStod, a: UPPSALA }, olle)).data.checkAccess.allowed).toBe(true);
    await sys.facts.removeAddress(UPPSALA);
    const after = await sys.gql(CHECK, { p: me.id, o: ORG.aratron, u: UNIT.aratronStod, a: UPPSALA }, olle);
    expect(after.data.checkAccess).toMatchObject({ allowed: false, reason: 'OFFICE_OF_OTHER_ORGANISATION' });
    const scopes = (await sys.gql(ME, undefined, olle)).data.me.permissionScopes;
    expect(scopes.every((s: { addresses: { id: string }[] }) => s.addresses.every((a) => a.id !== UPPSALA))).toBe(true);
  });
});
