import { parseOrgNumber } from '@behorig/kit/identity';
import { normaliseSearch } from './organisation-search.rules';
import { refusal } from '../../../../test/support/refusal';

describe('organisation numbers (kit parseOrgNumber)', () => {
  it.each([
    ['212000-2809', '212000-2809'], // Dorotea kommun
    ['2120002809', '212000-2809'],
    ['16212000-2809', '212000-2809'],
    ['162120002809', '212000-2809'],
    ['556036-0793', '556036-0793'], // a real limited company
    ['5560360793', '556036-0793'],
    [' 556036-0793 ', '556036-0793'],
    ['202100-2114', '202100-2114'], // Arbetsförmedlingen
  ])('R-ID-3: accepts %s as %s', (input, canonical) => {
    expect(parseOrgNumber(input, 'orgNumber')).toBe(canonical);
  });

  it.each([
    ['212000-2808', /check digit should be 9/],
    ['556036-0794', /check digit should be 3/],
    ['551036-0793', /Digits 3–4 .* at least 20/], // digits 3–4 = 10: a personal number, not an organisation
    ['212000-280', /form NNNNNN-NNNN/],
    ['21200028099', /form NNNNNN-NNNN/],
    ['552120002809', /must start with 16/],
    ['ABCDEF-GHIJ', /form NNNNNN-NNNN/],
    ['', /form NNNNNN-NNNN/],
  ])('R-ID-3: refuses %s with a clear message naming the field', (input, message) => {
    const e = refusal(() => parseOrgNumber(input, 'orgNumber'));
    expect(e.field).toBe('orgNumber');
    expect(e.message).toMatch(message);
  });
});

describe('organisation search', () => {
  it('R-ID-3: a number typed without hyphen or with 16 searches as the stored form', () => {
    expect(normaliseSearch('2120002809')).toBe('212000-2809');
    expect(normaliseSearch('162120002809')).toBe('212000-2809');
    expect(normaliseSearch('  Dorotea  ')).toBe('dorotea');
    expect(normaliseSearch('212000')).toBe('212000');
    expect(normaliseSearch('   ')).toBeNull();
  });
});
