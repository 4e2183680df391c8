import { describe, expect, it } from 'vitest';
import { mayChooseAllSchoolForms, staffFormFrom } from './staff';
import { apiFieldErrors } from '../api/errors';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';

describe('staff list helpers', () => {
  it('the edit dialog starts from the membership: roles, units, offices, earliest start, latest end (none when one is open-ended)', () => {
    const m = { email: 'k@a.se', employments: [{ unit: { id: 'u1' }, addressIds: ['a1'] }, { unit: { id: 'u1' }, addressIds: null }], roles: [
      { validFrom: '2020-01-01', validTo: '2026-09-06', role: { code: 'SERVICE_ADMIN' } }, { validFrom: '2019-01-01', validTo: '2027-01-01', role: { code: 'READER' } },
    ] };
    expect(staffFormFrom({ givenName: 'Karina', surname: 'Asp' }, m, '2026-11-28')).toEqual({
      givenName: 'Karina', surname: 'Asp', email: 'k@a.se', roleCodes: ['SERVICE_ADMIN', 'READER'], unitIds: ['u1'], addressIds: ['a1'], validFrom: '2019-01-01', validTo: '2027-01-01',
    });
    expect(staffFormFrom({ givenName: 'K', surname: 'A' }, { ...m, roles: [...m.roles, { validFrom: '2021-01-01', validTo: null, role: { code: 'X' } }] }, '2026-11-28').validTo).toBe('');
  });
  it('R-SIGN-8: an ended person\'s new period starts today with no end date chosen yet (it waits for a signature)', () => {
    const m = { employments: [{ unit: { id: 'u1' } }], roles: [{ validFrom: '2015-05-07', validTo: '2026-09-06', role: { code: 'SERVICE_ADMIN' } }] };
    expect(staffFormFrom({ givenName: 'Karina', surname: 'Asp' }, m, '2026-11-28', true)).toMatchObject({ roleCodes: ['SERVICE_ADMIN'], unitIds: ['u1'], validFrom: '2026-11-28', validTo: '' });
  });
  it('R-END-3: "Alla" school forms only when the actor covers every school form of the employee', () => {
    expect(mayChooseAllSchoolForms(['SFI', 'KOMVUX_GYMNASIAL'], ['SFI'])).toBe(true);
    expect(mayChooseAllSchoolForms(['SFI'], ['SFI', 'KOMVUX_GYMNASIAL'])).toBe(false);
    expect(mayChooseAllSchoolForms(['SFI'], [null])).toBe(false);
    expect(mayChooseAllSchoolForms([null], ['SFI', 'KOMVUX_GYMNASIAL'])).toBe(true);
    expect(mayChooseAllSchoolForms([], ['SFI'], true)).toBe(true);
  });
  it('API errors go to the field named by extensions.field (last segment), the rest is general', () => {
    const error = new CombinedError({ graphQLErrors: [
      new GraphQLError('Check digit should be 1', { extensions: { code: 'BAD_USER_INPUT', reason: 'PERSONAL_NUMBER_CHECK_DIGIT', field: 'input.personalNumber' } }),
      new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } }),
    ] });
    expect(apiFieldErrors(error, 'sv')).toEqual({
      fields: { personalNumber: 'Personnumret stämmer inte – kontrollera siffrorna (kontrollsiffran är fel).' },
      general: ['Du har inte behörighet att göra det här.'],
    });
  });
});
