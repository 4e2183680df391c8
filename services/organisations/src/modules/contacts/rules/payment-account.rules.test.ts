import { parseBankgiro, parsePlusgiro, defaultForNewAccount, checkDefaultChange, checkRemoval, reviewStatusAfterChange } from './payment-account.rules';
import { luhnCheckDigitFor, luhnValid } from './luhn.rules';
import { refusal } from '../../../../test/support/refusal';

describe('payment account numbers', () => {
  it('R-ORG-1: Luhn over variable lengths: weights start next to the check digit', () => {
    expect(luhnCheckDigitFor('762025')).toBe(5);
    expect(luhnValid('7620255')).toBe(true);
    expect(luhnValid('7620256')).toBe(false);
  });

  it.each([
    ['762-0255', '762-0255'], // Dorotea's bankgiro in the seed
    ['7620255', '762-0255'],
    ['5050-1055', '5050-1055'],
    ['5050 1055', '5050-1055'],
  ])('R-ORG-1: accepts bankgiro %s as %s', (input, canonical) => {
    expect(parseBankgiro(input)).toBe(canonical);
  });

  it.each([
    ['762-0256', /check digit/],
    ['5050-1056', /check digit/],
    ['123-45', /7 or 8 digits/],
    ['12345-67890', /7 or 8 digits/],
    ['762-O255', /7 or 8 digits/],
  ])('R-ORG-1: refuses bankgiro %s', (input, message) => {
    const e = refusal(() => parseBankgiro(input, 'number'));
    expect(e.field).toBe('number');
    expect(e.message).toMatch(message);
  });

  it.each([
    ['90 01 22-3', '900122-3'],
    ['9001223', '900122-3'],
    ['41234-6', '41234-6'],
  ])('R-ORG-1: accepts plusgiro %s as %s', (input, canonical) => {
    expect(parsePlusgiro(input)).toBe(canonical);
  });

  it.each([['90 01 22-4'], ['1'], ['123456789-0'], ['90a122-3']])('R-ORG-1: refuses plusgiro %s', (input) => {
    expect(refusal(() => parsePlusgiro(input, 'number')).field).toBe('number');
  });
});

describe('exactly one default account (R-ORG-1)', () => {
  const a = { id: 'a', isDefault: true };
  const b = { id: 'b', isDefault: false };
  it('R-ORG-1: the first account is the default even when not asked for', () => {
    expect(defaultForNewAccount([], false)).toBe(true);
    expect(defaultForNewAccount([], undefined)).toBe(true);
  });
  it('R-ORG-1: a later account is the default only when asked for', () => {
    expect(defaultForNewAccount([a], undefined)).toBe(false);
    expect(defaultForNewAccount([a], true)).toBe(true);
  });
  it('R-ORG-1: un-marking the default is refused; marking a non-default is fine', () => {
    expect(refusal(() => checkDefaultChange(a, false)).field).toBe('isDefault');
    expect(() => checkDefaultChange(b, false)).not.toThrow();
    expect(() => checkDefaultChange(a, true)).not.toThrow();
  });
  it('R-ORG-1: removing the default is refused while others remain, allowed when it is the last', () => {
    expect(refusal(() => checkRemoval(a, [a, b])).message).toMatch(/default account/);
    expect(() => checkRemoval(a, [a])).not.toThrow();
    expect(() => checkRemoval(b, [a, b])).not.toThrow();
  });
  it('R-ORG-1: a changed number needs a new review; an unchanged one keeps its status', () => {
    expect(reviewStatusAfterChange('REVIEWED', { type: 'BANKGIRO', number: '762-0255' }, { type: 'BANKGIRO', number: '5050-1055' })).toBe('NOT_REVIEWED');
    expect(reviewStatusAfterChange('REVIEWED', { type: 'BANKGIRO', number: '762-0255' }, { type: 'BANKGIRO', number: '762-0255' })).toBe('REVIEWED');
  });
});
