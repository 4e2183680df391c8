import { ValidationError } from '@behorig/kit/errors';
import { checkAccess, computePermissionScopes, validateStaffGrant, type KnownUnit, type Membership } from './membership.rules';
import { catalogueRolesByCode as rolesByCode, type Access } from '../../roles/rules/role-catalogue.data';
import { thrown } from '../../../../test/support/thrown';

const TODAY = '2026-11-22';
const ARATRON = 'org-aratron';
const DOROTEA = 'org-dorotea';
const MIROI = 'org-miroi';
const names: Record<string, string> = { [ARATRON]: 'Aratron AB', [DOROTEA]: 'Dorotea kommun', [MIROI]: 'Miroi AB' };

// A Mina sidor staff member at Aratron (two units) who is also Dorotea's service administrator.
const person: Membership[] = [
  {
    organisationId: ARATRON,
    units: [{ unitId: 'u-aratron-stod' }, { unitId: 'u-aratron-kista' }],
    roles: [
      { id: 'r1', roleCode: 'REPORTING', validFrom: '2026-01-01', validTo: '2027-06-30' },
      { id: 'r2', roleCode: 'RECEIVE_PARTICIPANTS', validFrom: '2026-01-01', validTo: '2026-10-31' },
      { id: 'r3', roleCode: 'ADMINISTER_PERMISSIONS', validFrom: '2027-01-01', validTo: null },
    ],
  },
  {
    organisationId: DOROTEA,
    units: [{ unitId: 'u-dorotea-ubk' }],
    roles: [{ id: 'r4', roleCode: 'SERVICE_ADMIN', validFrom: '2026-11-23', validTo: '2027-12-31' }],
  },
];

describe('permission scopes (R-SCOPE-1)', () => {
  it('R-SCOPE-1: lists what the person may do, where and until when, across all organisations', () => {
    expect(computePermissionScopes(person, rolesByCode, '2026-12-01')).toEqual([
      { organisationId: ARATRON, orgWide: false, unitIds: ['u-aratron-kista', 'u-aratron-stod'], roleCode: 'REPORTING', validFrom: '2026-01-01', validTo: '2027-06-30' },
      { organisationId: DOROTEA, orgWide: false, unitIds: ['u-dorotea-ubk'], roleCode: 'SERVICE_ADMIN', validFrom: '2026-11-23', validTo: '2027-12-31' },
    ]);
  });

  it('R-USR-2: unit-scoped roles in one organisation apply uniformly to all the person\'s units there', () => {
    const scopes = computePermissionScopes(person, rolesByCode, '2026-06-01').filter((s) => s.organisationId === ARATRON);
    expect(scopes.map((s) => s.roleCode)).toEqual(['RECEIVE_PARTICIPANTS', 'REPORTING']);
    for (const s of scopes) expect(s.unitIds).toEqual(['u-aratron-kista', 'u-aratron-stod']);
  });

  it('R-USR-3: an org-wide-only role is orgWide and not limited to the person\'s units', () => {
    const scopes = computePermissionScopes(person, rolesByCode, '2027-01-01').filter((s) => s.roleCode === 'ADMINISTER_PERMISSIONS');
    expect(scopes).toEqual([{ organisationId: ARATRON, orgWide: true, unitIds: [], roleCode: 'ADMINISTER_PERMISSIONS', validFrom: '2027-01-01', validTo: null }]);
  });

  it('R-USR-3: an org-wide-only role needs no unit at all', () => {
    const m: Membership[] = [{ organisationId: MIROI, units: [], roles: [{ roleCode: 'PERMISSION_ADMIN', validFrom: '2026-01-15', validTo: null }] }];
    expect(computePermissionScopes(m, rolesByCode, TODAY)).toMatchObject([{ organisationId: MIROI, orgWide: true, roleCode: 'PERMISSION_ADMIN' }]);
  });

  it.each([
    ['2026-11-22', ['REPORTING']],
    ['2026-11-23', ['REPORTING', 'SERVICE_ADMIN']],
    ['2027-06-30', ['ADMINISTER_PERMISSIONS', 'REPORTING', 'SERVICE_ADMIN']],
    ['2027-07-01', ['ADMINISTER_PERMISSIONS', 'SERVICE_ADMIN']],
    ['2027-12-31', ['ADMINISTER_PERMISSIONS', 'SERVICE_ADMIN']],
    ['2028-01-01', ['ADMINISTER_PERMISSIONS']],
    ['2026-10-31', ['RECEIVE_PARTICIPANTS', 'REPORTING']],
  ])('R-PERIOD-1: on %s the active roles are %j (end dates inclusive)', (on, codes) => {
    expect(computePermissionScopes(person, rolesByCode, on).map((s) => s.roleCode).sort()).toEqual(codes);
  });

  it('R-USR-4: one person may hold one, two or three permissions in an organisation', () => {
    const scopes = computePermissionScopes(person, rolesByCode, '2027-01-15').filter((s) => s.organisationId === ARATRON);
    expect(scopes.map((s) => s.roleCode)).toEqual(['ADMINISTER_PERMISSIONS', 'REPORTING']);
  });

  it('R-SCOPE-1: unknown roles and unit-scoped roles without any unit give no scope; split membership records are merged', () => {
    const m: Membership[] = [
      { organisationId: MIROI, units: [], roles: [{ roleCode: 'READER', validFrom: '2026-01-01', validTo: null }] },
      { organisationId: ARATRON, units: [{ unitId: 'u1' }], roles: [{ roleCode: 'GONE_ROLE', validFrom: '2026-01-01', validTo: null }] },
      { organisationId: ARATRON, units: [{ unitId: 'u2' }, { unitId: 'u1' }], roles: [{ roleCode: 'READER', validFrom: '2026-01-01', validTo: null }] },
    ];
    expect(computePermissionScopes(m, rolesByCode, TODAY)).toEqual([
      { organisationId: ARATRON, orgWide: false, unitIds: ['u1', 'u2'], roleCode: 'READER', validFrom: '2026-01-01', validTo: null },
    ]);
  });

  it('R-SCOPE-1/2: an impossible date is bad input on the field "on"', () => {
    expect(thrown(() => computePermissionScopes(person, rolesByCode, '2027-02-29'))).toMatchObject({ field: 'on' });
    const e = thrown(() => checkAccess({ memberships: person, rolesByCode, organisationId: ARATRON, function: 'REPORTS', access: 'READ', on: '22/11/2026' }));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.field).toBe('on');
  });

  it('R-SCOPE-1: a person without memberships has no scopes', () => {
    expect(computePermissionScopes([], rolesByCode, TODAY)).toEqual([]);
  });
});

