import { catalogueRolesByCode, functions, indexRoles, roles, systems, type Access } from './role-catalogue.data';

const grantOf = (roleCode: string, fn: string): Access | null =>
  catalogueRolesByCode.get(roleCode)?.grants.find((g) => g.function === fn)?.access ?? null;

describe('role catalogue data', () => {
  it('R-ROLE-1: has the three systems KA_WEBB, MINA_SIDOR and SKOLPLATTFORMEN', () => {
    expect(systems.map((s) => s.code)).toEqual(['KA_WEBB', 'MINA_SIDOR', 'SKOLPLATTFORMEN']);
  });

  it.each([
    ['PERMISSION_ADMIN', 'Behörighetsadministratör', 'KA_WEBB'],
    ['SERVICE_ADMIN', 'Tjänsteadministratör', 'KA_WEBB'],
    ['REGISTRAR', 'Registrerare', 'KA_WEBB'],
    ['READER', 'Läsare', 'KA_WEBB'],
    ['ATTESTANT', 'Attestant', 'KA_WEBB'],
    ['ADMINISTER_PERMISSIONS', 'Administrera behörigheter', 'MINA_SIDOR'],
    ['RECEIVE_PARTICIPANTS', 'Ta emot (och fördela) nya deltagare', 'MINA_SIDOR'],
    ['REPORTING', 'Rapportering, planering och information om deltagare', 'MINA_SIDOR'],
    ['BER_ADMINISTRATOR', 'BER-administratör', 'SKOLPLATTFORMEN'],
    ['ELEVDOK_GRADES', 'Elevdokumentation betyg och nationella prov', 'SKOLPLATTFORMEN'],
    ['VUX_EXTERN_ANORDNARE_ANSVARIG', 'Vux Extern Anordnare Ansvarig Sthlm', 'SKOLPLATTFORMEN'],
    ['VUX_INTERN_ANORDNARE_ANSVARIG', 'Vux Intern Anordnare Ansvarig Sthlm', 'SKOLPLATTFORMEN'],
  ])('R-ROLE-1: role %s is "%s" in %s', (code, name, system) => {
    expect(catalogueRolesByCode.get(code)).toMatchObject({ code, name, system });
  });

  it('R-ROLE-1: KA Webb has five roles (four named plus the one the authority defines)', () => {
    expect(roles.filter((r) => r.system === 'KA_WEBB')).toHaveLength(5);
  });

  it('R-ROLE-1: role and function codes are unique and every role belongs to a known system', () => {
    expect(new Set(roles.map((r) => r.code)).size).toBe(roles.length);
    expect(new Set(functions.map((f) => f.code)).size).toBe(functions.length);
    const systemCodes = new Set(systems.map((s) => s.code));
    for (const r of roles) expect(systemCodes.has(r.system)).toBe(true);
  });

  it.each([
    ['MANAGE_USERS', 'Hantera användare'],
    ['CONTACT_PERSON', 'Kontaktperson'],
    ['ACCOUNT_INFO', 'Kontoinformation'],
    ['PERFORMING_UNIT', 'Utförande verksamhet'],
    ['DOCUMENTS', 'Hantera handlingar'],
    ['DEVIATION_REPORT', 'Avvikelserapport'],
    ['JOINT_PLANNING', 'Skapa gemensam planering'],
    ['MONTHLY_REPORT', 'Hantera månadsrapport'],
    ['REQUEST_COMPENSATION', 'Begära ersättning'],
    ['FOLLOW_UP_COMPENSATION', 'Uppföljning begärda ersättningar'],
  ])('R-ROLE-2a: function %s is called "%s"', (code, name) => {
    expect(functions.find((f) => f.code === code)?.name).toBe(name);
  });

  it('R-ROLE-2a: every function used by a role is in the function catalogue, and every function is used', () => {
    const known = new Set(functions.map((f) => f.code));
    const used = new Set(roles.flatMap((r) => r.grants.map((g) => g.function)));
    for (const fn of used) expect(known.has(fn)).toBe(true);
    for (const fn of known) expect(used.has(fn)).toBe(true);
  });

  it('R-ROLE-2: no role lists the same function twice', () => {
    for (const r of roles) expect(new Set(r.grants.map((g) => g.function)).size).toBe(r.grants.length);
  });

  // The KA Webb matrix (Bild 11 plus R-ROLE-2a for READER and REGISTRAR): U = UPDATE, R = READ, - = none.
  const U = 'UPDATE';
  const R = 'READ';
  const _ = null;
  it.each([
    // function                PERMISSION_ADMIN SERVICE_ADMIN REGISTRAR READER
    ['MANAGE_USERS', U, _, _, _],
    ['CONTACT_PERSON', U, U, R, R],
    ['ACCOUNT_INFO', U, U, R, R],
    ['PERFORMING_UNIT', U, U, R, R],
    ['DOCUMENTS', U, U, U, R],
    ['DEVIATION_REPORT', U, U, U, R],
    ['JOINT_PLANNING', U, U, U, R],
    ['MONTHLY_REPORT', U, U, U, R],
    ['REQUEST_COMPENSATION', U, U, U, R],
    ['FOLLOW_UP_COMPENSATION', U, U, U, R],
  ])('R-ROLE-2: KA Webb matrix row %s', (fn, admin, service, registrar, reader) => {
    expect([grantOf('PERMISSION_ADMIN', fn), grantOf('SERVICE_ADMIN', fn), grantOf('REGISTRAR', fn), grantOf('READER', fn)]).toEqual([
      admin,
      service,
      registrar,
      reader,
    ]);
  });

  it('R-ROLE-2: the KA Webb roles have exactly the matrix functions (10 / 9 / 9 / 9)', () => {
    expect(catalogueRolesByCode.get('PERMISSION_ADMIN')?.grants).toHaveLength(10);
    expect(catalogueRolesByCode.get('SERVICE_ADMIN')?.grants).toHaveLength(9);
    expect(catalogueRolesByCode.get('REGISTRAR')?.grants).toHaveLength(9);
    expect(catalogueRolesByCode.get('READER')?.grants).toHaveLength(9);
  });

  it.each([
    ['ADMINISTER_PERMISSIONS', ['MANAGE_USERS']],
    ['RECEIVE_PARTICIPANTS', ['ASSIGN_SUPERVISOR', 'REMOVE_CANCELLED_PARTICIPANT', 'VIEW_NEW_PARTICIPANTS']],
    ['REPORTING', ['PLAN_ACTIVITIES', 'REPORTS', 'VIEW_PARTICIPANTS']],
    ['BER_ADMINISTRATOR', ['ADMISSION', 'COMPENSATION', 'STUDENT_ADMIN']],
    ['ELEVDOK_GRADES', ['GRADES', 'NATIONAL_TESTS']],
    ['VUX_EXTERN_ANORDNARE_ANSVARIG', ['END_STAFF', 'MANAGE_USERS']],
    ['VUX_INTERN_ANORDNARE_ANSVARIG', ['END_STAFF', 'MANAGE_USERS']],
  ])('R-ROLE-2a: %s grants exactly %j', (code, fns) => {
    expect(catalogueRolesByCode.get(code)?.grants.map((g) => g.function).sort()).toEqual(fns);
  });

  it('R-ROLE-2a: Mina sidor view-only functions are READ, the rest UPDATE', () => {
    expect(grantOf('RECEIVE_PARTICIPANTS', 'VIEW_NEW_PARTICIPANTS')).toBe('READ');
    expect(grantOf('REPORTING', 'VIEW_PARTICIPANTS')).toBe('READ');
    expect(grantOf('REPORTING', 'REPORTS')).toBe('UPDATE');
    expect(grantOf('ADMINISTER_PERMISSIONS', 'MANAGE_USERS')).toBe('UPDATE');
    expect(grantOf('BER_ADMINISTRATOR', 'ADMISSION')).toBe('UPDATE');
  });

  it('R-USR-3: exactly PERMISSION_ADMIN and ADMINISTER_PERMISSIONS are organisation-wide only', () => {
    expect(roles.filter((r) => r.orgWideOnly).map((r) => r.code).sort()).toEqual(['ADMINISTER_PERMISSIONS', 'PERMISSION_ADMIN']);
  });

  it('R-ROLE-3: isPermissionAdmin is set exactly on the roles holding MANAGE_USERS UPDATE', () => {
    for (const r of roles) {
      expect([r.code, r.isPermissionAdmin]).toEqual([r.code, r.grants.some((g) => g.function === 'MANAGE_USERS' && g.access === 'UPDATE')]);
    }
  });

  it('R-END-5: isResponsible is set exactly on the two VUX … ANSVARIG roles, which hold END_STAFF', () => {
    expect(roles.filter((r) => r.isResponsible).map((r) => r.code).sort()).toEqual([
      'VUX_EXTERN_ANORDNARE_ANSVARIG',
      'VUX_INTERN_ANORDNARE_ANSVARIG',
    ]);
    for (const r of roles) expect(r.isResponsible).toBe(r.grants.some((g) => g.function === 'END_STAFF' && g.access === 'UPDATE'));
  });

  it('R-ROLE-1: the catalogue is plain data that survives a JSON round trip (a migration seeds it)', () => {
    expect(JSON.parse(JSON.stringify({ systems, functions, roles }))).toEqual({ systems, functions, roles });
    expect(indexRoles(roles).get('READER')).toBe(roles.find((r) => r.code === 'READER'));
  });
});
