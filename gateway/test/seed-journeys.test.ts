import { addDays, stockholmDate } from '@behorig/kit/dates';
import { luhnCheckDigit } from '@behorig/kit/identity';
import { gqlRequest, type GraphQLResponse } from '@behorig/kit/testing';
import { randomBytes } from 'node:crypto';
import { startSystem, type System } from './support/system';
import { poll as pollUntil } from './support/poll';

/**
 * The seeds' journeys by an organisation's own administrator, end to end through the gateway with
 * the BankID simulator playing the phone (log-in and signing):
 * - Mina sidor: a fresh supplier's starting administrator — holding PERMISSION_ADMIN, and in a
 *   variant a colleague holding only ADMINISTER_PERMISSIONS — gives a staff member
 *   RECEIVE_PARTICIPANTS + REPORTING on two units and signs; both permissions then hold on both
 *   units (R-ROLE-3 as corrected, R-USR-2, R-SIGN-1…3).
 * - Skolplattformen: an education provider's administrator appoints a responsible role and a
 *   teacher with school forms; the responsible role ends the teacher on one unit and one school
 *   form (preview, then complete), then on all (R-END-1…5).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field below
type Gql = (q: string, v?: Record<string, unknown>, token?: string) => Promise<GraphQLResponse<any>>;

const TOLVAN = '191212121212';
let serial = 100 + (randomBytes(1)[0] % 100);
/** A fresh, valid personal number (Luhn) for a new person of these journeys. */
function freshPnr(yyyymmdd: string): string {
  const s = String(serial++).padStart(3, '0');
  return `${yyyymmdd}${s}${luhnCheckDigit(yyyymmdd.slice(2) + s)}`;
}
function freshOrgNumber(): string {
  const n = randomBytes(4).readUInt32BE(0);
  const first9 = `55${20 + (n % 80)}${String((n >>> 8) % 100000).padStart(5, '0')}`;
  return `${first9.slice(0, 6)}-${first9.slice(6)}${luhnCheckDigit(first9)}`;
}


const poll = <T>(fn: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 15_000) => pollUntil(fn, done, timeoutMs, 100);

