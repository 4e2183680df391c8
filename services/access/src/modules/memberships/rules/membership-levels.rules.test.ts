import { keptEmploymentEnd } from './membership-levels.rules';

const TODAY = '2026-11-29';
const row = (unitId: string, schoolFormCode: string | null, validTo: string | null) => ({ unitId, schoolFormCode, validTo });

describe('R-END-1: a unit\'s planned ending stands through a later signed change', () => {
  it('keeps the end date of the same (unit, school form)', () => {
    expect(keptEmploymentEnd([row('u1', 'SFI', '2026-12-31'), row('u2', 'SFI', null)], 'u1', 'SFI', TODAY)).toBe('2026-12-31');
    expect(keptEmploymentEnd([row('u1', null, '2026-12-31')], 'u1', null, TODAY)).toBe('2026-12-31');
  });

  it('an ending on the last day, today, still stands', () => {
    expect(keptEmploymentEnd([row('u1', null, TODAY)], 'u1', null, TODAY)).toBe(TODAY);
  });

  it('no earlier row, or one without an ending, gives no end date', () => {
    expect(keptEmploymentEnd([], 'u1', null, TODAY)).toBeNull();
    expect(keptEmploymentEnd([row('u1', 'SFI', null)], 'u1', 'SFI', TODAY)).toBeNull();
    expect(keptEmploymentEnd([row('u2', 'SFI', '2026-12-31')], 'u1', 'SFI', TODAY)).toBeNull();
    expect(keptEmploymentEnd([row('u1', 'KOMVUX_GYMNASIAL', '2026-12-31')], 'u1', 'SFI', TODAY)).toBeNull();
  });

  it('an ending already past is not carried: granting the unit again is a new employment', () => {
    expect(keptEmploymentEnd([row('u1', 'SFI', '2026-11-28')], 'u1', 'SFI', TODAY)).toBeNull();
  });

  it('between "all school forms" and one school form, the latest ending wins, and no ending beats any', () => {
    expect(keptEmploymentEnd([row('u1', 'SFI', '2026-12-31'), row('u1', 'KOMVUX_GYMNASIAL', '2027-01-31')], 'u1', null, TODAY)).toBe('2027-01-31');
    expect(keptEmploymentEnd([row('u1', 'SFI', '2026-12-31'), row('u1', 'KOMVUX_GYMNASIAL', null)], 'u1', null, TODAY)).toBeNull();
    expect(keptEmploymentEnd([row('u1', null, '2026-12-31')], 'u1', 'SFI', TODAY)).toBe('2026-12-31');
  });
});
