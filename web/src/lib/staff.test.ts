import { describe, expect, it } from 'vitest';
import { mayChooseAllSchoolForms, sortRows, type StaffRow } from './staff';
import { apiFieldErrors } from '../api/errors';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';

const row = (name: string, validTo: string, birthDate = '1970-01-01'): StaffRow => ({ id: name, name, birthDate, email: '', role: '', validFrom: '2026-01-01', validTo });

describe('staff list helpers', () => {
  it('sorts by name in Swedish order (å ä ö last)', () => {
    const sorted = sortRows([row('Östberg', ''), row('Aronsson', ''), row('Åberg', ''), row('Zorn', '')], 'name', 'asc');
    expect(sorted.map((r) => r.name)).toEqual(['Aronsson', 'Zorn', 'Åberg', 'Östberg']);
  });
  it('sorts end dates with "no end date" last ascending, first descending', () => {
    const rows = [row('A', ''), row('B', '2027-01-01'), row('C', '2026-12-01')];
    expect(sortRows(rows, 'validTo', 'asc').map((r) => r.name)).toEqual(['C', 'B', 'A']);
    expect(sortRows(rows, 'validTo', 'desc').map((r) => r.name)).toEqual(['A', 'B', 'C']);
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
