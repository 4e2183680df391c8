import { parsePostalCode } from './postal-code.rules';
import { refusal } from '../../../../test/support/refusal';

describe('postal codes', () => {
  it.each([
    ['917 31', '917 31'],
    ['91731', '917 31'],
    ['SE-917 31', '917 31'],
    [' 164 40 ', '164 40'],
  ])('R-ORG-3: accepts %s as %s', (input, canonical) => {
    expect(parsePostalCode(input)).toBe(canonical);
  });

  it.each([['9173'], ['917 311'], ['017 31'], ['ABC DE'], ['']])('R-ORG-3: refuses %p', (input) => {
    const e = refusal(() => parsePostalCode(input, 'addresses.0.postalCode'));
    expect(e.field).toBe('addresses.0.postalCode');
    expect(e.message).toMatch(/postal code/i);
  });
});
