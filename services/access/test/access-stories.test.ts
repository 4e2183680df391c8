import { DEMO } from '@behorig/kit/demo';
import { luhnCheckDigit } from '@behorig/kit/identity';

const validPnr = (yyyymmdd: string, serial: string) => `${yyyymmdd}${serial}${luhnCheckDigit(yyyymmdd.slice(2) + serial)}`;
const MAJA = validPnr('19850214', '238');
const NOBODY = validPnr('19400101', '000');
import { applyChangeSet } from '../src/modules/changes/change-set-apply.service';
import { startAccess, person, ORG, UNIT, type AccessSystem } from './support/system';

/**
 * The three seed stories as service-level tests (today = 2026-11-22), plus agreements (R-AGR),
 * authorisation periods (R-PERIOD-4) and ending employment (R-END). Change sets are applied
 * through the internal apply function with receipts minted by kit's mintReceipt and the test key.
 */
const SCOPES = `query($id: ID!, $on: Date) { permissionScopes(personId: $id, on: $on) { organisation { id } orgWide units { id } role { code } validFrom validTo } }`;
const CHECK = `query($p: ID!, $o: ID!, $u: ID, $f: String!, $a: Access!, $on: Date) { checkAccess(personId: $p, organisationId: $o, unitId: $u, function: $f, access: $a, on: $on) { allowed reason role { code } validTo } }`;
const PROPOSE = `mutation($org: ID!, $input: StaffInput!) { proposeStaff(organisationId: $org, input: $input) { id } }`;
const SIGN = `mutation($org: ID!) { signChanges(organisationId: $org) { orderRef } }`;
const OPEN_SET = `query($org: ID!) { _entities(representations: [{ __typename: "Organisation", id: $org }]) { ... on Organisation { changesToSign { id } } } }`;