describe('seed journeys through the gateway with BankID', () => {
  let sys: System;
  let gql: Gql;
  const today = stockholmDate();

  beforeAll(async () => {
    sys = await startSystem();
    gql = (q, v, t) => gqlRequest(sys.gatewayUrl, q, v, t);
  });
  afterAll(async () => { await sys.stop(); });

  const must = async (q: string, v: Record<string, unknown>, token: string) => {
    const res = await gql(q, v, token);
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  /** R-AUTH-1: BankID log-in (startLogin → the phone → completeLogin). */
  /** BankID's completion carries the person's real name, from which log-in corrects the identity's name (R-USR-5). */
  async function login(personalNumber: string, names?: { givenName: string; surname: string }): Promise<string> {
    const started = await gql(`mutation { startLogin { orderRef } }`);
    const ref = started.data.startLogin.orderRef;
    await sys.phone(ref, 'complete', { personalNumber, ...(names && { givenName: names.givenName, surname: names.surname }) });
    const session = await gql(`mutation($r: ID!) { completeLogin(orderRef: $r) { token } }`, { r: ref });
    expect(session.errors).toBeUndefined();
    return session.data.completeLogin.token;
  }

  /** R-SIGN-2/3: signs the organisation's DRAFT set with BankID and waits until it is applied. */
  async function sign(organisationId: string, token: string, personalNumber: string) {
    const started = await must(`mutation($o: ID!) { signChanges(organisationId: $o) { orderRef } }`, { o: organisationId }, token);
    const ref = started.signChanges.orderRef;
    await sys.phone(ref, 'complete', { personalNumber });
    const q = `query($r: ID!) { signingOrder(orderRef: $r) { status applyResult applyError receipt { id } } }`;
    const done = await poll(() => gql(q, { r: ref }, token), (r) => ['APPLIED', 'REFUSED'].includes(r.data?.signingOrder?.applyResult));
    expect(done.data.signingOrder).toMatchObject({ status: 'COMPLETE', applyResult: 'APPLIED', receipt: { id: expect.any(String) } });
  }

  /** The authority creates an organisation with units and activates its agreement (R-AGR-1/2). */
  let authorityToken: string | undefined;
  async function freshOrganisation(kind: 'SUPPLIER' | 'EDUCATION_PROVIDER', units: { name: string; serviceCode: string; schoolFormCodes?: string[] }[], admin: { personalNumber: string; givenName: string; surname: string }) {
    const authority = (authorityToken ??= await login(TOLVAN, { givenName: 'Tolvan', surname: 'Tolvansson' }));
    const org = await must(`mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`, { i: { orgNumber: freshOrgNumber(), name: `${admin.surname} ${kind === 'SUPPLIER' ? 'AB' : 'Utbildning AB'}`, kind } }, authority);
    const organisationId = org.createOrganisation.id as string;
    const unitIds: string[] = [];
    for (const [i, u] of units.entries()) {
      const created = await must(`mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }`, {
        i: { organisationId, serviceCode: u.serviceCode, name: u.name, addresses: [{ street: `Storgatan ${i + 1}`, postalCode: '111 22', city: 'Stockholm' }], schoolFormCodes: u.schoolFormCodes },
      }, authority);
      unitIds.push(created.createUnit.id);
    }
    const agreement = await must(`mutation($i: RegisterAgreementInput!) { registerAgreement(input: $i) { id } }`, { i: { organisationId, administrator: admin } }, authority);
    const active = await must(`mutation($id: ID!) { activateAgreement(id: $id) { status } }`, { id: agreement.registerAgreement.id }, authority);
    expect(active.activateAgreement.status).toBe('ACTIVE');
    return { organisationId, unitIds };
  }

  const CHECK = `query($p: ID!, $o: ID!, $u: ID, $f: String!, $a: Access! = UPDATE) { checkAccess(personId: $p, organisationId: $o, unitId: $u, function: $f, access: $a) { allowed reason role { code } } }`;
  const PROPOSE = `mutation($o: ID!, $i: StaffInput!) { proposeStaff(organisationId: $o, input: $i) { kind roles { code } unitIds } }`;
  const personIdOf = async (organisationId: string, surname: string, token: string) =>
    (await must(`query($o: ID!, $s: String) { organisation(id: $o) { staff(search: $s) { edges { node { id } } } } }`, { o: organisationId, s: surname }, token)).organisation.staff.edges[0].node.id as string;

  /** Gives Rut RECEIVE_PARTICIPANTS + REPORTING on both units, signs, and checks both permissions on both units. */
  async function minaSidorStaff(organisationId: string, unitIds: string[], adminToken: string, adminPnr: string, surname: string) {
    const rut = { personalNumber: freshPnr('19860412'), givenName: 'Rut', surname, email: 'rut@example.se' };
    const res = await gql(PROPOSE, { o: organisationId, i: { ...rut, roleCodes: ['RECEIVE_PARTICIPANTS', 'REPORTING'], unitIds, validFrom: today, validTo: addDays(today, 180) } }, adminToken);
    expect(res.errors).toBeUndefined();
    expect(res.data.proposeStaff).toMatchObject({ kind: 'NEW', unitIds: expect.arrayContaining(unitIds) });
    expect(res.data.proposeStaff.roles.map((r: { code: string }) => r.code).sort()).toEqual(['RECEIVE_PARTICIPANTS', 'REPORTING']);
    await sign(organisationId, adminToken, adminPnr);
    const rutId = await personIdOf(organisationId, surname, adminToken);
    // R-USR-2: both permissions hold uniformly on both units; nowhere else.
    for (const unitId of unitIds) {
      for (const [fn, a, role] of [['VIEW_NEW_PARTICIPANTS', 'READ', 'RECEIVE_PARTICIPANTS'], ['ASSIGN_SUPERVISOR', 'UPDATE', 'RECEIVE_PARTICIPANTS'], ['VIEW_PARTICIPANTS', 'READ', 'REPORTING'], ['REPORTS', 'UPDATE', 'REPORTING'], ['PLAN_ACTIVITIES', 'UPDATE', 'REPORTING']]) {
        const decision = (await must(CHECK, { p: rutId, o: organisationId, u: unitId, f: fn, a }, adminToken)).checkAccess;
        expect([unitId, fn, decision.allowed, decision.role?.code]).toEqual([unitId, fn, true, role]);
      }
    }
    expect((await must(CHECK, { p: rutId, o: organisationId, u: unitIds[0], f: 'MANAGE_USERS' }, adminToken)).checkAccess.allowed).toBe(false);
    // Rut herself logs in with BankID and sees the same in her scopes.
    const rutToken = await login(rut.personalNumber, rut);
    const scopes = (await must(`{ me { permissionScopes { role { code } units { id } } } }`, {}, rutToken)).me.permissionScopes;
    expect(scopes.map((s: { role: { code: string }; units: { id: string }[] }) => [s.role.code, s.units.map((u) => u.id).sort()])).toEqual([
      ['RECEIVE_PARTICIPANTS', [...unitIds].sort()], ['REPORTING', [...unitIds].sort()],
    ]);
  }

  it('R-ROLE-3, R-USR-2: Mina sidor — the starting administrator (PERMISSION_ADMIN) gives RECEIVE_PARTICIPANTS + REPORTING on two units and signs', async () => {
    const admin = { personalNumber: freshPnr('19700101'), givenName: 'Signe', surname: 'Start' };
    const { organisationId, unitIds } = await freshOrganisation('SUPPLIER', [{ name: 'Rusta Norr', serviceCode: 'RUSTA_OCH_MATCHA' }, { name: 'Rusta Syd', serviceCode: 'RUSTA_OCH_MATCHA' }], admin);
    const token = await login(admin.personalNumber, admin);
    await minaSidorStaff(organisationId, unitIds, token, admin.personalNumber, 'Deltagarsson');
  });

  it('R-ROLE-3, R-USR-3: Mina sidor — an administrator holding only ADMINISTER_PERMISSIONS gives RECEIVE_PARTICIPANTS + REPORTING on two units and signs', async () => {
    const admin = { personalNumber: freshPnr('19710202'), givenName: 'Sten', surname: 'Start' };
    const { organisationId, unitIds } = await freshOrganisation('SUPPLIER', [{ name: 'Matcha Öst', serviceCode: 'RUSTA_OCH_MATCHA' }, { name: 'Matcha Väst', serviceCode: 'RUSTA_OCH_MATCHA' }], admin);
    const startToken = await login(admin.personalNumber, admin);
    // The starting administrator appoints Mina with only "Administrera behörigheter" (org-wide, no units needed).
    const mina = { personalNumber: freshPnr('19820615'), givenName: 'Mina', surname: 'Sidor' };
    const appointed = await gql(PROPOSE, { o: organisationId, i: { ...mina, roleCodes: ['ADMINISTER_PERMISSIONS'], unitIds: [], validFrom: today } }, startToken);
    expect(appointed.errors).toBeUndefined();
    await sign(organisationId, startToken, admin.personalNumber);
    const minaToken = await login(mina.personalNumber, mina);
    const roles = (await must(`{ me { memberships { roles { role { code } } } } }`, {}, minaToken)).me.memberships[0].roles.map((r: { role: { code: string } }) => r.role.code);
    expect(roles).toEqual(['ADMINISTER_PERMISSIONS']);
    await minaSidorStaff(organisationId, unitIds, minaToken, mina.personalNumber, 'Rapportsson');
  });

  it('R-USR-2 level two: offices — a staff member limited to one office is allowed there only; removing that office from the unit ends it', async () => {
    const admin = { personalNumber: freshPnr('19720404'), givenName: 'Karl', surname: 'Kontor' };
    const { organisationId, unitIds: [unit] } = await freshOrganisation('SUPPLIER', [{ name: 'Rusta Mitt', serviceCode: 'RUSTA_OCH_MATCHA' }], admin);
    const token = await login(admin.personalNumber, admin);
    const added = await must(`mutation($u: ID!, $i: AddressInput!) { addAddress(unitId: $u, input: $i) { id } }`, { u: unit, i: { street: 'Kungsgatan 5', postalCode: '753 21', city: 'Uppsala' } }, token);
    const units = (await must(`query($o: ID!) { organisation(id: $o) { units { id addresses { id city } } } }`, { o: organisationId }, token)).organisation.units;
    const sthlm = units[0].addresses.find((a: { city: string }) => a.city === 'Stockholm').id as string;
    const uppsala = added.addAddress.id as string;
    const otto = { personalNumber: freshPnr('19880808'), givenName: 'Otto', surname: 'Kontorsson' };
    const res = await gql(`mutation($o: ID!, $i: StaffInput!) { proposeStaff(organisationId: $o, input: $i) { addressIds } }`,
      { o: organisationId, i: { ...otto, roleCodes: ['REPORTING'], unitIds: [unit], addressIds: [uppsala], validFrom: today } }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data.proposeStaff.addressIds).toEqual([uppsala]);
    await sign(organisationId, token, admin.personalNumber);
    const ottoId = await personIdOf(organisationId, 'Kontorsson', token);
    const AT = `query($p: ID!, $o: ID!, $a: ID) { checkAccess(personId: $p, organisationId: $o, addressId: $a, function: "REPORTS", access: UPDATE) { allowed reason } }`;
    expect((await must(AT, { p: ottoId, o: organisationId, a: uppsala }, token)).checkAccess.allowed).toBe(true);
    expect((await must(AT, { p: ottoId, o: organisationId, a: sthlm }, token)).checkAccess.allowed).toBe(false);
    const staff = await must(`query($o: ID!) { organisation(id: $o) { staff(search: "Kontorsson") { edges { node { memberships { addresses { city } } } } } } }`, { o: organisationId }, token);
    expect(staff.organisation.staff.edges[0].node.memberships[0].addresses).toEqual([{ city: 'Uppsala' }]);
    // The office is removed from the unit in the organisations subgraph: it grants nothing any more.
    expect((await gql(`mutation($a: ID!) { removeAddress(id: $a) { id } }`, { a: uppsala }, token)).errors).toBeUndefined();
    const gone = (await must(AT, { p: ottoId, o: organisationId, a: uppsala }, token)).checkAccess;
    // docs/api.md: a removed office is no current office of the organisation, a stable reason code.
    expect(gone).toMatchObject({ allowed: false, reason: 'OFFICE_OF_OTHER_ORGANISATION' });
    // His only office there is gone, so his role grants nothing anywhere: no scope is left (the
    // permission index dropped the rows when the unit's facts arrived, docs/architecture.md "Unit facts").
    const scopes = await must(`query($p: ID!) { permissionScopes(personId: $p) { addresses { id } } }`, { p: ottoId }, token);
    expect(scopes.permissionScopes).toEqual([]);
  });

  it('R-END-1…5: Skolplattformen — the administrator appoints a responsible role and a teacher; the responsible role ends the teacher on one unit and school form (preview, complete), then on all', async () => {
    const admin = { personalNumber: freshPnr('19650303'), givenName: 'Astrid', surname: 'Skolstart' };
    const { organisationId, unitIds: [kista, soder] } = await freshOrganisation('EDUCATION_PROVIDER', [
      { name: 'Vux Kista', serviceCode: 'KOMVUX', schoolFormCodes: ['KOMVUX_GRUNDLAGGANDE', 'KOMVUX_GYMNASIAL', 'SFI'] },
      { name: 'Vux Söder', serviceCode: 'KOMVUX', schoolFormCodes: ['KOMVUX_GYMNASIAL', 'SFI'] },
    ], admin);
    const adminToken = await login(admin.personalNumber, admin);
    const vilma = { personalNumber: freshPnr('19770707'), givenName: 'Vilma', surname: 'Ansvarig' };
    const teo = { personalNumber: freshPnr('19900909'), givenName: 'Teo', surname: 'Lärare' };
    // R-ROLE-3: the administrator appoints the responsible role (which the administrator does not hold) and a teacher.
    expect((await gql(PROPOSE, { o: organisationId, i: { ...vilma, roleCodes: ['VUX_EXTERN_ANORDNARE_ANSVARIG'], unitIds: [kista, soder], validFrom: today } }, adminToken)).errors).toBeUndefined();
    expect((await gql(PROPOSE, { o: organisationId, i: { ...teo, roleCodes: ['ELEVDOK_GRADES'], unitIds: [kista, soder], schoolFormCodes: ['KOMVUX_GYMNASIAL', 'SFI'], validFrom: today, validTo: addDays(today, 300) } }, adminToken)).errors).toBeUndefined();
    await sign(organisationId, adminToken, admin.personalNumber);

    const vilmaToken = await login(vilma.personalNumber, vilma);
    const teoId = await personIdOf(organisationId, 'Lärare', adminToken);
    const endDate = addDays(today, 30);
    const PREVIEW = `query($i: EndEmploymentInput!) { endEmploymentPreview(input: $i) { endDate assignments { unit { id } schoolFormCode role { code } validTo previousValidTo } } }`;
    const END = `mutation($i: EndEmploymentInput!) { endEmployment(input: $i) { endDate assignments { unit { id } schoolFormCode } } }`;
    const one = { organisationId, personId: teoId, endDate, unitId: kista, schoolFormCode: 'SFI' };
    // R-END-5: the teacher cannot end anyone, not even themselves; another organisation's administrator neither.
    expect((await gql(END, { i: one }, await login(teo.personalNumber, teo))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // R-END-4: the preview lists exactly what will end and changes nothing.
    const preview = (await must(PREVIEW, { i: one }, vilmaToken)).endEmploymentPreview;
    expect(preview.assignments).toEqual([{ unit: { id: kista }, schoolFormCode: 'SFI', role: { code: 'ELEVDOK_GRADES' }, validTo: endDate, previousValidTo: addDays(today, 300) }]);
    const EMPLOYMENTS = `query($o: ID!) { organisation(id: $o) { staff(search: "Lärare") { edges { node { memberships { employments { unit { id } schoolFormCode validTo } } } } } } }`;
    const employments = async () => (await must(EMPLOYMENTS, { o: organisationId }, adminToken)).organisation.staff.edges[0].node.memberships[0].employments as { unit: { id: string }; schoolFormCode: string | null; validTo: string | null }[];
    expect((await employments()).every((e) => e.validTo === null)).toBe(true);
    // R-END-1: an end date in the past is refused and changes nothing.
    const past = await gql(END, { i: { ...one, endDate: addDays(today, -1) } }, vilmaToken);
    expect(past.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await employments()).every((e) => e.validTo === null)).toBe(true);
    // Complete: only Kista's SFI ends on the end date; Kista's gymnasial and all of Söder go on.
    const done = (await must(END, { i: one }, vilmaToken)).endEmployment;
    expect(done.assignments).toEqual([{ unit: { id: kista }, schoolFormCode: 'SFI' }]);
    const after = await employments();
    const ended = after.filter((e) => e.validTo !== null).map((e) => [e.unit.id, e.schoolFormCode, e.validTo]);
    expect(ended).toEqual([[kista, 'SFI', endDate]]);
    expect(after.filter((e) => e.validTo === null).length).toBeGreaterThanOrEqual(3);

    // Then on all units and school forms ("Alla"): every employment and the roles end on that day.
    const all = { organisationId, personId: teoId, endDate: addDays(today, 10) };
    const allPreview = (await must(PREVIEW, { i: all }, vilmaToken)).endEmploymentPreview;
    expect(new Set(allPreview.assignments.map((a: { unit: { id: string } }) => a.unit.id))).toEqual(new Set([kista, soder]));
    await must(END, { i: all }, vilmaToken);
    expect((await employments()).every((e) => e.validTo !== null && e.validTo <= addDays(today, 10))).toBe(true);
    const check = await must(`query($p: ID!, $o: ID!, $u: ID, $on: Date) { checkAccess(personId: $p, organisationId: $o, unitId: $u, function: "GRADES", access: UPDATE, on: $on) { allowed } }`,
      { p: teoId, o: organisationId, u: soder, on: addDays(today, 11) }, adminToken);
    expect(check.checkAccess.allowed).toBe(false);
    const before = await must(`query($p: ID!, $o: ID!, $u: ID, $on: Date) { checkAccess(personId: $p, organisationId: $o, unitId: $u, function: "GRADES", access: UPDATE, on: $on) { allowed } }`,
      { p: teoId, o: organisationId, u: soder, on: addDays(today, 5) }, adminToken);
    expect(before.checkAccess.allowed).toBe(true);
  });
});
