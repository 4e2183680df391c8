import { parseOrgNumber, ValidationError } from '@behorig/kit';
import { parsePostalCode } from './postal-code.rules';
import { parseBankgiro, parsePlusgiro, defaultForNewAccount, checkDefaultChange, checkRemoval, reviewStatusAfterChange } from './payment-account.rules';
import { luhnCheckDigitFor, luhnValid } from './luhn.rules';
import { parseServiceCode, checkSchoolForms } from './catalogue.rules';
import { normaliseSearch } from './organisation-search.rules';
import { optionalEmail, optionalPhone, optionalWebsite, requiredText } from './text.rules';

/** Runs `fn`, expecting a ValidationError; returns it so the field and message can be checked. */
function refusal(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

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

describe('payment account numbers', () => {
  it('Luhn over variable lengths: weights start next to the check digit', () => {
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

describe('catalogues, search and text fields', () => {
  it('R-ORG-2: service codes are API identifiers', () => {
    expect(parseServiceCode('RUSTA_OCH_MATCHA')).toBe('RUSTA_OCH_MATCHA');
    expect(refusal(() => parseServiceCode('rusta och matcha')).field).toBe('code');
  });
  it('R-ORG-5: school forms must come from the catalogue', () => {
    expect(checkSchoolForms(['SFI', 'SFI', 'SARVUX'], ['SFI', 'SARVUX'])).toEqual(['SFI', 'SARVUX']);
    expect(refusal(() => checkSchoolForms(['SFI', 'GYMNASIUM'], ['SFI'])).message).toMatch(/Unknown school form: GYMNASIUM/);
  });
  it('R-ID-3: a number typed without hyphen or with 16 searches as the stored form', () => {
    expect(normaliseSearch('2120002809')).toBe('212000-2809');
    expect(normaliseSearch('162120002809')).toBe('212000-2809');
    expect(normaliseSearch('  Dorotea  ')).toBe('dorotea');
    expect(normaliseSearch('212000')).toBe('212000');
    expect(normaliseSearch('   ')).toBeNull();
  });
  it('R-ORG-1: contact fields are checked the way people write them', () => {
    expect(optionalPhone('+46094214000', 'phone1')).toBe('+46094214000');
    expect(optionalPhone('0942-140 00', 'phone1')).toBe('0942-140 00');
    expect(refusal(() => optionalPhone('call me', 'phone2')).field).toBe('phone2');
    expect(optionalEmail('')).toBeNull();
    expect(refusal(() => optionalEmail('arvid@')).field).toBe('email');
    expect(optionalWebsite('www.dorotea.se')).toBe('www.dorotea.se');
    expect(refusal(() => requiredText('   ', 'givenName', 'The given name')).message).toBe('The given name must not be empty.');
  });
});