describe('point checks (R-SCOPE-2)', () => {
  const check = (organisationId: string, unitId: string | null, fn: string, access: Access, on: string) =>
    checkAccess({ memberships: person, rolesByCode, organisationId, organisationName: names[organisationId], unitId, function: fn, access, on });

  it.each([
    [ARATRON, 'u-aratron-stod', 'REPORTS', 'UPDATE', '2026-12-01', true,
      'REPORTS UPDATE via role Rapportering, planering och information om deltagare (REPORTING) in Aratron AB, valid to 2027-06-30', 'REPORTING', '2027-06-30'],
    [ARATRON, 'u-aratron-kista', 'VIEW_PARTICIPANTS', 'READ', '2027-06-30', true,
      'VIEW_PARTICIPANTS READ via role Rapportering, planering och information om deltagare (REPORTING) in Aratron AB, valid to 2027-06-30', 'REPORTING', '2027-06-30'],
    [MIROI, null, 'REPORTS', 'READ', '2026-12-01', false, 'no membership in that organisation (Miroi AB)', null, null],
    [ARATRON, 'u-aratron-stod', 'MONTHLY_REPORT', 'UPDATE', '2026-12-01', false, 'no role grants MONTHLY_REPORT UPDATE in Aratron AB', null, null],
    [ARATRON, 'u-aratron-stod', 'VIEW_PARTICIPANTS', 'UPDATE', '2026-12-01', false, 'no role grants VIEW_PARTICIPANTS UPDATE in Aratron AB', null, null],
    [ARATRON, 'u-aratron-other', 'REPORTS', 'UPDATE', '2026-12-01', false, "unit u-aratron-other is not among the person's units in Aratron AB", null, null],
    [ARATRON, 'u-aratron-stod', 'ASSIGN_SUPERVISOR', 'UPDATE', '2026-11-22', false,
      'ASSIGN_SUPERVISOR UPDATE via role Ta emot (och fördela) nya deltagare (RECEIVE_PARTICIPANTS) in Aratron AB: period ended 2026-10-31', 'RECEIVE_PARTICIPANTS', '2026-10-31'],
    [ARATRON, 'u-aratron-stod', 'MANAGE_USERS', 'UPDATE', '2026-12-31', false,
      'MANAGE_USERS UPDATE via role Administrera behörigheter (ADMINISTER_PERMISSIONS) in Aratron AB: period starts 2027-01-01', 'ADMINISTER_PERMISSIONS', null],
    [ARATRON, 'u-aratron-other', 'MANAGE_USERS', 'UPDATE', '2027-01-01', true,
      'MANAGE_USERS UPDATE via role Administrera behörigheter (ADMINISTER_PERMISSIONS) in Aratron AB, with no end date', 'ADMINISTER_PERMISSIONS', null],
    [DOROTEA, 'u-dorotea-ubk', 'MANAGE_USERS', 'UPDATE', '2026-12-01', false, 'no role grants MANAGE_USERS UPDATE in Dorotea kommun', null, null],
    [DOROTEA, 'u-dorotea-ubk', 'CONTACT_PERSON', 'UPDATE', '2027-12-31', true,
      'CONTACT_PERSON UPDATE via role Tjänsteadministratör (SERVICE_ADMIN) in Dorotea kommun, valid to 2027-12-31', 'SERVICE_ADMIN', '2027-12-31'],
    [DOROTEA, null, 'CONTACT_PERSON', 'READ', '2026-12-01', true,
      'CONTACT_PERSON READ via role Tjänsteadministratör (SERVICE_ADMIN) in Dorotea kommun, valid to 2027-12-31', 'SERVICE_ADMIN', '2027-12-31'],
    [DOROTEA, 'u-dorotea-ubk', 'CONTACT_PERSON', 'READ', '2028-01-01', false,
      'CONTACT_PERSON READ via role Tjänsteadministratör (SERVICE_ADMIN) in Dorotea kommun: period ended 2027-12-31', 'SERVICE_ADMIN', '2027-12-31'],
  ] as [string, string | null, string, Access, string, boolean, string, string | null, string | null][])(
    'R-SCOPE-2: %s unit %s %s %s on %s → %s',
    (org, unit, fn, access, on, allowed, reason, roleCode, validTo) => {
      expect(check(org, unit, fn, access, on)).toEqual({ allowed, reason, roleCode, validTo });
    },
  );

  it('R-USR-3: an org-wide role covers a unit the person is not attached to (even one created later)', () => {
    expect(check(ARATRON, 'u-created-tomorrow', 'MANAGE_USERS', 'READ', '2027-02-01').allowed).toBe(true);
    expect(check(ARATRON, 'u-created-tomorrow', 'REPORTS', 'READ', '2027-02-01').allowed).toBe(false);
  });

  it('R-PERIOD-5: the same data answers differently on consecutive days, with nothing stored in between', () => {
    expect(check(DOROTEA, 'u-dorotea-ubk', 'DOCUMENTS', 'UPDATE', '2027-12-31').allowed).toBe(true);
    expect(check(DOROTEA, 'u-dorotea-ubk', 'DOCUMENTS', 'UPDATE', '2028-01-01').allowed).toBe(false);
  });

  it('R-SCOPE-2: with several qualifying assignments the one lasting longest is named; "starts" is preferred over "ended"', () => {
    const m: Membership[] = [
      {
        organisationId: MIROI,
        units: [{ unitId: 'u1' }],
        roles: [
          { roleCode: 'READER', validFrom: '2026-01-01', validTo: '2026-12-31' },
          { roleCode: 'SERVICE_ADMIN', validFrom: '2026-01-01', validTo: null },
          { roleCode: 'REGISTRAR', validFrom: '2025-01-01', validTo: '2025-12-31' },
          { roleCode: 'REGISTRAR', validFrom: '2027-03-01', validTo: '2027-12-31' },
        ],
      },
    ];
    const q = { memberships: m, rolesByCode, organisationId: MIROI, unitId: 'u1' };
    expect(checkAccess({ ...q, function: 'DOCUMENTS', access: 'READ', on: TODAY })).toMatchObject({ allowed: true, roleCode: 'SERVICE_ADMIN', validTo: null });
    const noService: Membership[] = [{ ...m[0], roles: m[0].roles.filter((r) => r.roleCode === 'REGISTRAR') }];
    expect(checkAccess({ ...q, memberships: noService, function: 'DOCUMENTS', access: 'UPDATE', on: TODAY })).toMatchObject({
      allowed: false,
      reason: 'DOCUMENTS UPDATE via role Registrerare (REGISTRAR) in org-miroi: period starts 2027-03-01',
    });
  });

  it('R-SCOPE-2: a unit-scoped role without any unit reaches nowhere; the organisation name defaults to its id', () => {
    const m: Membership[] = [{ organisationId: MIROI, units: [], roles: [{ roleCode: 'READER', validFrom: '2026-01-01', validTo: null }] }];
    expect(checkAccess({ memberships: m, rolesByCode, organisationId: MIROI, function: 'DOCUMENTS', access: 'READ', on: TODAY })).toEqual({
      allowed: false,
      reason: 'the person has no unit in org-miroi',
      roleCode: null,
      validTo: null,
    });
  });
});

