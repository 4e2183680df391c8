import { DEMO } from '@behorig/kit/demo';
import { startAccess, person, ORG, UNIT, CLOSED_UNIT_ID, type AccessSystem } from './support/system';

/** Changes to sign (R-SIGN-1…4), R-ROLE-3, R-USR-1…4, R-PERIOD-1…3, R-AGR-3 through the access GraphQL API. */
const PROPOSE = `mutation($org: ID!, $input: StaffInput!) { proposeStaff(organisationId: $org, input: $input) {
  id kind person { personId givenName surname birthDate } roles { code } unitIds validFrom validTo } }`;
const CHANGES = `query($org: ID!) { _entities(representations: [{ __typename: "Organisation", id: $org }]) { ... on Organisation {
  changesToSign { id status digest signingText changes { id kind person { givenName surname } roles { code } } } } } }`;
const SIGN = `mutation($org: ID!) { signChanges(organisationId: $org) { orderRef } }`;
const andrea = DEMO.andreaSandin;
const andreaInput = (over: Record<string, unknown> = {}) => ({
  personalNumber: andrea.personalNumber, givenName: andrea.givenName, surname: andrea.surname, email: andrea.email,
  roleCodes: ['SERVICE_ADMIN'], unitIds: [UNIT.doroteaUbk], validFrom: '2026-11-23', validTo: '2027-12-31', ...over,
});

