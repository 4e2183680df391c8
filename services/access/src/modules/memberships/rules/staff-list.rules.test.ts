import { searchTerms, staffStatusOf } from './staff-list.rules';

const today = '2026-11-28';
const soon = '2026-12-28';
const esc = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

describe('the staff list status (R-PERIOD-1, R-PERIOD-5)', () => {
  it('R-PERIOD-5: a role ended yesterday is ended; one ending today still holds (ending soon)', () => {
    expect(staffStatusOf([{ validFrom: '2015-05-07', validTo: '2026-11-27' }], today, soon)).toBe('ENDED');
    expect(staffStatusOf([{ validFrom: '2015-05-07', validTo: '2026-11-28' }], today, soon)).toBe('ENDING_SOON');
  });
  it('R-PERIOD-1: active when a holding role ends after the window or never; ending soon only when every holding role ends within it', () => {
    expect(staffStatusOf([{ validFrom: '2020-01-01', validTo: '2026-12-29' }], today, soon)).toBe('ACTIVE');
    expect(staffStatusOf([{ validFrom: '2020-01-01', validTo: '2026-12-28' }], today, soon)).toBe('ENDING_SOON');
    expect(staffStatusOf([{ validFrom: '2020-01-01', validTo: '2026-12-01' }, { validFrom: '2020-01-01', validTo: null }], today, soon)).toBe('ACTIVE');
  });
  it('R-PERIOD-1: starting later, and ended with no roles at all', () => {
    expect(staffStatusOf([{ validFrom: '2026-11-29', validTo: null }], today, soon)).toBe('UPCOMING');
    expect(staffStatusOf([{ validFrom: '2015-01-01', validTo: '2026-09-06' }, { validFrom: '2027-01-01', validTo: null }], today, soon)).toBe('UPCOMING');
    expect(staffStatusOf([], today, soon)).toBe('ENDED');
  });
});

describe('the staff list search text (R-USR-1)', () => {
  it('matches as a contained, escaped pattern; dates written with digits also match YYYYMMDD', () => {
    expect(searchTerms('  ', esc)).toBeNull();
    expect(searchTerms('Asp', esc)).toEqual({ text: 'Asp', pattern: '%Asp%', digits: null });
    expect(searchTerms('50%_off', esc)?.pattern).toBe('%50\\%\\_off%');
    expect(searchTerms('1987-05-07', esc)).toEqual({ text: '1987-05-07', pattern: '%1987-05-07%', digits: '%19870507%' });
    expect(searchTerms('870507', esc)?.digits).toBe('%870507%');
    expect(searchTerms('12', esc)?.digits).toBeNull(); // too short to mean a date
  });
});