describe('validating a staff grant (R-USR-2…4, R-ORG-3, R-ORG-5)', () => {
  const knownUnits: KnownUnit[] = [
    { id: 'u-ubk', organisationId: DOROTEA, closed: false, schoolFormCodes: [] },
    { id: 'u-komvux', organisationId: DOROTEA, closed: false, schoolFormCodes: ['KOMVUX_GRUNDLAGGANDE', 'KOMVUX_GYMNASIAL', 'SFI'] },
    { id: 'u-sfi', organisationId: DOROTEA, closed: false, schoolFormCodes: ['SFI'] },
    { id: 'u-old', organisationId: DOROTEA, closed: true, schoolFormCodes: [] },
    { id: 'u-aratron', organisationId: ARATRON, closed: false, schoolFormCodes: [] },
  ];
  const grant = (roleCodes: string[], unitIds: string[], schoolFormCodes?: string[] | null) =>
    validateStaffGrant({ roleCodes, unitIds, schoolFormCodes, knownUnits, organisationId: DOROTEA, rolesByCode });

  it('R-USR-2: a valid grant comes back normalised (duplicates removed, no school forms = all)', () => {
    expect(grant(['SERVICE_ADMIN', 'SERVICE_ADMIN'], ['u-ubk', 'u-komvux', 'u-ubk'])).toEqual({
      roleCodes: ['SERVICE_ADMIN'],
      orgWide: false,
      units: [
        { unitId: 'u-ubk', schoolFormCodes: null },
        { unitId: 'u-komvux', schoolFormCodes: null },
      ],
    });
  });

  it('R-USR-3: an org-wide-only role needs no unit, and may come with units for the other roles', () => {
    expect(grant(['PERMISSION_ADMIN'], [])).toEqual({ roleCodes: ['PERMISSION_ADMIN'], orgWide: true, units: [] });
    expect(grant(['PERMISSION_ADMIN', 'REGISTRAR'], ['u-ubk'])).toEqual({
      roleCodes: ['PERMISSION_ADMIN', 'REGISTRAR'],
      orgWide: true,
      units: [{ unitId: 'u-ubk', schoolFormCodes: null }],
    });
  });

  it('R-USR-4: several roles of different systems combine in one grant', () => {
    expect(grant(['REPORTING', 'RECEIVE_PARTICIPANTS', 'ADMINISTER_PERMISSIONS'], ['u-ubk']).roleCodes).toHaveLength(3);
  });

  it('R-ORG-5: named school forms go to the units that offer them', () => {
    expect(grant(['ELEVDOK_GRADES'], ['u-komvux', 'u-sfi', 'u-ubk'], ['SFI', 'KOMVUX_GYMNASIAL'])).toEqual({
      roleCodes: ['ELEVDOK_GRADES'],
      orgWide: false,
      units: [
        { unitId: 'u-komvux', schoolFormCodes: ['KOMVUX_GYMNASIAL', 'SFI'] },
        { unitId: 'u-sfi', schoolFormCodes: ['SFI'] },
        { unitId: 'u-ubk', schoolFormCodes: null },
      ],
    });
    expect(grant(['ELEVDOK_GRADES'], ['u-komvux'], []).units).toEqual([{ unitId: 'u-komvux', schoolFormCodes: null }]);
  });

  it.each([
    [[], ['u-ubk'], undefined, 'input.roleCodes', /at least one role/],
    [['NO_SUCH_ROLE', 'READER'], ['u-ubk'], undefined, 'input.roleCodes', /Unknown role: NO_SUCH_ROLE/],
    [['READER'], ['u-missing'], undefined, 'input.unitIds', /u-missing does not exist/],
    [['READER'], ['u-old'], undefined, 'input.unitIds', /u-old is closed/],
    [['READER'], ['u-aratron'], undefined, 'input.unitIds', /belongs to another organisation/],
    [['READER', 'PERMISSION_ADMIN'], [], undefined, 'input.unitIds', /at least one performing unit for Läsare/],
    [['ELEVDOK_GRADES'], ['u-komvux'], ['SARVUX'], 'input.schoolFormCodes', /offers the school form SARVUX/],
    [['ELEVDOK_GRADES'], ['u-ubk'], ['SFI'], 'input.schoolFormCodes', /None of the chosen performing units has school forms/],
    [['ELEVDOK_GRADES'], ['u-komvux', 'u-sfi'], ['KOMVUX_GYMNASIAL'], 'input.schoolFormCodes', /u-sfi offers none of the chosen/],
  ] as [string[], string[], string[] | undefined, string, RegExp][])(
    'R-ORG-3/R-ORG-5/R-USR-2: roles %j units %j school forms %j → %s',
    (roles, units, forms, field, message) => {
      const e = thrown(() => grant(roles, units, forms));
      expect(e).toBeInstanceOf(ValidationError);
      expect(e.field).toBe(field);
      expect(e.message).toMatch(message);
    },
  );

  it('R-ORG-3: the field prefix is configurable', () => {
    const e = thrown(() => validateStaffGrant({ roleCodes: ['READER'], unitIds: ['u-x'], knownUnits, organisationId: DOROTEA, rolesByCode }, 'change'));
    expect(e.field).toBe('change.unitIds');
  });
});