describe('stories and immediate staff administration', () => {
  let sys: AccessSystem;
  beforeAll(async () => { sys = await startAccess(); });
  afterAll(async () => { await sys.stop(); });

  /** signChanges, then what signing does on completion: apply with a receipt signed by `signer`. */
  async function signAndApply(org: string, token: string, signerPnr: string) {
    const set = (await sys.gql(OPEN_SET, { org }, token)).data._entities[0].changesToSign;
    const signed = await sys.gql(SIGN, { org }, token);
    expect(signed.errors).toBeUndefined();
    const result = await applyChangeSet(sys.server.orm.em, sys.server.deps, set.id, await sys.receiptFor(set.id, signerPnr));
    expect(result).toEqual({ status: 200, body: { status: 'APPLIED', alreadyApplied: false } });
    return set.id as string;
  }

  describe('KA Webb: agreement, starting administrator, Andrea Sandin as Tjänsteadministratör', () => {
    const REGISTER = `mutation($input: RegisterAgreementInput!) { registerAgreement(input: $input) { id status receivedOn activateBy activatedAt organisation { id } administrator { givenName surname birthDate } } }`;
    const ACTIVATE = `mutation($id: ID!) { activateAgreement(id: $id) { id status activatedAt } }`;
    const arvid = person('Arvid');
    const input = { organisationId: ORG.dorotea, receivedOn: '2026-11-20', administrator: { personalNumber: arvid.personalNumber, givenName: 'Arvid', surname: 'Aronsson', email: arvid.email } };
    let agreementId: string;

    it('R-AGR-1: registerAgreement is FORBIDDEN for anyone but the authority, BAD_USER_INPUT changes nothing', async () => {
      expect((await sys.gql(REGISTER, { input }, await sys.tokens.of('Arvid'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await sys.gql(REGISTER, { input }, await sys.tokens.of('Fridolf'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const bad = await sys.gql(REGISTER, { input: { ...input, administrator: { ...input.administrator, personalNumber: '640326-1231' } } }, await sys.tokens.authority());
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.administrator.personalNumber' });
      const noOrg = await sys.gql(REGISTER, { input: { ...input, organisationId: '00000000-0000-4000-8000-00000000dead' } }, await sys.tokens.authority());
      expect(noOrg.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.organisationId' });
      expect(await sys.count('agreement')).toBe(0);
    });

    it('R-AGR-2: the authority registers Dorotea kommun\'s agreement: RECEIVED, activate by received + 14 days, audited', async () => {
      const res = await sys.gql(REGISTER, { input }, await sys.tokens.authority());
      expect(res.errors).toBeUndefined();
      expect(res.data.registerAgreement).toMatchObject({ status: 'RECEIVED', receivedOn: '2026-11-20', activateBy: '2026-12-04', activatedAt: null, organisation: { id: ORG.dorotea }, administrator: { givenName: 'Arvid', birthDate: '1964-03-26' } });
      agreementId = res.data.registerAgreement.id;
      expect(await sys.count('outbox_event', `action = 'access.agreement.registered' AND organisation_id = ?`, [ORG.dorotea])).toBe(1);
    });

    it('R-AGR-2: activation (authority only) makes the agreement ACTIVE with the administrator as PERMISSION_ADMIN without end date', async () => {
      expect((await sys.gql(ACTIVATE, { id: agreementId }, await sys.tokens.of('Arvid'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const res = await sys.gql(ACTIVATE, { id: agreementId }, await sys.tokens.authority());
      expect(res.errors).toBeUndefined();
      expect(res.data.activateAgreement.status).toBe('ACTIVE');
      const again = await sys.gql(ACTIVATE, { id: agreementId }, await sys.tokens.authority());
      expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
      const me = await sys.gql(`{ me { memberships { roles { role { code } validTo } } } }`, undefined, await sys.tokens.of('Arvid'));
      expect(me.data.me.memberships[0].roles).toEqual([{ role: { code: 'PERMISSION_ADMIN' }, validTo: null }]);
      const agreement = await sys.gql(`query($o: ID!) { _entities(representations: [{ __typename: "Organisation", id: $o }]) { ... on Organisation { agreement { status } } } }`, { o: ORG.dorotea }, await sys.tokens.of('Arvid'));
      expect(agreement.data._entities[0].agreement.status).toBe('ACTIVE');
      expect(await sys.count('outbox_event', `action = 'access.agreement.activated'`)).toBe(1);
    });

    it('R-PERIOD-2, R-PERIOD-3: an end date in two years and an end date on an administrator are refused', async () => {
      const token = await sys.tokens.of('Arvid');
      const andrea = { personalNumber: DEMO.andreaSandin.personalNumber, givenName: 'Andrea', surname: 'Sandin', roleCodes: ['SERVICE_ADMIN'], unitIds: [UNIT.doroteaUbk], validFrom: '2026-11-23' };
      const twoYears = await sys.gql(PROPOSE, { org: ORG.dorotea, input: { ...andrea, validTo: '2028-11-22' } }, token);
      expect(twoYears.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.validTo' });
      const admin = await sys.gql(PROPOSE, { org: ORG.dorotea, input: { ...andrea, roleCodes: ['PERMISSION_ADMIN'], validTo: '2027-12-31' } }, token);
      expect(admin.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.validTo' });
    });

    it('R-SCOPE-1: Arvid proposes Andrea, signs, the set is applied: her scopes show Dorotea UBK until her end date', async () => {
      const token = await sys.tokens.of('Arvid');
      const res = await sys.gql(PROPOSE, { org: ORG.dorotea, input: { personalNumber: DEMO.andreaSandin.personalNumber, givenName: 'Andrea', surname: 'Sandin', email: DEMO.andreaSandin.email, roleCodes: ['SERVICE_ADMIN'], unitIds: [UNIT.doroteaUbk], validFrom: '2026-11-23', validTo: '2027-12-31' } }, token);
      expect(res.errors).toBeUndefined();
      await signAndApply(ORG.dorotea, token, arvid.personalNumber);
      const andreaToken = await sys.tokens.pnr(DEMO.andreaSandin.personalNumber);
      const me = await sys.gql(`{ me { id } }`, undefined, andreaToken);
      const scopes = await sys.gql(SCOPES, { id: me.data.me.id, on: '2026-12-01' }, andreaToken);
      expect(scopes.data.permissionScopes).toEqual([{ organisation: { id: ORG.dorotea }, orgWide: false, units: [{ id: UNIT.doroteaUbk }], role: { code: 'SERVICE_ADMIN' }, validFrom: '2026-11-23', validTo: '2027-12-31' }]);
      // R-PERIOD-1/5: nothing before the start, nothing after the end: computed from dates at query time.
      expect((await sys.gql(SCOPES, { id: me.data.me.id, on: '2026-11-22' }, andreaToken)).data.permissionScopes).toEqual([]);
      expect((await sys.gql(SCOPES, { id: me.data.me.id, on: '2028-01-01' }, andreaToken)).data.permissionScopes).toEqual([]);
      const ended = await sys.gql(CHECK, { p: me.data.me.id, o: ORG.dorotea, u: UNIT.doroteaUbk, f: 'MONTHLY_REPORT', a: 'UPDATE', on: '2028-01-01' }, token);
      expect(ended.data.checkAccess).toMatchObject({ allowed: false, reason: 'PERIOD_ENDED', role: { code: 'SERVICE_ADMIN' }, validTo: '2027-12-31' });
      const ok = await sys.gql(CHECK, { p: me.data.me.id, o: ORG.dorotea, u: UNIT.doroteaUbk, f: 'MONTHLY_REPORT', a: 'UPDATE', on: '2027-06-01' }, token);
      expect(ok.data.checkAccess).toEqual({ allowed: true, reason: 'GRANTED', role: { code: 'SERVICE_ADMIN' }, validTo: '2027-12-31' });
      const noManage = await sys.gql(CHECK, { p: me.data.me.id, o: ORG.dorotea, f: 'MANAGE_USERS', a: 'UPDATE', on: '2027-06-01' }, token);
      expect(noManage.data.checkAccess.allowed).toBe(false);
    });

    it('R-SCOPE-1: a person from another organisation may not read Andrea\'s scopes; the authority may', async () => {
      const andreaId = (await sys.gql(`{ me { id } }`, undefined, await sys.tokens.pnr(DEMO.andreaSandin.personalNumber))).data.me.id;
      expect((await sys.gql(SCOPES, { id: andreaId }, await sys.tokens.of('Fridolf'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await sys.gql(SCOPES, { id: andreaId }, await sys.tokens.of('Laban'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await sys.gql(SCOPES, { id: andreaId, on: '2027-01-01' }, await sys.tokens.authority())).data.permissionScopes).toHaveLength(1);
      expect((await sys.gql(SCOPES, { id: andreaId })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('Mina sidor: three levels, uniform permissions, org-wide administrator', () => {
    it('R-USR-2, R-USR-3, R-USR-4: one person with an org-wide admin role and two unit-scoped roles', async () => {
      const authority = await sys.tokens.authority();
      const maja = { personalNumber: MAJA, givenName: 'Maja', surname: 'Mina', roleCodes: ['ADMINISTER_PERMISSIONS', 'REPORTING', 'RECEIVE_PARTICIPANTS'], unitIds: [UNIT.aratronStod], validFrom: '2026-11-22' };
      const res = await sys.gql(PROPOSE, { org: ORG.aratron, input: maja }, authority);
      expect(res.errors).toBeUndefined();
      // The authority proposes; an administrator of the organisation signs (R-ROLE-3: the authority cannot sign for it).
      await signAndApply(ORG.aratron, await sys.tokens.of('Fridolf'), person('Fridolf').personalNumber);
      const token = await sys.tokens.pnr(MAJA);
      const me = (await sys.gql(`{ me { id memberships { units { id } roles { role { code orgWideOnly } } } } }`, undefined, token)).data.me;
      expect(me.memberships).toHaveLength(1);
      const scopes = (await sys.gql(SCOPES, { id: me.id }, token)).data.permissionScopes;
      expect(scopes).toEqual([
        { organisation: { id: ORG.aratron }, orgWide: true, units: [{ id: UNIT.aratronStod }], role: { code: 'ADMINISTER_PERMISSIONS' }, validFrom: '2026-11-22', validTo: null },
        { organisation: { id: ORG.aratron }, orgWide: false, units: [{ id: UNIT.aratronStod }], role: { code: 'RECEIVE_PARTICIPANTS' }, validFrom: '2026-11-22', validTo: null },
        { organisation: { id: ORG.aratron }, orgWide: false, units: [{ id: UNIT.aratronStod }], role: { code: 'REPORTING' }, validFrom: '2026-11-22', validTo: null },
      ]);
      // R-USR-3: the org-wide role lists every unit of the organisation, including a unit created later.
      const later = '00000000-0000-4000-8001-00000000a1a7';
      await sys.facts.add({ id: later, organisationId: ORG.aratron, closed: false, schoolFormCodes: [] });
      const again = (await sys.gql(SCOPES, { id: me.id }, token)).data.permissionScopes;
      expect(again[0]).toMatchObject({ orgWide: true, units: [{ id: UNIT.aratronStod }, { id: later }] });
      expect(again[1]).toMatchObject({ orgWide: false, units: [{ id: UNIT.aratronStod }] });
      const reports = await sys.gql(CHECK, { p: me.id, o: ORG.aratron, u: UNIT.aratronStod, f: 'REPORTS', a: 'UPDATE' }, token);
      expect(reports.data.checkAccess).toMatchObject({ reason: 'GRANTED', role: { code: 'REPORTING' }, validTo: null });
      const elsewhere = await sys.gql(CHECK, { p: me.id, o: ORG.aratron, u: UNIT.vuxKista, f: 'REPORTS', a: 'UPDATE' }, token);
      expect(elsewhere.data.checkAccess).toMatchObject({ allowed: false, reason: 'UNIT_OF_OTHER_ORGANISATION' });
      const otherOrg = await sys.gql(CHECK, { p: me.id, o: ORG.dorotea, f: 'REPORTS', a: 'READ' }, token);
      expect(otherOrg.data.checkAccess).toMatchObject({ allowed: false, reason: 'NOT_A_MEMBER' });
    });

    it('R-PERIOD-4: changeAuthorisationPeriod changes everyone or nobody, naming every ineligible person', async () => {
      const M = `mutation($o: ID!, $ids: [ID!]!, $to: Date!) { changeAuthorisationPeriod(organisationId: $o, personIds: $ids, validTo: $to) { givenName memberships { roles { validTo } } } }`;
      const fridolf = await sys.tokens.of('Fridolf');
      const [laban, viking, anselm, beda] = ['Laban', 'Viking', 'Anselm', 'Beda'].map((n) => person(n).id);
      const before = await sys.sql(`SELECT id, valid_to::text FROM access.role_assignment ORDER BY id`);
      const refused = await sys.gql(M, { o: ORG.aratron, ids: [laban, anselm, viking, beda], to: '2027-06-30' }, fridolf);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personIds' });
      expect(refused.errors?.[0].message).toContain('Anselm Zachrisson');
      expect(refused.errors?.[0].message).toContain('Beda Möller');
      expect(await sys.sql(`SELECT id, valid_to::text FROM access.role_assignment ORDER BY id`)).toEqual(before);
      // Someone from another organisation is refused without being named (no disclosure across organisations).
      const arvidId = person('Arvid').id;
      const foreign = await sys.gql(M, { o: ORG.aratron, ids: [laban, arvidId], to: '2027-06-30' }, fridolf);
      expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personIds' });
      expect(foreign.errors?.[0].message).not.toContain('Aronsson');
      expect(await sys.sql(`SELECT id, valid_to::text FROM access.role_assignment ORDER BY id`)).toEqual(before);
      expect((await sys.gql(M, { o: ORG.aratron, ids: [laban], to: '2027-06-30' }, await sys.tokens.of('Viking'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await sys.gql(M, { o: ORG.aratron, ids: [laban], to: '2027-06-30' }, await sys.tokens.of('Arvid'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const res = await sys.gql(M, { o: ORG.aratron, ids: [laban, viking], to: '2027-06-30' }, fridolf);
      expect(res.errors).toBeUndefined();
      expect(res.data.changeAuthorisationPeriod.map((p: { memberships: { roles: { validTo: string }[] }[] }) => p.memberships[0].roles[0].validTo)).toEqual(['2027-06-30', '2027-06-30']);
      expect(await sys.count('outbox_event', `action = 'access.period.changed'`)).toBe(2);
    });

    it('R-SIGN-8: a later end date lands in changes to sign (CHANGED) and grants nothing until signed; FORBIDDEN elsewhere, BAD_USER_INPUT changes nothing', async () => {
      const M = `mutation($o: ID!, $ids: [ID!]!, $to: Date!) { changeAuthorisationPeriod(organisationId: $o, personIds: $ids, validTo: $to) { id } }`;
      const CHANGES = `query($org: ID!) { _entities(representations: [{ __typename: "Organisation", id: $org }]) { ... on Organisation { changesToSign { status signingText changes { kind person { personId } roles { code } validTo } } } } }`;
      const fridolf = await sys.tokens.of('Fridolf');
      const laban = person('Laban').id;
      const rolesOf = () => sys.sql<{ valid_to: string }>(`SELECT ra.valid_to::text AS valid_to FROM access.role_assignment ra JOIN access.membership m ON m.id = ra.membership_id WHERE m.person_id = ? AND m.organisation_id = ?`, [laban, ORG.aratron]);
      const pending = () => sys.count('pending_change', `person_id = ? AND change_set_id IN (SELECT id FROM access.change_set WHERE status IN ('DRAFT','SIGNING'))`, [laban]);
      expect(await rolesOf()).toEqual([{ valid_to: '2027-06-30' }]);
      // Refusals change nothing: another organisation's administrator, and a date after next year-end (R-PERIOD-2).
      expect((await sys.gql(M, { o: ORG.aratron, ids: [laban], to: '2027-12-31' }, await sys.tokens.of('Arvid'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const late = await sys.gql(M, { o: ORG.aratron, ids: [laban], to: '2028-12-31' }, fridolf);
      expect(late.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'validTo' });
      expect(await pending()).toBe(0);
      const events = await sys.count('outbox_event', `action = 'access.change.proposed' AND organisation_id = ?`, [ORG.aratron]);
      const periodEvents = await sys.count('outbox_event', `action = 'access.period.changed'`);

      const res = await sys.gql(M, { o: ORG.aratron, ids: [laban], to: '2027-12-31' }, fridolf);
      expect(res.errors).toBeUndefined();
      expect(await rolesOf()).toEqual([{ valid_to: '2027-06-30' }]);
      const set = (await sys.gql(CHANGES, { org: ORG.aratron }, fridolf)).data._entities[0].changesToSign;
      expect(set.status).toBe('DRAFT');
      expect(set.changes).toEqual([{ kind: 'CHANGED', person: { personId: laban }, roles: [{ code: 'REGISTRAR' }], validTo: '2027-12-31' }]);
      expect(await sys.count('outbox_event', `action = 'access.change.proposed' AND organisation_id = ?`, [ORG.aratron])).toBe(events + 1);
      expect(await sys.count('outbox_event', `action = 'access.period.changed'`)).toBe(periodEvents);

      await signAndApply(ORG.aratron, fridolf, person('Fridolf').personalNumber);
      expect(await rolesOf()).toEqual([{ valid_to: '2027-12-31' }]);
      expect(await sys.count('outbox_event', `action = 'access.staff.changed' AND target = ?`, [`person:${laban}`])).toBe(1);

      // An earlier end date still applies at once with its audit event (nothing to sign).
      expect((await sys.gql(M, { o: ORG.aratron, ids: [laban], to: '2027-06-30' }, fridolf)).errors).toBeUndefined();
      expect(await rolesOf()).toEqual([{ valid_to: '2027-06-30' }]);
      expect(await pending()).toBe(0);
      expect(await sys.count('outbox_event', `action = 'access.period.changed'`)).toBe(periodEvents + 1);
    });
  });

  describe('Skolplattformen: ending a teacher\'s employment on one unit and on all', () => {
    const PREVIEW = `query($input: EndEmploymentInput!) { endEmploymentPreview(input: $input) { endDate assignments { unit { id } schoolFormCode role { code } validTo previousValidTo } } }`;
    const END = `mutation($input: EndEmploymentInput!) { endEmployment(input: $input) { endDate assignments { unit { id } schoolFormCode role { code } } } }`;
    const tage = person('Tage');

    it('R-END-5: only the responsible roles may end staff; another organisation\'s administrator neither', async () => {
      const input = { organisationId: ORG.vux, personId: tage.id, endDate: '2026-12-31', unitId: UNIT.vuxKista };
      expect((await sys.gql(END, { input }, await sys.tokens.of('Saga'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await sys.gql(END, { input }, await sys.tokens.of('Fridolf'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await sys.gql(PREVIEW, { input }, await sys.tokens.of('Tage'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('R-END-1: an end date in the past is BAD_USER_INPUT and nothing changes', async () => {
      const before = await sys.sql(`SELECT id, valid_to::text FROM access.membership_unit ORDER BY id`);
      const res = await sys.gql(END, { input: { organisationId: ORG.vux, personId: tage.id, endDate: '2026-11-01' } }, await sys.tokens.of('Vera'));
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endDate' });
      expect(await sys.sql(`SELECT id, valid_to::text FROM access.membership_unit ORDER BY id`)).toEqual(before);
    });

    it('R-END-3: "All" school forms is refused for a responsible person without every school form', async () => {
      const rut = [{ id: await sys.insertPerson('197001011236', 'Rut', 'Begränsad') }];
      const [m] = await sys.sql<{ id: string }>(`INSERT INTO access.membership (id, person_id, organisation_id) VALUES (gen_random_uuid(), ?, ?) RETURNING id`, [rut[0].id, ORG.vux]);
      await sys.sql(`INSERT INTO access.membership_unit (id, membership_id, unit_id, school_form_code) VALUES (gen_random_uuid(), ?, ?, 'SFI')`, [m.id, UNIT.vuxKista]);
      await sys.sql(`INSERT INTO access.role_assignment (id, membership_id, role_code, valid_from) VALUES (gen_random_uuid(), ?, 'VUX_INTERN_ANORDNARE_ANSVARIG', '2025-01-01')`, [m.id]);
      const token = await sys.tokens.pnr('197001011236');
      const all = await sys.gql(PREVIEW, { input: { organisationId: ORG.vux, personId: tage.id, endDate: '2026-12-31', unitId: UNIT.vuxKista } }, token);
      expect(all.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(all.errors?.[0].message).toContain('KOMVUX_GYMNASIAL');
      const sfi = await sys.gql(PREVIEW, { input: { organisationId: ORG.vux, personId: tage.id, endDate: '2026-12-31', unitId: UNIT.vuxKista, schoolFormCode: 'SFI' } }, token);
      expect(sfi.errors).toBeUndefined();
      expect(sfi.data.endEmploymentPreview.assignments).toEqual([{ unit: { id: UNIT.vuxKista }, schoolFormCode: 'SFI', role: { code: 'ELEVDOK_GRADES' }, validTo: '2026-12-31', previousValidTo: '2027-06-30' }]);
    });

    it('R-END-2, R-END-4: Vera ends Tage at Kista (every school form): preview lists each assignment, Södermalm goes on', async () => {
      const vera = await sys.tokens.of('Vera');
      const input = { organisationId: ORG.vux, personId: tage.id, endDate: '2026-12-31', unitId: UNIT.vuxKista };
      const preview = await sys.gql(PREVIEW, { input }, vera);
      expect(preview.data.endEmploymentPreview).toEqual({ endDate: '2026-12-31', assignments: [
        { unit: { id: UNIT.vuxKista }, schoolFormCode: 'KOMVUX_GYMNASIAL', role: { code: 'ELEVDOK_GRADES' }, validTo: '2026-12-31', previousValidTo: '2027-06-30' },
        { unit: { id: UNIT.vuxKista }, schoolFormCode: 'SFI', role: { code: 'ELEVDOK_GRADES' }, validTo: '2026-12-31', previousValidTo: '2027-06-30' },
      ] });
      const res = await sys.gql(END, { input }, vera);
      expect(res.errors).toBeUndefined();
      expect(res.data.endEmployment.assignments).toHaveLength(2);
      const tageToken = await sys.tokens.of('Tage');
      expect((await sys.gql(SCOPES, { id: tage.id, on: '2026-12-31' }, tageToken)).data.permissionScopes[0].units).toEqual([{ id: UNIT.vuxKista }, { id: UNIT.vuxSoder }]);
      expect((await sys.gql(SCOPES, { id: tage.id, on: '2027-01-01' }, tageToken)).data.permissionScopes[0].units).toEqual([{ id: UNIT.vuxSoder }]);
      expect(await sys.count('outbox_event', `action = 'access.employment.ended' AND target = ?`, [`person:${tage.id}`])).toBe(1);
    });

    it('R-END-2: ending on all units ends the roles too; afterwards the staff overview shows them as ended', async () => {
      const vera = await sys.tokens.of('Vera');
      const res = await sys.gql(END, { input: { organisationId: ORG.vux, personId: tage.id, endDate: '2027-01-31' } }, vera);
      expect(res.errors).toBeUndefined();
      expect(res.data.endEmployment.assignments.map((a: { unit: { id: string } }) => a.unit.id)).toEqual([UNIT.vuxSoder, UNIT.vuxSoder]);
      const staff = await sys.gql(`query($o: ID!) { _entities(representations: [{ __typename: "Organisation", id: $o }]) { ... on Organisation { staff(search: "Tage") { totalCount edges { node { givenName birthDate memberships { roles { validTo } employments { schoolFormCode validTo } } } } } } } }`, { o: ORG.vux }, vera);
      const node = staff.data._entities[0].staff.edges[0].node;
      expect(node.birthDate).toBe('1988-09-21');
      expect(node.memberships[0].roles).toEqual([{ validTo: '2027-01-31' }]);
      expect((await sys.gql(CHECK, { p: tage.id, o: ORG.vux, u: UNIT.vuxSoder, f: 'GRADES', a: 'UPDATE', on: '2027-02-01' }, vera)).data.checkAccess).toMatchObject({ allowed: false });
      expect((await sys.gql(CHECK, { p: tage.id, o: ORG.vux, u: UNIT.vuxSoder, f: 'GRADES', a: 'UPDATE', on: '2027-01-31' }, vera)).data.checkAccess).toMatchObject({ allowed: true, validTo: '2027-01-31' });
    });
  });

  describe('look-ups and the questions other services ask', () => {
    it('R-USR-1: personByNumber only for holders of Hantera användare; lists never show personal numbers', async () => {
      const Q = `query($o: ID!, $n: String!) { personByNumber(organisationId: $o, personalNumber: $n) { id givenName } }`;
      const laban = person('Laban');
      const ok = await sys.gql(Q, { o: ORG.aratron, n: `${laban.personalNumber.slice(2, 8)}-${laban.personalNumber.slice(8)}` }, await sys.tokens.of('Fridolf'));
      expect(ok.data.personByNumber).toEqual({ id: laban.id, givenName: 'Laban' });
      expect((await sys.gql(Q, { o: ORG.aratron, n: laban.personalNumber }, await sys.tokens.of('Agda'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await sys.gql(Q, { o: ORG.aratron, n: laban.personalNumber }, await sys.tokens.of('Arvid'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const staff = await sys.gql(`query($o: ID!) { _entities(representations: [{ __typename: "Organisation", id: $o }]) { ... on Organisation { staff(first: 50) { totalCount } } } }`, { o: ORG.aratron }, await sys.tokens.of('Fridolf'));
      expect(JSON.stringify(staff)).not.toContain(laban.personalNumber);
      expect((await sys.gql(`query($o: ID!) { _entities(representations: [{ __typename: "Organisation", id: $o }]) { ... on Organisation { staff { totalCount } } } }`, { o: ORG.aratron }, await sys.tokens.of('Agda'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('R-ROLE-2: roles(system) exposes the role matrix', async () => {
      const res = await sys.gql(`{ roles(system: "KA_WEBB") { code orgWideOnly grants { function access } } }`, undefined, await sys.tokens.of('Agda'));
      const reader = res.data.roles.find((r: { code: string }) => r.code === 'READER');
      expect(res.data.roles.map((r: { code: string }) => r.code)).toEqual(['PERMISSION_ADMIN', 'SERVICE_ADMIN', 'REGISTRAR', 'READER', 'ATTESTANT']);
      expect(reader.grants).toHaveLength(9);
      expect(reader.grants.every((g: { access: string }) => g.access === 'READ')).toBe(true);
      const admin = res.data.roles.find((r: { code: string }) => r.code === 'PERMISSION_ADMIN');
      expect(admin).toMatchObject({ orgWideOnly: true });
      expect(admin.grants).toContainEqual({ function: 'MANAGE_USERS', access: 'UPDATE' });
    });

    it('myAccess answers for the caller: authority, a member, a stranger, a partner client, nobody', async () => {
      const Q = `query($o: ID!, $f: String!, $a: Access!) { myAccess(organisationId: $o, function: $f, access: $a) { allowed reason } }`;
      const vars = { o: ORG.aratron, f: 'CONTACT_PERSON', a: 'UPDATE' };
      expect((await sys.gql(Q, vars, await sys.tokens.authority())).data.myAccess).toEqual({ allowed: true, reason: 'AUTHORITY' });
      expect((await sys.gql(Q, vars, await sys.tokens.of('Fridolf'))).data.myAccess.allowed).toBe(true);
      expect((await sys.gql(Q, vars, await sys.tokens.of('Agda'))).data.myAccess).toMatchObject({ allowed: false, reason: 'NO_ROLE_GRANTS' });
      expect((await sys.gql(Q, vars, await sys.tokens.of('Arvid'))).data.myAccess.allowed).toBe(false);
      const { mintToken } = await import('@behorig/kit/auth');
      const client = (await mintToken(sys.keys.key, { kind: 'client', clientId: 'partner-1', organisationId: ORG.aratron, functions: ['CONTACT_PERSON'] })).token;
      expect((await sys.gql(Q, vars, client)).data.myAccess.allowed).toBe(true);
      expect((await sys.gql(Q, { ...vars, o: ORG.dorotea }, client)).data.myAccess.allowed).toBe(false);
      expect((await sys.gql(Q, vars)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('R-AUTH-1, R-AUTH-4: GET /internal/people/by-personal-number answers who may log in, to the signing service only, and audits it', async () => {
      const get = async (pnr: string, from: 'signing' | 'organisations' = 'signing') => fetch(`${sys.base}/internal/people/by-personal-number/${pnr}`, { headers: await sys.serviceKeys.credentials(from).headers('access') });
      const laban = person('Laban');
      const ok = await get(laban.personalNumber);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ personId: laban.id, givenName: 'Laban', surname: 'Maier', hasActiveMembership: true });
      expect(await (await get('191212121212')).json()).toMatchObject({ hasActiveMembership: false });
      expect((await get('194001019999')).status).toBe(400);
      expect((await get(NOBODY)).status).toBe(404);
      const audited = () => sys.count('outbox_event', `action = 'access.person.looked_up_by_personal_number' AND actor = 'service:signing' AND target = ?`, [`person:${laban.id}`]);
      const before = await audited();
      expect(before).toBeGreaterThan(0);
      expect((await get(laban.personalNumber, 'organisations')).status).toBe(401);
      expect((await fetch(`${sys.base}/internal/people/by-personal-number/${laban.personalNumber}`, { headers: { 'x-internal-secret': 'behorig-dev-internal-secret' } })).status).toBe(401);
      expect(await audited()).toBe(before);
      // The audit event names the person by id, never by number.
      expect(await sys.count('outbox_event', `after::text LIKE ? OR target LIKE ?`, [`%${laban.personalNumber}%`, `%${laban.personalNumber}%`])).toBe(0);
    });

    it('R-SIGN-2, R-AUTH-4: GET /internal/people/:id/personal-number opens the sealed number for a sign order, to the signing service only, and audits it', async () => {
      const get = async (id: string, from: 'signing' | 'organisations' = 'signing') => fetch(`${sys.base}/internal/people/${id}/personal-number`, { headers: await sys.serviceKeys.credentials(from).headers('access') });
      const laban = person('Laban');
      const ok = await get(laban.id);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ personalNumber: laban.personalNumber });
      expect((await get('00000000-0000-4000-8003-0000000000ff')).status).toBe(404);
      expect((await get('not-an-id')).status).toBe(404);
      expect((await get(laban.id, 'organisations')).status).toBe(401);
      expect(await sys.count('outbox_event', `action = 'access.person.personal_number_read' AND actor = 'service:signing' AND target = ?`, [`person:${laban.id}`])).toBe(1);
    });
  });
});
