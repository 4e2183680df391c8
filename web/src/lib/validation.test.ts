import { describe, expect, it } from 'vitest';
import { checkEndDate, validateStaffForm, type StaffForm } from './validation';
import { endsSoon, latestEndDate } from './dates';

const TODAY = '2026-11-22';
const valid: StaffForm = {
  personalNumber: '19640326-1230', givenName: 'Arvid', surname: 'Aronsson', email: 'arvid@example.se',
  roleCodes: ['READER'], unitIds: ['u1'], validFrom: TODAY, validTo: '2027-06-30',
};

describe('Skapa användare form validation', () => {
  it('R-USR-1: a complete form has no errors', () => {
    expect(validateStaffForm(valid, { today: TODAY, unitsRequired: true })).toEqual({});
  });

  it('R-USR-1: names, personal number, role and start date are required', () => {
    const errors = validateStaffForm({ ...valid, personalNumber: ' ', givenName: '', surname: '', roleCodes: [], validFrom: '' }, { today: TODAY });
    expect(errors).toMatchObject({ personalNumber: 'validation.required', givenName: 'validation.required', surname: 'validation.required', roleCodes: 'validation.roleRequired', validFrom: 'validation.required' });
  });

  it('R-ID-1: a wrong personal number is reported on its field', () => {
    expect(validateStaffForm({ ...valid, personalNumber: '19640326-1231' }, { today: TODAY }).personalNumber).toBe('pnr.checkDigit');
  });

  it('R-ID-2: a coordination number is accepted', () => {
    expect(validateStaffForm({ ...valid, personalNumber: '680164-2395' }, { today: TODAY }).personalNumber).toBeUndefined();
  });

  it('rejects a malformed e-mail but allows none', () => {
    expect(validateStaffForm({ ...valid, email: 'nope' }, { today: TODAY }).email).toBe('validation.email');
    expect(validateStaffForm({ ...valid, email: '' }, { today: TODAY }).email).toBeUndefined();
  });

  it('R-PERIOD-2: rejects an end date after next year-end (set on 2026-11-22 → latest 2027-12-31)', () => {
    expect(latestEndDate(TODAY)).toBe('2027-12-31');
    expect(validateStaffForm({ ...valid, validTo: '2027-12-31' }, { today: TODAY }).validTo).toBeUndefined();
    expect(validateStaffForm({ ...valid, validTo: '2028-01-01' }, { today: TODAY }).validTo).toBe('validation.endTooLate');
  });

  it('R-PERIOD-1: the end date may not precede the start date or lie in the past', () => {
    expect(validateStaffForm({ ...valid, validFrom: '2027-02-01', validTo: '2027-01-31' }, { today: TODAY }).validTo).toBe('validation.endBeforeStart');
    expect(checkEndDate('2026-11-21', null, TODAY)).toBe('validation.endInPast');
    expect(checkEndDate('2026-02-30', null, TODAY)).toBe('validation.date');
    expect(checkEndDate('', null, TODAY)).toBeNull();
  });

  it('R-PERIOD-3: a permission administrator role gets no end date', () => {
    const form = { ...valid, roleCodes: ['PERMISSION_ADMIN'] };
    expect(validateStaffForm(form, { today: TODAY, adminRoleCodes: ['PERMISSION_ADMIN'] }).validTo).toBe('validation.adminNoEndDate');
    expect(validateStaffForm({ ...form, validTo: '' }, { today: TODAY, adminRoleCodes: ['PERMISSION_ADMIN'] }).validTo).toBeUndefined();
  });

  it('R-USR-2: units are required where the organisation has units', () => {
    expect(validateStaffForm({ ...valid, unitIds: [] }, { today: TODAY, unitsRequired: true }).unitIds).toBe('validation.unitRequired');
    expect(validateStaffForm({ ...valid, unitIds: [] }, { today: TODAY }).unitIds).toBeUndefined();
  });

  it('R-SCOPE-1: "ending soon" means within 30 days, not past, not open-ended', () => {
    expect(endsSoon('2026-12-01', TODAY)).toBe(true);
    expect(endsSoon('2026-12-22', TODAY)).toBe(true);
    expect(endsSoon('2026-12-23', TODAY)).toBe(false);
    expect(endsSoon('2026-11-21', TODAY)).toBe(false);
    expect(endsSoon(null, TODAY)).toBe(false);
  });
});
