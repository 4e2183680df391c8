import { describe, expect, it } from 'vitest';
import { periodStatus, staffStatus } from './status';

const today = '2026-11-28';

describe('status chips (R-PERIOD-1, R-PERIOD-5)', () => {
  it('R-PERIOD-5: a period ending yesterday has ended; one ending today still holds today', () => {
    expect(periodStatus({ validFrom: '2026-01-01', validTo: '2026-11-27' }, today)).toBe('ENDED');
    expect(periodStatus({ validFrom: '2026-01-01', validTo: '2026-11-28' }, today)).toBe('ENDING_SOON');
  });
  it('R-PERIOD-1: a period starting tomorrow starts later; one starting today is active', () => {
    expect(periodStatus({ validFrom: '2026-11-29', validTo: null }, today)).toBe('UPCOMING');
    expect(periodStatus({ validFrom: '2026-11-28', validTo: null }, today)).toBe('ACTIVE');
  });
  it('ending soon within 30 days, active beyond', () => {
    expect(periodStatus({ validFrom: '2026-01-01', validTo: '2026-12-28' }, today)).toBe('ENDING_SOON');
    expect(periodStatus({ validFrom: '2026-01-01', validTo: '2026-12-29' }, today)).toBe('ACTIVE');
  });
  it('a staff member is active while any role holds, ending soon only when every holding role ends soon', () => {
    expect(staffStatus([{ validFrom: '2026-01-01', validTo: '2026-12-01' }, { validFrom: '2026-01-01', validTo: null }], today)).toBe('ACTIVE');
    expect(staffStatus([{ validFrom: '2026-01-01', validTo: '2026-12-01' }, { validFrom: '2026-01-01', validTo: '2026-01-02' }], today)).toBe('ENDING_SOON');
  });
  it('ended people (no role left) and people starting later are told apart', () => {
    expect(staffStatus([{ validFrom: '2026-01-01', validTo: '2026-09-06' }], today)).toBe('ENDED');
    expect(staffStatus([], today)).toBe('ENDED');
    expect(staffStatus([{ validFrom: '2026-01-01', validTo: '2026-09-06' }, { validFrom: '2027-01-01', validTo: null }], today)).toBe('UPCOMING');
  });
});