describe('offices, level two of R-USR-2', () => {
  const officeStaff: Membership[] = [{
    organisationId: ARATRON,
    units: [{ unitId: 'u-stod', addressIds: ['a-sthlm'] }, { unitId: 'u-kista' }],
    roles: [{ id: 'r1', roleCode: 'REPORTING', validFrom: '2026-01-01', validTo: null }],
  }];
  const ask = (unitId: string, addressId: string | null) =>
    checkAccess({ memberships: officeStaff, rolesByCode, organisationId: ARATRON, organisationName: 'Aratron AB', unitId, addressId, function: 'REPORTS', access: 'UPDATE', on: TODAY });

  it('R-USR-2: a unit limited to some offices grants only at those offices; an unlimited unit at every office', () => {
    expect(ask('u-stod', 'a-sthlm').allowed).toBe(true);
    expect(ask('u-stod', 'a-uppsala')).toMatchObject({ allowed: false, reason: "office a-uppsala is not among the person's offices at unit u-stod in Aratron AB" });
    expect(ask('u-stod', null).allowed).toBe(true);
    expect(ask('u-kista', 'a-any-later-office').allowed).toBe(true);
  });

  it('R-USR-2: scopes carry each unit\'s office limits (absent = all offices)', () => {
    const [scope] = computePermissionScopes(officeStaff, rolesByCode, TODAY);
    expect(scope).toMatchObject({ unitIds: ['u-kista', 'u-stod'], unitAddressIds: { 'u-stod': ['a-sthlm'] } });
  });

  it('R-USR-2: validateStaffGrant keeps named offices per unit; a unit none of whose offices is named keeps all', () => {
    const knownUnits: KnownUnit[] = [
      { id: 'u1', organisationId: ARATRON, closed: false, schoolFormCodes: [], addressIds: ['a1', 'a2'] },
      { id: 'u2', organisationId: ARATRON, closed: false, schoolFormCodes: [], addressIds: ['a3'] },
    ];
    const grant = validateStaffGrant({ roleCodes: ['REPORTING'], unitIds: ['u1', 'u2'], addressIds: ['a2'], knownUnits, organisationId: ARATRON, rolesByCode });
    expect(grant.units).toEqual([{ unitId: 'u1', schoolFormCodes: null, addressIds: ['a2'] }, { unitId: 'u2', schoolFormCodes: null }]);
    const all = validateStaffGrant({ roleCodes: ['REPORTING'], unitIds: ['u1'], addressIds: null, knownUnits, organisationId: ARATRON, rolesByCode });
    expect(all.units).toEqual([{ unitId: 'u1', schoolFormCodes: null }]);
  });

  it('R-USR-2: an office that is not an office of a chosen unit is a ValidationError on addressIds', () => {
    const knownUnits: KnownUnit[] = [{ id: 'u1', organisationId: ARATRON, closed: false, schoolFormCodes: [], addressIds: ['a1'] }];
    const e = thrown(() => validateStaffGrant({ roleCodes: ['REPORTING'], unitIds: ['u1'], addressIds: ['a9'], knownUnits, organisationId: ARATRON, rolesByCode }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).field).toBe('input.addressIds');
  });
});