describe('changes to sign through GraphQL', () => {
  let sys: AccessSystem;
  beforeAll(async () => { sys = await startAccess(); });
  afterAll(async () => { await sys.stop(); });

  const changesOf = async (org: string, token: string) => (await sys.gql(CHANGES, { org }, token)).data?._entities[0].changesToSign;

  it('R-SIGN-1: proposeStaff puts a NEW change in the DRAFT set, writes its audit event, and grants nothing yet', async () => {
    const arvid = await sys.tokens.of('Arvid');
    const res = await sys.gql(PROPOSE, { org: ORG.dorotea, input: andreaInput() }, arvid);
    expect(res.errors).toBeUndefined();
    expect(res.data.proposeStaff).toMatchObject({ kind: 'NEW', person: { personId: null, givenName: 'Andrea', surname: 'Sandin', birthDate: '1978-10-17' }, roles: [{ code: 'SERVICE_ADMIN' }], unitIds: [UNIT.doroteaUbk], validTo: '2027-12-31' });
    const set = await changesOf(ORG.dorotea, arvid);
    expect(set.status).toBe('DRAFT');
    expect(set.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(set.signingText).toBe('Ny användare: Andrea Sandin, Tjänsteadministratör, 2026-11-23 – 2027-12-31');
    const events = await sys.sql<{ action: string; after: { changeSetId: string } }>(`SELECT action, after FROM access.outbox_event WHERE organisation_id = ? AND action = 'access.change.proposed'`, [ORG.dorotea]);
    expect(events).toHaveLength(1);
    expect(events[0].after.changeSetId).toBe(set.id);
    expect(await sys.count('person', 'personal_number_hash = ?', [sys.hashOf(andrea.personalNumber)])).toBe(0);
  });

  it('R-SIGN-3: editing the draft (a new proposal for the same person) replaces the change and changes the digest', async () => {
    const arvid = await sys.tokens.of('Arvid');
    const before = await changesOf(ORG.dorotea, arvid);
    const res = await sys.gql(PROPOSE, { org: ORG.dorotea, input: andreaInput({ validTo: '2027-06-30' }) }, arvid);
    expect(res.errors).toBeUndefined();
    const after = await changesOf(ORG.dorotea, arvid);
    expect(after.changes).toHaveLength(1);
    expect(after.digest).not.toBe(before.digest);
  });

  it('R-ROLE-3: FORBIDDEN for a user without Hantera användare and for an administrator of another organisation; nothing written', async () => {
    const n = await sys.count('pending_change');
    const viking = await sys.gql(PROPOSE, { org: ORG.aratron, input: andreaInput({ unitIds: [UNIT.aratronStod] }) }, await sys.tokens.of('Viking'));
    expect(viking.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const fridolf = await sys.gql(PROPOSE, { org: ORG.dorotea, input: andreaInput() }, await sys.tokens.of('Fridolf'));
    expect(fridolf.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const nobody = await sys.gql(PROPOSE, { org: ORG.dorotea, input: andreaInput() });
    expect(nobody.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await sys.count('pending_change')).toBe(n);
  });

  it('R-ROLE-3: an administrator gives roles they do not hold themselves (Vera, responsible, appoints a BER-administratör); audit event written', async () => {
    const n = await sys.count('outbox_event', `action = 'access.change.proposed' AND organisation_id = ?`, [ORG.vux]);
    const res = await sys.gql(PROPOSE, { org: ORG.vux, input: andreaInput({ roleCodes: ['BER_ADMINISTRATOR', 'ELEVDOK_GRADES'], unitIds: [UNIT.vuxKista] }) }, await sys.tokens.of('Vera'));
    expect(res.errors).toBeUndefined();
    expect(res.data.proposeStaff.roles.map((r: { code: string }) => r.code).sort()).toEqual(['BER_ADMINISTRATOR', 'ELEVDOK_GRADES']);
    expect(await sys.count('outbox_event', `action = 'access.change.proposed' AND organisation_id = ?`, [ORG.vux])).toBe(n + 1);
    const discard = await sys.gql(`mutation($id: ID!) { discardPendingChange(id: $id) { id } }`, { id: res.data.proposeStaff.id }, await sys.tokens.of('Vera'));
    expect(discard.errors).toBeUndefined();
  });

  it.each([
    ['R-USR-1: an invalid personal number', { personalNumber: '19781017-5555' }, 'input.personalNumber'],
    ['R-ORG-3: a unit that does not exist', { unitIds: ['00000000-0000-4000-8001-00000000dead'] }, 'input.unitIds'],
    ['R-ORG-3: a closed unit', { unitIds: [CLOSED_UNIT_ID] }, 'input.unitIds'],
    ['R-ORG-3: a unit of another organisation', { unitIds: [UNIT.aratronStod] }, 'input.unitIds'],
    ['R-PERIOD-2: an end date after next year-end', { validTo: '2028-11-22' }, 'input.validTo'],
    ['R-PERIOD-3: an end date on a permission administrator', { roleCodes: ['PERMISSION_ADMIN'], validTo: '2027-06-30' }, 'input.validTo'],
    ['R-PERIOD-1: an end date before the start date', { validFrom: '2027-01-10', validTo: '2027-01-01' }, 'input.validTo'],
    ['R-ROLE-1: an unknown role', { roleCodes: ['CHIEF'] }, 'input.roleCodes'],
  ])('%s is BAD_USER_INPUT naming the field, and nothing changes', async (_name, over, field) => {
    const n = await sys.count('pending_change');
    const res = await sys.gql(PROPOSE, { org: ORG.dorotea, input: andreaInput(over) }, await sys.tokens.of('Arvid'));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await sys.count('pending_change')).toBe(n);
  });

  it('R-USR-1: a coordination number is accepted and stored in canonical 12-digit form', async () => {
    const res = await sys.gql(PROPOSE, { org: ORG.dorotea, input: andreaInput({ personalNumber: '680164-2395', givenName: 'Sam', surname: 'Samordnad' }) }, await sys.tokens.of('Arvid'));
    expect(res.errors).toBeUndefined();
    expect(res.data.proposeStaff.person.birthDate).toBe('1968-01-04');
    expect(await sys.count('pending_change', 'personal_number_hash = ?', [sys.hashOf('196801642395')])).toBe(1);
  });

  it('discardPendingChange removes a draft change (audit event), FORBIDDEN for others', async () => {
    const arvid = await sys.tokens.of('Arvid');
    const set = await changesOf(ORG.dorotea, arvid);
    const sam = set.changes.find((c: { person: { givenName: string } }) => c.person.givenName === 'Sam');
    const DISCARD = `mutation($id: ID!) { discardPendingChange(id: $id) { status changes { id } } }`;
    expect((await sys.gql(DISCARD, { id: sam.id }, await sys.tokens.of('Fridolf'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await sys.gql(DISCARD, { id: sam.id }, await sys.tokens.of('Viking'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const res = await sys.gql(DISCARD, { id: sam.id }, arvid);
    expect(res.errors).toBeUndefined();
    expect(res.data.discardPendingChange.changes).toHaveLength(1);
    expect(await sys.count('outbox_event', `action = 'access.change.discarded' AND before->>'changeId' = ?`, [sam.id])).toBe(1);
    const again = await sys.gql(DISCARD, { id: sam.id }, arvid);
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('R-SIGN-2: signChanges asks signing for a sign order with the Swedish text and digest, forwarding the caller', async () => {
    const arvid = await sys.tokens.of('Arvid');
    expect((await sys.gql(SIGN, { org: ORG.dorotea }, await sys.tokens.of('Fridolf'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const res = await sys.gql(SIGN, { org: ORG.dorotea }, arvid);
    expect(res.errors).toBeUndefined();
    expect(res.data.signChanges.orderRef).toMatch(/[0-9a-f-]{36}/);
    const sent = sys.signing.requests.at(-1)!;
    const set = await changesOf(ORG.dorotea, arvid);
    expect(set.status).toBe('SIGNING');
    expect(sent.headers.authorization).toBe(`Bearer ${arvid}`);
    expect(sent.body).toMatchObject({ organisationId: ORG.dorotea, changeSetId: set.id, digest: set.digest, userVisibleData: 'Ny användare: Andrea Sandin, Tjänsteadministratör, 2026-11-23 – 2027-06-30' });
    expect(await sys.count('outbox_event', `action = 'access.changes.signing_started' AND after->>'changeSetId' = ?`, [set.id])).toBe(1);
  });

  it('R-SIGN-4: a receipt whose digest does not match is refused (409 digest_mismatch) and nothing is applied', async () => {
    const set = await changesOf(ORG.dorotea, await sys.tokens.of('Arvid'));
    const receipt = await sys.receiptFor(set.id, person('Arvid').personalNumber, { digest: 'f'.repeat(64) });
    const res = await fetch(`${sys.base}/internal/change-sets/${set.id}/apply`, { method: 'POST', headers: await sys.fromSigning(), body: JSON.stringify({ receipt }) });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'digest_mismatch' });
    expect(await sys.count('person', 'personal_number_hash = ?', [sys.hashOf(andrea.personalNumber)])).toBe(0);
  });

  it('the apply endpoint needs the internal secret; a signer without Hantera användare gets 403', async () => {
    const set = await changesOf(ORG.dorotea, await sys.tokens.of('Arvid'));
    const noSecret = await fetch(`${sys.base}/internal/change-sets/${set.id}/apply`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receipt: 'x' }) });
    expect(noSecret.status).toBe(401);
    const receipt = await sys.receiptFor(set.id, person('Viking').personalNumber);
    const res = await fetch(`${sys.base}/internal/change-sets/${set.id}/apply`, { method: 'POST', headers: await sys.fromSigning(), body: JSON.stringify({ receipt }) });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'signer_not_administrator' });
    // R-SIGN-7, R-AUDIT-4: the refusal returns the set to DRAFT and is an event with its reason.
    expect(await changesOf(ORG.dorotea, await sys.tokens.of('Arvid'))).toMatchObject({ id: set.id, status: 'DRAFT' });
    const [refused] = await sys.sql<{ after: { changeSetId: string; reason: string } }>(`SELECT after FROM access.outbox_event WHERE action = 'access.changes.apply_refused'`);
    expect(refused.after).toMatchObject({ changeSetId: set.id, reason: 'SIGNER_NOT_ADMINISTRATOR' });
    // Signed again by an administrator, for the next test.
    expect((await sys.gql(SIGN, { org: ORG.dorotea }, await sys.tokens.of('Arvid'))).errors).toBeUndefined();
  });

  it('R-SIGN-7: the set offers "Signera" (canSign) only to its administrators; the authority cannot start a signing', async () => {
    const Q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { changesToSign { canSign } } } }`;
    const r = [{ __typename: 'Organisation', id: ORG.dorotea }];
    expect((await sys.gql(Q, { r }, await sys.tokens.of('Arvid'))).data._entities[0].changesToSign).toEqual({ canSign: true });
    expect((await sys.gql(Q, { r }, await sys.tokens.authority())).data._entities[0].changesToSign).toEqual({ canSign: false });
    const before = await sys.count('outbox_event');
    const res = await sys.gql(SIGN, { org: ORG.dorotea }, await sys.tokens.authority());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SIGNER_NOT_ADMINISTRATOR' });
    expect(await sys.count('outbox_event')).toBe(before);
  });

  it('R-SIGN-4: applied exactly once — 200 APPLIED, then alreadyApplied; audit events carry the change set and receipt ids', async () => {
    const set = await changesOf(ORG.dorotea, await sys.tokens.of('Arvid'));
    const receipt = await sys.receiptFor(set.id, person('Arvid').personalNumber);
    const post = async () => fetch(`${sys.base}/internal/change-sets/${set.id}/apply`, { method: 'POST', headers: await sys.fromSigning(), body: JSON.stringify({ receipt }) });
    const first = await post();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: 'APPLIED', alreadyApplied: false });
    const second = await post();
    expect(await second.json()).toEqual({ status: 'APPLIED', alreadyApplied: true });
    expect(await sys.count('role_assignment', `role_code = 'SERVICE_ADMIN' AND membership_id IN (SELECT m.id FROM access.membership m JOIN access.person p ON p.id = m.person_id WHERE p.personal_number_hash = ?)`, [sys.hashOf(andrea.personalNumber)])).toBe(1);
    const [added] = await sys.sql<{ after: { changeSetId: string; receiptId: string } }>(`SELECT after FROM access.outbox_event WHERE action = 'access.staff.added'`);
    expect(added.after.changeSetId).toBe(set.id);
    expect(added.after.receiptId).toEqual(expect.any(String));
    expect((await changesOf(ORG.dorotea, await sys.tokens.of('Arvid')))).toBeNull();
  });

  it('R-SIGN-2: when BankID is unavailable signChanges answers SERVICE_UNAVAILABLE and the draft stays intact', async () => {
    const fridolf = await sys.tokens.of('Fridolf');
    const propose = await sys.gql(PROPOSE, { org: ORG.aratron, input: andreaInput({ unitIds: [UNIT.aratronStod], roleCodes: ['READER'] }) }, fridolf);
    expect(propose.errors).toBeUndefined();
    sys.signing.state.unavailable = true;
    try {
      const res = await sys.gql(SIGN, { org: ORG.aratron }, fridolf);
      expect(res.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      sys.signing.state.unavailable = false;
    }
    const set = await changesOf(ORG.aratron, fridolf);
    expect(set).toMatchObject({ status: 'DRAFT', changes: [{ kind: 'NEW', roles: [{ code: 'READER' }] }] });
    // R-AUDIT-1: the attempt that began is closed by its own event (the log is append-only).
    expect(await sys.count('outbox_event', `action = 'access.changes.signing_failed'`)).toBe(1);
  });

  it('R-AGR-3: removing the last permission administrator is refused with CONFLICT; proposals for others are fine', async () => {
    const arvid = await sys.tokens.of('Arvid');
    const REMOVE = `mutation($org: ID!, $p: ID!) { proposeStaffRemoval(organisationId: $org, personId: $p) { kind } }`;
    const n = await sys.count('pending_change');
    const res = await sys.gql(REMOVE, { org: ORG.dorotea, p: person('Arvid').id }, arvid);
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await sys.count('pending_change')).toBe(n);
    const fridolf = await sys.tokens.of('Fridolf');
    const ok = await sys.gql(REMOVE, { org: ORG.aratron, p: person('Agda').id }, fridolf);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.proposeStaffRemoval.kind).toBe('REMOVED');
    expect((await sys.gql(REMOVE, { org: ORG.aratron, p: person('Agda').id }, await sys.tokens.of('Viking'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('proposeStaffChange: CHANGED with the whole new state; FORBIDDEN for others; BAD_USER_INPUT unchanged', async () => {
    const CHANGE = `mutation($org: ID!, $p: ID!, $input: StaffChangeInput!) { proposeStaffChange(organisationId: $org, personId: $p, input: $input) { kind roles { code } unitIds validTo } }`;
    const fridolf = await sys.tokens.of('Fridolf');
    const res = await sys.gql(CHANGE, { org: ORG.aratron, p: person('Laban').id, input: { roleCodes: ['REGISTRAR', 'READER'] } }, fridolf);
    expect(res.errors).toBeUndefined();
    expect(res.data.proposeStaffChange).toEqual({ kind: 'CHANGED', roles: [{ code: 'REGISTRAR' }, { code: 'READER' }], unitIds: [UNIT.aratronStod], validTo: '2027-12-31' });
    expect((await sys.gql(CHANGE, { org: ORG.aratron, p: person('Laban').id, input: { validTo: '2027-01-01' } }, await sys.tokens.of('Arvid'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await sys.gql(CHANGE, { org: ORG.aratron, p: person('Laban').id, input: { validTo: '2027-01-01' } }, await sys.tokens.of('Agda'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const n = await sys.count('pending_change');
    const bad = await sys.gql(CHANGE, { org: ORG.aratron, p: person('Laban').id, input: { validTo: '2029-01-01' } }, fridolf);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.validTo' });
    expect(await sys.count('pending_change')).toBe(n);
    expect(await sys.count('outbox_event', `action = 'access.change.proposed' AND organisation_id = ?`, [ORG.aratron])).toBe(3);
  });
});
