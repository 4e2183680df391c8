import { accessSatisfies, combinedGrants, grantsAccess, holdsFunction } from './access-level.rules';
import { catalogueRolesByCode, type Access, type FunctionGrant, type RoleLike } from './role-catalogue.data';

const role = (code: string) => catalogueRolesByCode.get(code) as RoleLike;

describe('access levels', () => {
  it.each([
    ['UPDATE', 'UPDATE', true],
    ['UPDATE', 'READ', true],
    ['READ', 'READ', true],
    ['READ', 'UPDATE', false],
  ] as [Access, Access, boolean][])('R-ROLE-2a: held %s satisfies wanted %s → %s (UPDATE implies READ)', (held, wanted, ok) => {
    expect(accessSatisfies(held, wanted)).toBe(ok);
  });

  const grants: FunctionGrant[] = [
    { function: 'DOCUMENTS', access: 'UPDATE' },
    { function: 'CONTACT_PERSON', access: 'READ' },
  ];
  it.each([
    ['DOCUMENTS', 'UPDATE', true],
    ['DOCUMENTS', 'READ', true],
    ['CONTACT_PERSON', 'READ', true],
    ['CONTACT_PERSON', 'UPDATE', false],
    ['MANAGE_USERS', 'READ', false],
  ] as [string, Access, boolean][])('R-ROLE-2: grantsAccess(%s, %s) → %s', (fn, access, ok) => {
    expect(grantsAccess(grants, fn, access)).toBe(ok);
  });

  it.each([
    ['SERVICE_ADMIN', 'MANAGE_USERS', 'UPDATE', false],
    ['SERVICE_ADMIN', 'CONTACT_PERSON', 'UPDATE', true],
    ['READER', 'MONTHLY_REPORT', 'READ', true],
    ['READER', 'MONTHLY_REPORT', 'UPDATE', false],
    ['REGISTRAR', 'MONTHLY_REPORT', 'UPDATE', true],
    ['REGISTRAR', 'ACCOUNT_INFO', 'UPDATE', false],
    ['REGISTRAR', 'ACCOUNT_INFO', 'READ', true],
    ['PERMISSION_ADMIN', 'MANAGE_USERS', 'UPDATE', true],
  ] as [string, string, Access, boolean][])('R-ROLE-2: %s holds %s %s → %s', (code, fn, access, ok) => {
    expect(holdsFunction([role(code)], fn, access)).toBe(ok);
  });

  it('R-USR-4: roles combine freely — one, two or three Mina sidor roles', () => {
    const one = [role('REPORTING')];
    const two = [role('REPORTING'), role('RECEIVE_PARTICIPANTS')];
    const three = [...two, role('ADMINISTER_PERMISSIONS')];
    expect(holdsFunction(one, 'ASSIGN_SUPERVISOR', 'UPDATE')).toBe(false);
    expect(holdsFunction(two, 'ASSIGN_SUPERVISOR', 'UPDATE')).toBe(true);
    expect(holdsFunction(two, 'MANAGE_USERS', 'UPDATE')).toBe(false);
    expect(holdsFunction(three, 'MANAGE_USERS', 'UPDATE')).toBe(true);
    expect(holdsFunction([], 'REPORTS', 'READ')).toBe(false);
  });

  it('R-USR-4: combinedGrants keeps the highest level per function', () => {
    const combined = combinedGrants([role('READER'), role('REGISTRAR')]);
    expect(combined).toHaveLength(9);
    expect(combined.find((g) => g.function === 'DOCUMENTS')?.access).toBe('UPDATE');
    expect(combined.find((g) => g.function === 'CONTACT_PERSON')?.access).toBe('READ');
    expect(combinedGrants([role('REGISTRAR'), role('READER')])).toEqual(expect.arrayContaining(combined));
  });
});
